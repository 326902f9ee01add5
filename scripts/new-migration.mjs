// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that turns the last committed
// schema (git HEAD) into the current prisma/schema.prisma. Usage: npm run migrate:new -- <name>
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run migrate:new -- <snake_case_name>');
  process.exit(1);
}
const previous = path.join(mkdtempSync(path.join(tmpdir(), 'schema-')), 'schema.prisma');
writeFileSync(previous, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma']));
const sql = execFileSync('npx', ['prisma', 'migrate', 'diff', '--from-schema-datamodel', previous,
  '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
  env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://127.0.0.1:54329/ecf' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join('prisma', 'migrations', `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`Wrote ${dir}/migration.sql`);
