// Downloading the back office's largest list: a million declarations of one lead provider, as finance
// filtered it, with the list download's query and CSV writer (src/admin/lists), against
// `COPY (the same query) TO STDOUT WITH CSV HEADER` into a file, in the same run.
// Each is measured in a process of its own, twice, alternating; the faster of each pair is kept.
// Memory: the download streams, so what it holds must not grow with the rows. Every 100 batches (200,000
// rows) the writer process collects garbage and notes the heap still in use; the figure is the largest of
// those less the heap in use before the first row. Peak RSS is reported beside it, but it measures when V8
// chooses to collect (it lets garbage build up to a multiple of the live heap first), not what is held.
// Targets: at most 3x the COPY time (we format every cell in Node and make formulas inert); under 64 MB held.
//   npx tsx bench/list-export.ts
//   BENCH_PG_PORT (default 54420) for its own embedded server; BENCH_DECLARATIONS (default 1000000);
//   BENCH_DATABASE=name to keep the generated database and reuse it on the next run.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { Prisma } from '@prisma/client';
import type { CurrentAdmin } from 'adminjs';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { buildAdmin } from '../src/admin/index.js';
import { listExportQuery } from '../src/admin/lists/list-export-query.js';
import type { EcfResource } from '../src/admin/prisma-resource.js';
import { db, disconnectDb } from '../src/db/client.js';
import { cursorBatches } from '../src/reports/exports/cursor-batches.js';
import { writeListFile } from '../src/reports/lists/list-file.js';
import { generateDeclarationData } from './declarations-data.js';
import { runWhenMain, withBenchDatabase, type BenchResult } from './support.js';

const MAX_RATIO = 3;
const MAX_HELD_MB = 64;
const SAMPLE_EVERY_BATCHES = 100;
const FINANCE = { id: 'bench-finance', email: 'finance@bench.example.com', role: 'finance' } as unknown as CurrentAdmin;

interface Measure { ms: number; rssMb: number; heldMb: number; bytes: number }

/** The query with its parameters written in as literals, as COPY needs (a uuid we made). */
function inline(query: Prisma.Sql): string {
  return query.text.replace(/\$(\d+)/g, (_, n: string) => `'${String(query.values[Number(n) - 1]).replace(/'/g, "''")}'`);
}

function declarationsList(cpdLeadProviderId: string) {
  process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
  const resource = buildAdmin().findResource('Declaration') as unknown as EcfResource;
  return listExportQuery(resource, { 'filters.cpdLeadProvider': cpdLeadProviderId, sortBy: 'declarationDate', direction: 'asc' }, FINANCE);
}

/** In a child process: one download into `file`, reporting its time and the process's peak RSS. */
async function measure(which: 'ours' | 'copy', cpdLeadProviderId: string, file: string): Promise<void> {
  const list = declarationsList(cpdLeadProviderId);
  const out = createWriteStream(file);
  const heapInUse = () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed;
  };
  const before = heapInUse();
  let most = before;
  async function* sampled(batches: AsyncIterable<unknown[][]>) {
    let n = 0;
    for await (const batch of batches) {
      if (++n % SAMPLE_EVERY_BATCHES === 0) most = Math.max(most, heapInUse());
      yield batch;
    }
  }
  const started = performance.now();
  if (which === 'ours') {
    await writeListFile('csv', list.columns, sampled(cursorBatches(list.sql)), out);
    await once(out, 'finish');
  } else {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await pipeline(client.query(copyTo(`COPY (${inline(list.sql)}) TO STDOUT WITH CSV HEADER`)), out);
    await client.end();
  }
  const ms = performance.now() - started;
  const result: Measure = { ms, rssMb: process.resourceUsage().maxRSS / 1024, heldMb: (most - before) / 1048576, bytes: (await stat(file)).size };
  console.log(JSON.stringify(result));
  await disconnectDb();
  process.exit(0);
}

async function inChild(which: 'ours' | 'copy', cpdLeadProviderId: string, file: string): Promise<Measure> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), 'measure', which, cpdLeadProviderId, file], {
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`The ${which} download failed (exit ${code})`);
  return JSON.parse(output.trim().split('\n').at(-1)!) as Measure;
}

export async function run(): Promise<BenchResult> {
  const port = Number(process.env.BENCH_PG_PORT_LISTS ?? process.env.BENCH_PG_PORT ?? 54420);
  const declarations = Number(process.env.BENCH_DECLARATIONS ?? 1_000_000);
  const prepare = async () => {
    await generateDeclarationData({ tag: 'bench', participants: Math.ceil(declarations / 4) });
  };
  return withBenchDatabase({ port, keep: process.env.BENCH_DATABASE, prepare }, async () => {
    const provider = await db().cpdLeadProvider.findFirstOrThrow({ where: { name: 'Bench Provider bench' } });
    const rows = await db().declaration.count({ where: { cpdLeadProviderId: provider.id } });
    const dir = await mkdtemp(path.join(tmpdir(), 'list-export-bench-'));
    try {
      const copies: Measure[] = [];
      const ours: Measure[] = [];
      for (let round = 0; round < 2; round++) {
        copies.push(await inChild('copy', provider.id, path.join(dir, 'copy.csv')));
        ours.push(await inChild('ours', provider.id, path.join(dir, 'ours.csv')));
      }
      const copy = copies.reduce((a, b) => (a.ms <= b.ms ? a : b));
      const our = ours.reduce((a, b) => (a.ms <= b.ms ? a : b));
      const rssMb = Math.max(...ours.map((m) => m.rssMb));
      const heldMb = Math.max(...ours.map((m) => m.heldMb));
      const baseRssMb = Math.max(...copies.map((m) => m.rssMb));
      const ratio = our.ms / copy.ms;
      return {
        name: `list-export (the Declarations list, ${rows.toLocaleString('en-GB')} rows of one lead provider, as CSV)`,
        ours_ms: Math.round(our.ms),
        baseline_ms: Math.round(copy.ms),
        ratio,
        target: `<= ${MAX_RATIO}x COPY (same query) TO STDOUT WITH CSV, heap held while streaming < ${MAX_HELD_MB} MB`,
        pass: ratio <= MAX_RATIO && heldMb < MAX_HELD_MB,
        detail: `${(our.bytes / 1e6).toFixed(0)} MB (COPY ${(copy.bytes / 1e6).toFixed(0)} MB); heap held ${heldMb.toFixed(1)} MB; peak RSS ${rssMb.toFixed(0)} MB (the COPY process, which builds the same back office: ${baseRssMb.toFixed(0)} MB)`,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

if (process.argv[2] === 'measure') await measure(process.argv[3] as 'ours' | 'copy', process.argv[4], process.argv[5]);
else await runWhenMain(import.meta, run);
