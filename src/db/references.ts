// Every column that points at a model's id, read from the schema (the full DMMF written at install), so
// code that re-points references (merging duplicates) also follows tables added after it was written.
import { readFileSync } from 'node:fs';

interface DmmfField { name: string; kind: string; type: string; relationFromFields?: string[] }
interface DmmfModel { name: string; dbName: string | null; fields: DmmfField[] }

export interface Reference {
  model: string;
  table: string;
  column: string;
}

const models: DmmfModel[] = JSON.parse(readFileSync(new URL('../admin/dmmf.json', import.meta.url), 'utf8')).datamodel.models;

export function referencesTo(target: string): Reference[] {
  return models.flatMap((model) =>
    model.fields
      .filter((field) => field.kind === 'object' && field.type === target && field.relationFromFields?.length === 1)
      .map((field) => ({ model: model.name, table: model.dbName ?? model.name, column: field.relationFromFields![0] })),
  );
}
