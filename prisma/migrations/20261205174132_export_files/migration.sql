-- CreateTable
CREATE TABLE "export_files" (
    "name" TEXT NOT NULL,
    "contentOid" OID NOT NULL,
    "bytes" BIGINT NOT NULL,
    "modifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "export_files_pkey" PRIMARY KEY ("name")
);
