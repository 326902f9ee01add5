// Runs after npm install: generates the Prisma client (Wasm query compiler, no engine download) and
// the DMMF's data model the AdminJS Prisma adapter needs (Prisma 6 ships a trimmed one) into
// src/admin/dmmf.json. Only the data model: the adapter reads nothing else, and the query schema beside it
// is twenty times its size.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

// The CLI reads the datasource url while loading the schema; without one it falls back to downloading
// the native query engine. Any URL will do: generate never connects.
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://127.0.0.1:54329/ecf', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], { stdio: ['ignore', 'ignore', 'inherit'], env });

const internals = await import('@prisma/internals');
const getDMMF = internals.getDMMF ?? internals.default.getDMMF;
const dmmf = await getDMMF({ datamodel: readFileSync('prisma/schema.prisma', 'utf8') });
writeFileSync('src/admin/dmmf.json', JSON.stringify({ datamodel: dmmf.datamodel }));
console.log('Prisma client and AdminJS DMMF generated.');
