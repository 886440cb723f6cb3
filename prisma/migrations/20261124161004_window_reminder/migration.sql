-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "windowReminderAt" TIMESTAMP(3);
