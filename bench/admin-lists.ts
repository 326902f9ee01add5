// The back office's list pages for participants and declarations at national scale (the full demo seed
// topped up to 100,000 participants and 1,000,000 declarations, scripts/national-data.ts), as a signed-in
// admin pages through them: the first page, pages deep in the list, sorted by another column, and
// filtered. Each request is the JSON the list page fetches. The baseline is the same page of rows read
// straight from PostgreSQL (SELECT ... ORDER BY ... LIMIT 10 OFFSET n), measured in the same run.
// Target: p95 under 300 ms. The data takes minutes to build, so it is kept between runs.
//   npx tsx bench/admin-lists.ts        (BENCH_LISTS_PG_PORT, default 54530; data in .data/bench-pg-<port>)
import pg from 'pg';
import { applyMigrations } from '../src/db/migrate.js';
import { createApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { DEMO_LOGINS } from '../seeds/demo-logins.js';
import { buildNationalDatabase } from '../scripts/national-data.js';
import { listenLocally, percentile, runWhenMain, timed, withBenchDatabase, type BenchResult } from './support.js';

const TARGET_P95_MS = 300;
const DATABASE = 'ecf_national';
const PER_PAGE = 10;

interface ListCase {
  resource: string;
  table: string;
  /** The query string after the page number. */
  query: string;
  orderBy: string;
}

const CASES: ListCase[] = [
  { resource: 'ParticipantProfile', table: 'participant_profiles', query: '', orderBy: '"updatedAt" DESC' },
  { resource: 'ParticipantProfile', table: 'participant_profiles', query: '&sortBy=createdAt&direction=asc', orderBy: '"createdAt"' },
  { resource: 'ParticipantProfile', table: 'participant_profiles', query: '&filters.trainingStatus=withdrawn', orderBy: '"updatedAt" DESC' },
  { resource: 'Declaration', table: 'declarations', query: '', orderBy: 'id' },
  { resource: 'Declaration', table: 'declarations', query: '&sortBy=declarationDate&direction=desc', orderBy: '"declarationDate" DESC' },
  { resource: 'Declaration', table: 'declarations', query: '&filters.state=paid', orderBy: 'id' },
];
const PAGES = [1, 2, 3, 10, 50, 100, 500, 1000];

async function signIn(base: string): Promise<string> {
  const admin = DEMO_LOGINS.find((login) => login.role === 'admin')!;
  const response = await fetch(`${base}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    // As a browser sends it: state-changing requests are accepted only from our own pages.
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ email: admin.email, password: admin.password }).toString(),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie || response.status !== 302) throw new Error(`Signing in answered ${response.status}`);
  return cookie;
}

export async function run(): Promise<BenchResult> {
  const port = Number(process.env.BENCH_LISTS_PG_PORT ?? 54530);
  const prepare = () => buildNationalDatabase(process.env.DATABASE_URL!);
  return withBenchDatabase({ port, keep: DATABASE, prepare }, async (url) => {
    await applyMigrations(url);
    const app = await createApp({ ...loadConfig({ ...process.env, NODE_ENV: 'development' }) }, url);
    const { server, base } = await listenLocally(app);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const cookie = await signIn(base);
      const [{ participants, declarations }] = (await client.query('SELECT (SELECT count(*) FROM participant_profiles)::int AS participants, (SELECT count(*) FROM declarations)::int AS declarations')).rows;
      const ours: number[] = [];
      const baseline: number[] = [];
      const slowest = { ms: 0, request: '' };
      for (let round = 0; round < 2; round++) {
        for (const list of CASES) {
          for (const page of PAGES) {
            const request = `${list.resource}/actions/list?page=${page}&perPage=${PER_PAGE}${list.query}`;
            const ms = await timed(async () => {
              const response = await fetch(`${base}/admin/api/resources/${request}`, { headers: { cookie } });
              const body = (await response.json()) as { records?: unknown[]; meta?: { total: number } };
              if (response.status !== 200 || !body.records || !body.meta) throw new Error(`${request} answered ${response.status}`);
            });
            ours.push(ms);
            if (ms > slowest.ms) Object.assign(slowest, { ms, request });
            baseline.push(await timed(async () => {
              await client.query(`SELECT * FROM ${list.table} ORDER BY ${list.orderBy} LIMIT ${PER_PAGE} OFFSET ${(page - 1) * PER_PAGE}`);
            }));
          }
        }
      }
      const p95 = percentile(ours, 95);
      const baselineP95 = percentile(baseline, 95);
      return {
        name: `admin-lists (participants and declarations lists, ${participants.toLocaleString('en-GB')} participants, ${declarations.toLocaleString('en-GB')} declarations, p95)`,
        ours_ms: Math.round(p95),
        baseline_ms: Math.round(baselineP95 * 10) / 10,
        ratio: p95 / baselineP95,
        target: `p95 < ${TARGET_P95_MS} ms`,
        pass: p95 < TARGET_P95_MS && declarations >= 1_000_000,
        detail: `${ours.length} list requests (first, deep, sorted and filtered pages); median ${Math.round(percentile(ours, 50))} ms; slowest ${Math.round(slowest.ms)} ms (${slowest.request})`,
      };
    } finally {
      await client.end();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
}

await runWhenMain(import.meta, run);
