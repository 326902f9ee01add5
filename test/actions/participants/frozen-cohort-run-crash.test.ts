// A bulk frozen-cohort move run whose process dies part way (killed, as a crash would) still shows and
// downloads what it did: each participant's outcome is recorded with its move, in the move's transaction,
// so every moved participant has an outcome and every recorded move happened. Read over HTTP by a super user.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { recoverInterruptedRuns } from '../../../src/actions/jobs/mark-runs-interrupted.js';
import { db } from '../../../src/db/client.js';
import { BackOfficeClient, startBackOffice, type BackOffice } from '../../support/back-office.js';
import { createDeclaration, createParticipant, createUser } from '../../support/factories.js';
import { frozenCohortWorld } from './move-from-frozen-cohort-world.js';

const PARTICIPANTS = 40;
const PASSWORD = 'frozen-cohort-crash-password';

let app: BackOffice;
let ids: string[];
let user: { id: string; email: string };

beforeAll(async () => {
  const { source } = await frozenCohortWorld();
  ids = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const participant = await createParticipant(source, { fullName: `Frozen ${String(i).padStart(2, '0')}` });
    await createDeclaration(participant, source.leadProvider, { state: 'paid' });
    ids.push(participant.profile.id);
  }
  user = await createUser('super_user', { password: PASSWORD, email: 'crash@frozen.example.com' });
  app = await startBackOffice();
}, 180_000);
afterAll(() => app?.close());

const until = async <T>(check: () => Promise<T | undefined>, what: string): Promise<T> => {
  for (let tries = 0; tries < 1200; tries++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Gave up waiting for ${what}`);
};

describe('a frozen-cohort move run that crashes part way', () => {
  it('keeps every outcome it reached, consistent with the moves, for the page and the CSV', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/actions/participants/support/frozen-cohort-run-process.ts', user.id, user.email, JSON.stringify(ids)], {
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const requestId = await until(async () => output.match(/request ([0-9a-f-]{36})/)?.[1], `the run to start:\n${output}`);
    // Killed once a few participants are done: the rest of the 40 are still to come.
    await until(async () => ((await db().frozenCohortMoveOutcome.count({ where: { requestId } })) >= 3 ? true : undefined), 'the first outcomes');
    child.kill('SIGKILL');
    await exited;

    const recorded = await db().frozenCohortMoveOutcome.findMany({ where: { requestId }, orderBy: { position: 'asc' } });
    expect(recorded.length).toBeGreaterThanOrEqual(3);
    expect(recorded.length).toBeLessThan(PARTICIPANTS);
    expect(recorded.map((r) => r.position)).toEqual(recorded.map((_, i) => i + 1));
    expect(recorded.every((r) => r.outcome === 'moved')).toBe(true);
    // Every move that happened has its outcome, and every outcome's move happened.
    const nowIn2024 = await db().participantProfile.findMany({ where: { id: { in: ids }, cohort: { startYear: 2024 } }, select: { id: true } });
    expect(nowIn2024.map((p) => p.id).sort()).toEqual(recorded.map((r) => r.participantProfileId).sort());

    // As at the next start: the run is marked failed (interrupted).
    await recoverInterruptedRuns();
    const client = new BackOfficeClient(app);
    await client.signIn(user.email, PASSWORD);
    const page = await client.json<{ run: { state: string; totalRows: number; counts: Record<string, number>; rows: { participantProfileId: string; outcome: string; cohortStartYear: number }[] } }>(
      `/pages/frozenCohortMoves?run=${requestId}`,
    );
    expect(page.status).toBe(200);
    expect(page.body.run).toMatchObject({ state: 'failed', totalRows: recorded.length, counts: { moved: recorded.length, refused: 0, failed: 0 } });
    expect(page.body.run.rows.slice(0, 3)).toEqual(recorded.slice(0, 3).map((r) => expect.objectContaining({ participantProfileId: r.participantProfileId, outcome: 'moved', cohortStartYear: 2024 })));

    const download = await client.request(`/admin/api/pages/frozenCohortMoves?download=${requestId}`);
    expect(download.status).toBe(200);
    const [header, ...rows] = parse(await download.text()) as string[][];
    expect(header).toEqual(['Participant ID', 'Name', 'TRN', 'School', 'URN', 'Cohort now', 'Outcome', 'Reason or result']);
    expect(rows.map((row) => [row[0], row[5], row[6]])).toEqual(recorded.map((r) => [r.participantProfileId, '2024', 'Moved']));
  }, 300_000);
});
