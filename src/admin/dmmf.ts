// The DMMF's data model written by scripts/generate-prisma.mjs at install time (Prisma 6 ships a trimmed
// one that the AdminJS adapter cannot use).
import { readFileSync } from 'node:fs';

const dmmf = JSON.parse(readFileSync(new URL('./dmmf.json', import.meta.url), 'utf8')) as { datamodel: unknown };

/**
 * What the adapter reads as `clientModule.Prisma.dmmf`. An instance of a class, not a plain object: AdminJS
 * deep-merges its options, resource arguments included, and would otherwise copy the data model once per
 * resource (with the whole DMMF that was 350 MB of heap in every app process).
 */
class ClientModule {
  constructor(readonly Prisma: { dmmf: unknown }) {}
}

export const dmmfClientModule = new ClientModule({ dmmf }) as never;

interface DatamodelField { name: string; kind: string; type: string; nativeType?: [string, unknown[]] | null; relationFromFields?: string[]; isList?: boolean }
interface Datamodel {
  models: { name: string; dbName: string | null; fields: DatamodelField[] }[];
  enums: { name: string; values: { name: string; dbName: string | null }[] }[];
}

/** The schema's models (with their tables) and enums (with what the database stores for each value). */
export const dmmfDatamodel = dmmf.datamodel as Datamodel;
