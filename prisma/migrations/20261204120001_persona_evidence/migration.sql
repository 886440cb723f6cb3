-- The evidence a persona draft was started from (dashboards, issue 12), shown to the client beside the proposal.
ALTER TABLE "PersonaVersion" ADD COLUMN "evidence" JSONB;
