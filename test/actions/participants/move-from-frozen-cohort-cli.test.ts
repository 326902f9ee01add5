import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { participantsMoveFromFrozenCohort as command } from '../../../src/cli/commands/participants-move-from-frozen-cohort.js';
import { createDeclaration, createParticipant } from '../../support/factories.js';
import { frozenCohortWorld } from './move-from-frozen-cohort-world.js';

const NOTES = 'The participant has notes that block a cohort change';

async function cli(options: Record<string, string>, lists: Record<string, string[]> = {}) {
  const said: string[] = [];
  const result = await command.run({ options, positional: [], lists }, { say: (line) => said.push(line) });
  return { result, said };
}

/** One eligible participant and one blocked by notes. */
async function twoParticipants() {
  const { source } = await frozenCohortWorld();
  const eligible = await createParticipant(source, { fullName: 'Eli Gible' });
  await createDeclaration(eligible, source.leadProvider, { state: 'paid' });
  const withNotes = await createParticipant(source, { fullName: 'Noted Person', profile: { notes: 'Waiting for the school' } });
  await createDeclaration(withNotes, source.leadProvider);
  return { eligible, withNotes };
}

const moves = () => db().auditEvent.count({ where: { action: 'participant.moved_from_frozen_cohort' } });

describe('participants:move-from-frozen-cohort', () => {
  it('dry-runs, then moves every eligible participant; a second run changes nothing', async () => {
    const { eligible } = await twoParticipants();
    const options = { from: '2021', to: '2024', 'all-eligible': 'true' };

    const dry = await cli({ ...options, 'dry-run': 'true' });
    expect(dry.result).toEqual({ moved: 1, blocked: [], unchanged: 0 });
    expect(dry.said.at(-1)).toBe('Would move (dry run, nothing changed): 1; already in 2024: 0; blocked: 0.');
    expect(await moves()).toBe(0);

    expect((await cli(options)).result).toEqual({ moved: 1, blocked: [], unchanged: 0 });
    expect(await db().participantProfile.findUniqueOrThrow({ where: { id: eligible.profile.id }, include: { cohort: true } })).toMatchObject({ cohort: { startYear: 2024 }, cohortChangedAfterPaymentsFrozen: true });
    expect(await db().auditEvent.findFirstOrThrow({ where: { subjectId: eligible.profile.id } })).toMatchObject({
      actorLabel: 'System: CLI participants:move-from-frozen-cohort', reason: "Continuing training in 2024 after the 2021 cohort's payments were frozen",
    });
    expect((await cli(options)).result).toEqual({ moved: 0, blocked: [], unchanged: 0 });
    expect(await moves()).toBe(1);
  });

  it('moves the named participants, reporting the blocked and the already moved', async () => {
    const { eligible, withNotes } = await twoParticipants();
    const ids = [eligible.profile.id, withNotes.profile.id];
    const first = await cli({ from: '2021', to: '2024', participant: ids[1] }, { participant: ids });
    expect(first.result).toEqual({ moved: 1, blocked: [{ participant: ids[1], reason: NOTES }], unchanged: 0 });
    const again = await cli({ from: '2021', to: '2024', participant: ids.join(','), reason: 'Ticket 4242' });
    expect(again.result).toEqual({ moved: 0, blocked: [{ participant: ids[1], reason: NOTES }], unchanged: 1 });
    expect((await cli({ from: '2022', to: '2024', participant: ids[1] })).result).toEqual({
      moved: 0, blocked: [{ participant: ids[1], reason: 'No induction record for the participant on the cohort starting on 2022' }], unchanged: 0,
    });
  });

  it('refuses unclear usage before changing anything', async () => {
    const { eligible } = await twoParticipants();
    const id = eligible.profile.id;
    const before = await moves();
    const year = new Date().getUTCFullYear();
    await expect(cli({ from: '2021', to: '2024' })).rejects.toThrow('Give either --participant ID ... or --all-eligible');
    await expect(cli({ from: '2021', to: '2024', participant: id, 'all-eligible': 'true' })).rejects.toThrow('Give either --participant ID ... or --all-eligible');
    await expect(cli({ from: '2021', to: '2025', participant: id })).rejects.toThrow('--to must be 2024');
    await expect(cli({ from: '2019', to: '2024', participant: id })).rejects.toThrow(`--from: Invalid value. Must be an integer between 2020 and ${year}`);
    await expect(cli({ from: 'last', to: '2024', participant: id })).rejects.toThrow('--from: Invalid value');
    await expect(cli({ to: '2024', participant: id })).rejects.toThrow('Missing --from');
    await expect(cli({ from: '2021', to: '2024', participant: 'not-an-id' })).rejects.toThrow('Not a participant id: not-an-id');
    expect(await moves()).toBe(before);
  });

  it('prints the result as the last line with --json, as npm run cli does', async () => {
    const { eligible, withNotes } = await twoParticipants();
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import', 'tsx', 'src/cli/index.ts', 'participants:move-from-frozen-cohort',
      '--from', '2021', '--to', '2024', '--participant', eligible.profile.id, '--participant', withNotes.profile.id, '--json',
    ], { env: { ...process.env, NODE_OPTIONS: '' } });
    const last = stdout.trim().split('\n').at(-1)!;
    expect(last).toBe(`{"moved": 1, "blocked": [{"participant": "${withNotes.profile.id}", "reason": "${NOTES}"}], "unchanged": 0}`);
    expect(JSON.parse(last)).toEqual({ moved: 1, blocked: [{ participant: withNotes.profile.id, reason: NOTES }], unchanged: 0 });
  }, 60_000);
});
