// 50 lead provider clients at once for 60 seconds against the API on a local server, each posting
// declarations for participants drawn from one shared pool (so clients race to declare the same
// milestone) and reading them back and listing them. Afterwards: no server error, every declaration the
// API accepted is stored once, and no participant has two live declarations of one type.
// Target: zero server errors, zero lost, zero duplicated; every request answered within 10 s.
//   npx tsx bench/api-load.ts        (BENCH_LOAD_PG_PORT, default 54540; CLIENTS, SECONDS to change the load)
import { performance } from 'node:perf_hooks';
import express from 'express';
import { createApiRouter } from '../src/api/router.js';
import { db } from '../src/db/client.js';
import { createParticipant, createParticipantWorld } from '../test/support/factories.js';
import { createToken } from '../test/api/support/api-client.js';
import { openStatement } from '../test/api/support/lead-provider.js';
import { listenLocally, percentile, runWhenMain, withBenchDatabase, type BenchResult } from './support.js';

const CLIENTS = Number(process.env.CLIENTS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 60);
const PARTICIPANTS = 400;
const TYPES = ['started', 'retained-1', 'retained-2'];
const MAX_LATENCY_MS = 10_000;

export async function run(): Promise<BenchResult> {
  const port = Number(process.env.BENCH_LOAD_PG_PORT ?? 54540);
  return withBenchDatabase({ port }, async () => {
    const world = await createParticipantWorld(2024);
    await openStatement(world.leadProvider, world.cohort);
    const participants: string[] = [];
    for (let i = 0; i < PARTICIPANTS; i++) participants.push((await createParticipant(world)).teacher.id);
    const token = await createToken(world.leadProvider);
    const app = express();
    app.use('/api/v3', createApiRouter());
    const { server, base: root } = await listenLocally(app);
    const base = `${root}/api/v3`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const latencies: number[] = [];
    const byKind = new Map<string, number[]>();
    const accepted = new Set<string>();
    const statuses = new Map<number, number>();
    let serverErrors = 0;
    let readsMissing = 0;
    const call = async (kind: string, path: string, init: RequestInit = {}) => {
      const started = performance.now();
      const response = await fetch(base + path, { ...init, headers });
      const body = (await response.json().catch(() => null)) as { data?: { id: string } } | null;
      const ms = performance.now() - started;
      latencies.push(ms);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500) serverErrors++;
      return { status: response.status, body };
    };

    const until = performance.now() + SECONDS * 1000;
    const began = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, async (_, client) => {
      let n = client;
      while (performance.now() < until) {
        n = (n * 7919 + 17) % (PARTICIPANTS * TYPES.length);
        const attributes = {
          participant_id: participants[n % PARTICIPANTS], declaration_type: TYPES[Math.floor(n / PARTICIPANTS)],
          declaration_date: '2024-10-01T10:00:00Z', course_identifier: 'ecf-induction', evidence_held: 'training-event-attended',
        };
        const posted = await call('post', '/participant-declarations', { method: 'POST', body: JSON.stringify({ data: { type: 'participant-declaration', attributes } }) });
        if (posted.status === 200 && posted.body?.data) {
          accepted.add(posted.body.data.id);
          const read = await call('get', `/participant-declarations/${posted.body.data.id}`);
          if (read.status !== 200) readsMissing++;
        }
        await call('list', `/participant-declarations?page[per_page]=100&page[page]=${1 + (n % 5)}`);
      }
    }));
    const elapsed = (performance.now() - began) / 1000;
    await new Promise((resolve) => server.close(resolve));

    const stored = await db().declaration.findMany({ where: { cpdLeadProviderId: world.leadProvider.cpdLeadProviderId }, select: { id: true } });
    const storedIds = new Set(stored.map((d) => d.id));
    const lost = [...accepted].filter((id) => !storedIds.has(id)).length;
    const [{ duplicated }] = await db().$queryRaw<{ duplicated: number }[]>`
      SELECT count(*)::int AS duplicated FROM (
        SELECT "participantProfileId", "declarationType" FROM declarations
        WHERE state NOT IN ('voided', 'ineligible', 'awaiting_clawback', 'clawed_back')
        GROUP BY 1, 2 HAVING count(*) > 1) twice`;
    const p99 = percentile(latencies, 99);
    const pass = serverErrors === 0 && lost === 0 && duplicated === 0 && readsMissing === 0 && stored.length === accepted.size && Math.max(...latencies) < MAX_LATENCY_MS;
    return {
      name: `api-load (${CLIENTS} clients for ${SECONDS} s posting, reading and listing declarations, p99)`,
      ours_ms: Math.round(p99),
      baseline_ms: null,
      ratio: null,
      target: `no 5xx, none lost or duplicated, every request < ${MAX_LATENCY_MS / 1000} s`,
      pass,
      detail: `slowest ${Math.round(Math.max(...latencies))} ms; ${latencies.length} requests in ${elapsed.toFixed(0)} s (${Math.round(latencies.length / elapsed)}/s; ${[...statuses].sort().map(([s, c]) => `${c}x${s}`).join(', ')}); ` +
        `p99 ${[...byKind].map(([kind, ms]) => `${kind} ${Math.round(percentile(ms, 99))} ms`).join(', ')}; ` +
        `${accepted.size} declarations accepted, ${stored.length} stored, ${lost} lost, ${duplicated} duplicated, ${serverErrors} server errors, ${readsMissing} unreadable`,
    };
  });
}

await runWhenMain(import.meta, run);
