-- CreateTable
CREATE TABLE "RitualReminder" (
    "objectiveId" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RitualReminder_pkey" PRIMARY KEY ("objectiveId","dueOn")
);

-- AddForeignKey
ALTER TABLE "RitualReminder" ADD CONSTRAINT "RitualReminder_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;
