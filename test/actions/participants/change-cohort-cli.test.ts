import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { participantsChangeCohort as command } from '../../../src/cli/commands/participants-change-cohort.js';
import { createDeclaration, createParticipant, createParticipantWorld, createUser } from '../../support/factories.js';

async function cli(options: Record<string, string>) {
  const said: string[] = [];
  const result = await command.run({ options, positional: [] }, { say: (line) => said.push(line) });
  return { result, said };
}

async function twoYears() {
  const from = await createParticipantWorld(2023);
  const to = await createParticipantWorld(2024, { school: from.school });
  const participant = await createParticipant(from, { fullName: 'Rosalind Franklin' });
  return { from, to, participant };
}

const cohortOf = async (id: string) => (await db().participantProfile.findUniqueOrThrow({ where: { id }, include: { cohort: true } })).cohort.startYear;

describe('participants:change-cohort', () => {
  it('dry-runs, changes, and changes back, as the named super user', async () => {
    const { participant } = await twoYears();
    const id = participant.profile.id;
    const superUser = await createUser('super_user');

    const dry = await cli({ participant: id, to: '2024', 'dry-run': 'true', as: superUser.email });
    expect(dry.result).toMatchObject({ outcome: 'changed', dryRun: true, to: { cohortStartYear: 2024 } });
    expect(dry.said[0]).toBe("Rosalind Franklin's cohort would be changed to 2024 (dry run, nothing changed)");
    expect(await cohortOf(id)).toBe(2023);

    const done = await cli({ participant: id, to: '2024', as: superUser.email, reason: 'Ticket 99' });
    expect(done.said[0]).toBe("Rosalind Franklin's cohort was changed to 2024");
    expect(await cohortOf(id)).toBe(2024);
    expect(await db().auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'participant.cohort_changed' } })).toMatchObject({ actorId: superUser.id, reason: 'Ticket 99' });

    await cli({ participant: id, to: '2023' });
    expect(await cohortOf(id)).toBe(2023);
    expect(await db().auditEvent.findFirstOrThrow({ where: { subjectId: id, after: { path: ['cohortStartYear'], equals: 2023 } } })).toMatchObject({
      actorLabel: 'System: CLI participants:change-cohort', reason: 'Cohort changed to 2023 from the command line',
    });
  });

  it('refuses a user who is not a super user, and unclear usage, before changing anything', async () => {
    const { participant } = await twoYears();
    const admin = await createUser('admin');
    await expect(cli({ participant: participant.profile.id, to: '2024', as: admin.email })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(cli({ participant: participant.profile.id, to: '2024', as: 'nobody@example.com' })).rejects.toThrow('--as must be the email of an enabled back-office user');
    await expect(cli({ to: '2024' })).rejects.toThrow('Missing --participant');
    await expect(cli({ participant: 'abc', to: '2024' })).rejects.toThrow('Not a participant id: abc');
    await expect(cli({ participant: participant.profile.id, to: 'next' })).rejects.toThrow("--to must be a cohort's start year");
    expect(await cohortOf(participant.profile.id)).toBe(2023);
  });

  it('prints the DfE refusal with --json and exits 1, as npm run cli does', async () => {
    const { from, participant } = await twoYears();
    await createDeclaration(participant, from.leadProvider, { state: 'paid' });
    const run = promisify(execFile)(process.execPath, [
      '--import', 'tsx', 'src/cli/index.ts', 'participants:change-cohort', '--participant', participant.profile.id, '--to', '2024', '--json',
    ], { env: { ...process.env, NODE_OPTIONS: '' } });
    const failure = (await run.catch((e: unknown) => e)) as { code: number; stdout: string };
    expect(failure.code).toBe(1);
    expect(JSON.parse(failure.stdout.trim().split('\n').at(-1)!)).toEqual({
      ok: false,
      error: 'The participant has billable or submitted declarations',
      details: [{ field: 'participant_declarations', message: 'The participant has billable or submitted declarations' }],
    });
    expect(await cohortOf(participant.profile.id)).toBe(2023);
  }, 60_000);
});
