-- AlterTable
ALTER TABLE "Objective" ADD COLUMN     "needMeetingIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
