-- Approved versions never change, whatever route or bug tries: the database refuses.
-- A version's content changes only while it is a DRAFT; its status follows the lifecycle
-- DRAFT -> PROPOSED -> APPROVED | CHANGES_REQUESTED | SUPERSEDED, APPROVED -> SUPERSEDED.

CREATE OR REPLACE FUNCTION rdv_guard_version() RETURNS trigger AS $$
DECLARE
  meta text[] := ARRAY['status', 'updatedAt', 'revision', 'proposedById', 'proposedAt', 'decidedById', 'decidedAt', 'decisionComment'];
  allowed boolean;
BEGIN
  IF OLD.status = 'DRAFT' THEN
    RETURN NEW;
  END IF;
  allowed := NEW.status = OLD.status
    OR (OLD.status = 'PROPOSED' AND NEW.status IN ('APPROVED', 'CHANGES_REQUESTED', 'SUPERSEDED'))
    OR (OLD.status = 'APPROVED' AND NEW.status = 'SUPERSEDED');
  IF NOT allowed THEN
    RAISE EXCEPTION 'version % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
  END IF;
  IF (to_jsonb(NEW) - meta) IS DISTINCT FROM (to_jsonb(OLD) - meta) THEN
    RAISE EXCEPTION 'version % is % and its content cannot change', OLD.id, OLD.status USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status <> 'PROPOSED' AND (
    NEW."proposedById" IS DISTINCT FROM OLD."proposedById" OR NEW."proposedAt" IS DISTINCT FROM OLD."proposedAt"
    OR NEW."decidedById" IS DISTINCT FROM OLD."decidedById" OR NEW."decidedAt" IS DISTINCT FROM OLD."decidedAt"
    OR NEW."decisionComment" IS DISTINCT FROM OLD."decisionComment") THEN
    RAISE EXCEPTION 'version % is % and its decision cannot change', OLD.id, OLD.status USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PersonaVersion_guard" BEFORE UPDATE ON "PersonaVersion" FOR EACH ROW EXECUTE FUNCTION rdv_guard_version();
CREATE TRIGGER "DefinitionVersion_guard" BEFORE UPDATE ON "DefinitionVersion" FOR EACH ROW EXECUTE FUNCTION rdv_guard_version();

-- Criteria belong to their version's content: they change only while the version is a draft.
CREATE OR REPLACE FUNCTION rdv_guard_criterion() RETURNS trigger AS $$
DECLARE
  version_status text;
BEGIN
  SELECT status::text INTO version_status FROM "DefinitionVersion" WHERE id = COALESCE(NEW."versionId", OLD."versionId");
  IF version_status IS NOT NULL AND version_status <> 'DRAFT' THEN
    RAISE EXCEPTION 'criteria of a % version cannot change', version_status USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "DefinitionCriterion_guard" BEFORE INSERT OR UPDATE OR DELETE ON "DefinitionCriterion" FOR EACH ROW EXECUTE FUNCTION rdv_guard_criterion();
