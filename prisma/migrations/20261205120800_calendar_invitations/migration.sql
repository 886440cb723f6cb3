-- Calendar invitations: an email may carry attachments (the .ics), and a campaign may also invite the prospect.
ALTER TABLE "EmailOutbox" ADD COLUMN "attachments" JSONB;
ALTER TABLE "Campaign" ADD COLUMN "invitesProspect" BOOLEAN NOT NULL DEFAULT false;
