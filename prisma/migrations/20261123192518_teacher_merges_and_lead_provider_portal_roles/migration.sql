-- AlterTable
ALTER TABLE "teachers" ADD COLUMN     "mergedAt" TIMESTAMP(3),
ADD COLUMN     "mergedIntoId" UUID;

-- AlterTable
ALTER TABLE "portal_roles" ADD COLUMN     "leadProviderId" UUID;

-- CreateIndex
CREATE INDEX "teachers_mergedIntoId_idx" ON "teachers"("mergedIntoId");

-- CreateIndex
CREATE INDEX "portal_roles_leadProviderId_idx" ON "portal_roles"("leadProviderId");

-- AddForeignKey
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "teachers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_roles" ADD CONSTRAINT "portal_roles_leadProviderId_fkey" FOREIGN KEY ("leadProviderId") REFERENCES "lead_providers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
