-- CreateEnum
CREATE TYPE "VersionStatus" AS ENUM ('DRAFT', 'PROPOSED', 'APPROVED', 'CHANGES_REQUESTED', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "Persona" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Persona_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonaVersion" (
    "id" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "VersionStatus" NOT NULL DEFAULT 'DRAFT',
    "name" TEXT NOT NULL,
    "jobTitles" TEXT[],
    "seniorities" TEXT[],
    "departments" TEXT[],
    "industries" TEXT[],
    "companySizeMin" INTEGER,
    "companySizeMax" INTEGER,
    "geographies" TEXT[],
    "exclusions" TEXT[],
    "pains" TEXT NOT NULL DEFAULT '',
    "pitch" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "proposedById" TEXT,
    "proposedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionComment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonaVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualificationDefinition" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QualificationDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DefinitionVersion" (
    "id" TEXT NOT NULL,
    "definitionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "VersionStatus" NOT NULL DEFAULT 'DRAFT',
    "disputeWindowDays" INTEGER NOT NULL DEFAULT 7,
    "noShowPolicy" TEXT NOT NULL DEFAULT 'NOT_BILLED_REBOOKED',
    "minDurationMinutes" INTEGER NOT NULL DEFAULT 30,
    "allowedChannels" TEXT[],
    "minLeadTimeHours" INTEGER NOT NULL DEFAULT 24,
    "notes" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "proposedById" TEXT,
    "proposedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionComment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DefinitionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DefinitionCriterion" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "helpText" TEXT NOT NULL DEFAULT '',
    "required" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL,

    CONSTRAINT "DefinitionCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VersionComment" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "personaVersionId" TEXT,
    "definitionVersionId" TEXT,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VersionComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Persona_campaignId_idx" ON "Persona"("campaignId");

-- CreateIndex
CREATE INDEX "PersonaVersion_personaId_status_idx" ON "PersonaVersion"("personaId", "status");

-- CreateIndex
CREATE INDEX "PersonaVersion_status_idx" ON "PersonaVersion"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PersonaVersion_personaId_number_key" ON "PersonaVersion"("personaId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "QualificationDefinition_campaignId_key" ON "QualificationDefinition"("campaignId");

-- CreateIndex
CREATE INDEX "DefinitionVersion_definitionId_status_idx" ON "DefinitionVersion"("definitionId", "status");

-- CreateIndex
CREATE INDEX "DefinitionVersion_status_idx" ON "DefinitionVersion"("status");

-- CreateIndex
CREATE UNIQUE INDEX "DefinitionVersion_definitionId_number_key" ON "DefinitionVersion"("definitionId", "number");

-- CreateIndex
CREATE INDEX "DefinitionCriterion_versionId_position_idx" ON "DefinitionCriterion"("versionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "DefinitionCriterion_versionId_key_key" ON "DefinitionCriterion"("versionId", "key");

-- CreateIndex
CREATE INDEX "VersionComment_personaVersionId_createdAt_idx" ON "VersionComment"("personaVersionId", "createdAt");

-- CreateIndex
CREATE INDEX "VersionComment_definitionVersionId_createdAt_idx" ON "VersionComment"("definitionVersionId", "createdAt");

-- CreateIndex
CREATE INDEX "VersionComment_campaignId_idx" ON "VersionComment"("campaignId");

-- CreateIndex
CREATE INDEX "VersionComment_authorId_idx" ON "VersionComment"("authorId");

-- AddForeignKey
ALTER TABLE "Persona" ADD CONSTRAINT "Persona_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonaVersion" ADD CONSTRAINT "PersonaVersion_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualificationDefinition" ADD CONSTRAINT "QualificationDefinition_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DefinitionVersion" ADD CONSTRAINT "DefinitionVersion_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "QualificationDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DefinitionCriterion" ADD CONSTRAINT "DefinitionCriterion_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DefinitionVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionComment" ADD CONSTRAINT "VersionComment_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionComment" ADD CONSTRAINT "VersionComment_personaVersionId_fkey" FOREIGN KEY ("personaVersionId") REFERENCES "PersonaVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionComment" ADD CONSTRAINT "VersionComment_definitionVersionId_fkey" FOREIGN KEY ("definitionVersionId") REFERENCES "DefinitionVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionComment" ADD CONSTRAINT "VersionComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
