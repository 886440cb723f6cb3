-- A notification's words in every language, so the inbox and the digest follow the reader's language (decision 0053).
ALTER TABLE "Notification" ADD COLUMN "texts" JSONB;
