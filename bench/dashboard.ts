// The home page's data (figures and charts) for every role on the full demo data (about 20,000
// participants and 65,000 declarations), kept in its own database and reused on later runs. The figure is
// the slowest role's median of five; the baseline is the figures alone (the dashboard before its charts).
//   npx tsx bench/dashboard.ts        (BENCH_DASHBOARD_PG_PORT, default 54514, data in .data/bench-pg-<port>)
import type { Role } from '@prisma/client';
import type { CurrentAdmin } from 'adminjs';
import { ROLES } from '../src/actions/authz.js';
import { dashboardData } from '../src/admin/dashboard.js';
import { db } from '../src/db/client.js';
import { unchallengedPartnershipSql } from '../src/rules/unchallenged-partnership.js';
import { seedDemo } from '../seeds/seed-demo.js';
import { median, runWhenMain, timed, withBenchDatabase, type BenchResult } from './support.js';

const TARGET_MS = 500;
const ROUNDS = 5;
const DATABASE = 'ecf_bench_dashboard_full';

async function medianTime(fn: () => Promise<unknown>): Promise<number> {
  const timings: number[] = [];
  for (let round = 0; round < ROUNDS; round++) timings.push(await timed(fn));
  return median(timings);
}

export async function run(): Promise<BenchResult> {
  const port = Number(process.env.BENCH_DASHBOARD_PG_PORT ?? 54514);
  const prepare = async () => {
    await seedDemo({ size: 'full' });
    await db().$executeRawUnsafe('VACUUM ANALYZE');
  };
  return withBenchDatabase({ port, keep: DATABASE, prepare }, async () => {
    const declarations = await db().declaration.count();
    const admin = (role: Role) => ({ email: `${role}@example.com`, role }) as unknown as CurrentAdmin;
    await dashboardData(admin('admin'));
    const baseline = await medianTime(() => db().$queryRaw`
      SELECT (SELECT count(*) FROM schools), (SELECT count(*) FROM partnerships pa WHERE ${unchallengedPartnershipSql('pa')} AND NOT pa.relationship),
             (SELECT count(*) FROM participant_profiles WHERE "archivedAt" IS NULL), (SELECT count(*) FROM declarations),
             (SELECT count(*) FROM statements WHERE state <> 'paid')`);
    const byRole: [Role, number][] = [];
    for (const role of ROLES) byRole.push([role, await medianTime(() => dashboardData(admin(role)))]);
    const ours = Math.max(...byRole.map(([, ms]) => ms));
    return {
      name: `dashboard (page data per role, full demo data: ${declarations.toLocaleString('en-GB')} declarations)`,
      ours_ms: Math.round(ours),
      baseline_ms: Math.round(baseline),
      ratio: ours / baseline,
      target: `< ${TARGET_MS} ms for every role`,
      pass: ours < TARGET_MS,
      detail: byRole.map(([role, ms]) => `${role} ${Math.round(ms)} ms`).join(', '),
    };
  });
}

await runWhenMain(import.meta, run);
