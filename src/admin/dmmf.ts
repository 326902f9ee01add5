// The full DMMF written by scripts/generate-prisma.mjs at install time (Prisma 6 ships a trimmed one
// that the AdminJS adapter cannot use).
import { readFileSync } from 'node:fs';

const dmmf = JSON.parse(readFileSync(new URL('./dmmf.json', import.meta.url), 'utf8'));

export const dmmfClientModule = { Prisma: { dmmf } } as never;
