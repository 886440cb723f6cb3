ALTER TABLE "WebhookAttempt" ADD COLUMN "responseExcerpt" TEXT;
