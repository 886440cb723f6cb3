-- Two migrations of the same day both extended the rollup's rebuild: 20261205120500_rating_rollup renamed the rebuild
-- to rdv_rebuild_rollup_counters() and wrapped it with the rating rollup's rebuild; 20261205120600_rollup_period_totals
-- then replaced rdv_rebuild_rollup() with the counters' rebuild followed by the period totals, dropping the wrapper.
-- One rebuild for all three: the counters and their period totals (the 120600 body), then the ratings.
DROP FUNCTION rdv_rebuild_rollup_counters();
ALTER FUNCTION rdv_rebuild_rollup() RENAME TO rdv_rebuild_rollup_counters;
CREATE FUNCTION rdv_rebuild_rollup() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rdv_rebuild_rollup_counters();
  PERFORM rdv_rebuild_rating_rollup();
END $$;
