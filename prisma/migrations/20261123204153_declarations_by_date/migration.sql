-- CreateIndex
CREATE INDEX "declarations_declarationDate_idx" ON "declarations"("declarationDate");

-- CreateIndex
CREATE INDEX "declarations_state_declarationDate_idx" ON "declarations"("state", "declarationDate");
