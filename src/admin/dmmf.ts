// The full DMMF written by scripts/generate-prisma.mjs at install time (Prisma 6 ships a trimmed one
// that the AdminJS adapter cannot use).
import { readFileSync } from 'node:fs';

const dmmf = JSON.parse(readFileSync(new URL('./dmmf.json', import.meta.url), 'utf8'));

export const dmmfClientModule = { Prisma: { dmmf } } as never;

interface DatamodelField { name: string; kind: string; type: string; relationFromFields?: string[] }
interface Datamodel {
  models: { name: string; dbName: string | null; fields: DatamodelField[] }[];
  enums: { name: string; values: { name: string; dbName: string | null }[] }[];
}

/** The schema's models (with their tables) and enums (with what the database stores for each value). */
export const dmmfDatamodel = dmmf.datamodel as Datamodel;
