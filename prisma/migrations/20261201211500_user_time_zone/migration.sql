-- Each user reads times in their own zone (detected from the browser at first sign-in, editable).
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;
