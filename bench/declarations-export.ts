// Exporting a million declarations (one lead provider and cohort, four statements) with the export
// job's writer, against `COPY (the same query) TO STDOUT WITH CSV HEADER` into a file, in the same run;
// the two files must be byte for byte the same.
// Each is measured in a process of its own (so one's memory does not count against the other), twice,
// alternating; the faster of each pair is kept. Peak memory is the writer process's maximum RSS.
// Targets: at most 1.5x the COPY time, peak RSS under 256 MB.
//   npx tsx bench/declarations-export.ts
//   BENCH_PG_PORT (default 54419) for its own embedded server; BENCH_DECLARATIONS (default 1000000);
//   BENCH_DATABASE=name to keep the generated database and reuse it on the next run.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import type { Prisma } from '@prisma/client';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { db, disconnectDb } from '../src/db/client.js';
import { providerDeclarationsQuery, writeProviderDeclarationsCsv, type ProviderCohort } from '../src/reports/statements/provider-declarations-csv.js';
import { generateDeclarationData } from './declarations-data.js';
import { runWhenMain, withBenchDatabase, type BenchResult } from './support.js';

const MAX_RATIO = 1.5;
const MAX_RSS_MB = 256;

interface Measure { ms: number; rssMb: number; bytes: number }

/** The query with its parameters written in as literals, as COPY needs (they are uuids we made). */
function inline(query: Prisma.Sql): string {
  return query.text.replace(/\$(\d+)/g, (_, n: string) => `'${String(query.values[Number(n) - 1]).replace(/'/g, "''")}'`);
}

/** In a child process: one export into `file`, reporting its time and the process's peak RSS. */
async function measure(which: 'ours' | 'copy', scope: ProviderCohort, file: string): Promise<void> {
  const out = createWriteStream(file);
  const started = performance.now();
  if (which === 'ours') {
    await writeProviderDeclarationsCsv(scope, out);
  } else {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await pipeline(client.query(copyTo(`COPY (${inline(providerDeclarationsQuery(scope, 'columns'))}) TO STDOUT WITH CSV HEADER`)), out);
    await client.end();
  }
  const ms = performance.now() - started;
  const result: Measure = { ms, rssMb: process.resourceUsage().maxRSS / 1024, bytes: (await stat(file)).size };
  console.log(JSON.stringify(result));
  await disconnectDb();
}

async function inChild(which: 'ours' | 'copy', scope: ProviderCohort, file: string): Promise<Measure> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'measure', which, JSON.stringify(scope), file], {
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`The ${which} export failed (exit ${code})`);
  return JSON.parse(output.trim().split('\n').at(-1)!) as Measure;
}


export async function run(): Promise<BenchResult> {
  const port = Number(process.env.BENCH_PG_PORT ?? 54419);
  const declarations = Number(process.env.BENCH_DECLARATIONS ?? 1_000_000);
  const prepare = async () => {
    await generateDeclarationData({ tag: 'bench', participants: Math.ceil(declarations / 4) });
  };
  return withBenchDatabase({ port, keep: process.env.BENCH_DATABASE, prepare }, async () => {
    const [scope] = await db().$queryRaw<ProviderCohort[]>`
      SELECT s."cpdLeadProviderId", s."cohortId" FROM statements s JOIN cpd_lead_providers c ON c.id = s."cpdLeadProviderId"
      WHERE c.name = 'Bench Provider bench' LIMIT 1`;
    const rows = await db().statementLineItem.count({ where: { statement: scope } });
    const dir = await mkdtemp(path.join(tmpdir(), 'declarations-bench-'));
    try {
      const copies: Measure[] = [];
      const ours: Measure[] = [];
      for (let round = 0; round < 2; round++) {
        copies.push(await inChild('copy', scope, path.join(dir, 'copy.csv')));
        ours.push(await inChild('ours', scope, path.join(dir, 'ours.csv')));
      }
      // The query formats every column, so COPY and we must write the very same bytes.
      const same = (await sameBytes(path.join(dir, 'copy.csv'), path.join(dir, 'ours.csv')));
      const copy = copies.reduce((a, b) => (a.ms <= b.ms ? a : b));
      const our = ours.reduce((a, b) => (a.ms <= b.ms ? a : b));
      const rssMb = Math.max(...ours.map((m) => m.rssMb));
      const ratio = our.ms / copy.ms;
      return {
        name: `declarations-export (${rows.toLocaleString('en-GB')} rows of one lead provider and cohort)`,
        ours_ms: Math.round(our.ms),
        baseline_ms: Math.round(copy.ms),
        ratio,
        target: `<= ${MAX_RATIO}x COPY (same query) TO STDOUT WITH CSV, peak RSS < ${MAX_RSS_MB} MB`,
        pass: ratio <= MAX_RATIO && rssMb < MAX_RSS_MB && same,
        detail: `${(our.bytes / 1e6).toFixed(0)} MB, peak RSS ${rssMb.toFixed(0)} MB, ${same ? 'same bytes as COPY' : 'DIFFERENT bytes from COPY'}`,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

/** Compares two files a chunk at a time. */
async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a), stat(b)]);
  if (sa.size !== sb.size) return false;
  const [fa, fb] = await Promise.all([open(a), open(b)]);
  try {
    const ba = Buffer.alloc(1 << 20);
    const bb = Buffer.alloc(1 << 20);
    for (let position = 0; position < sa.size; position += ba.length) {
      const [{ bytesRead }] = await Promise.all([fa.read(ba, 0, ba.length, position), fb.read(bb, 0, bb.length, position)]);
      if (!ba.subarray(0, bytesRead).equals(bb.subarray(0, bytesRead))) return false;
    }
    return true;
  } finally {
    await Promise.all([fa.close(), fb.close()]);
  }
}

if (process.argv[2] === 'measure') await measure(process.argv[3] as 'ours' | 'copy', JSON.parse(process.argv[4]) as ProviderCohort, process.argv[5]);
else await runWhenMain(import.meta, run);
