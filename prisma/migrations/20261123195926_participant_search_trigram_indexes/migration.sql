-- Trigram matching for support's participant search (a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "teachers_fullName_trgm_idx" ON "teachers" USING GIN ("fullName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "teachers_email_trgm_idx" ON "teachers" USING GIN ("email" gin_trgm_ops);

