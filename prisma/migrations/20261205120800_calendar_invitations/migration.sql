-- Calendar invitations: a campaign may also invite the prospect. (The .ics goes in EmailAttachment, the outbox's
-- files table of 20261205120200_email_attachments.)
ALTER TABLE "Campaign" ADD COLUMN "invitesProspect" BOOLEAN NOT NULL DEFAULT false;
