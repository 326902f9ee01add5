// Part of `npm run lint`: code cites files in this repository (or the DfE's public code by its path), never
// documents a clone does not have. Fails on a citation of the reference notes or source documents kept
// outside the repository, naming each file and line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOTS = ['src', 'test', 'bench', 'scripts', 'prisma', 'docs'];
const SKIP = new Set(['node_modules', 'generated', 'openapi']);
const OUTSIDE = /ecf-domain|\bseeds?[ /]00\d|runbook|stack-notes|style-examples|shared\/reference/i;
const SELF = path.join('scripts', 'check-citations.mjs');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) yield* files(file);
    else if (/\.(ts|tsx|mjs|js|sql|prisma|md)$/.test(name) && file !== SELF) yield file;
  }
}

const found = [];
for (const root of ROOTS) {
  for (const file of files(root)) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (OUTSIDE.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
}
if (found.length) {
  console.error('These lines cite documents that are not in the repository (cite a file here, or the DfE\'s code by its path):');
  for (const line of found) console.error(`  ${line}`);
  process.exit(1);
}
