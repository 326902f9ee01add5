// The read models' one SQL file (prisma/read-models.sql): applied after the migrations and again only when
// it changes, safely when several machines start at once; it creates every read-model trigger there is; and
// its rules are src/rules' rules, tie cases included.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { openConnection } from '../../src/db/connection.js';
import { db } from '../../src/db/client.js';
import { checksumOf } from '../../src/db/checksum.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { readModelDrift, readModelsSql } from '../../src/db/read-models.js';
import { latestInductionRecordFirst, latestInductionRecordIdFor, latestInductionRecordOrder } from '../../src/rules/latest-induction-record.js';
import { isUnchallenged, unchallengedPartnershipSql } from '../../src/rules/unchallenged-partnership.js';
import { createCohort, createDeliveryPartner, createParticipant, createParticipantWorld, createPartnership, createProviderRelationship, createSchool, type ParticipantWorld } from '../support/factories.js';

let client: pg.Client;
let file: string;
beforeAll(async () => {
  client = await openConnection(process.env.DATABASE_URL!);
  // The per-file database hook may drop the database (and this connection) before afterAll below runs.
  client.on('error', () => {});
  file = await readModelsSql();
});
afterAll(() => client.end().catch(() => {}));

const recordedChecksum = async () => (await client.query<{ checksum: string }>('SELECT checksum FROM "_read_models"')).rows.map((r) => r.checksum);
const noDrift = (drift: Awaited<ReturnType<typeof readModelDrift>>) => drift.filter((d) => d.stale.length || d.missing.length);

describe('the read models file', () => {
  it('is applied with the migrations, and not again while it is unchanged', async () => {
    expect(await recordedChecksum()).toEqual([checksumOf(file)]);
    const functionBefore = (await client.query("SELECT xmin::text FROM pg_proc WHERE proname = 'refresh_lead_provider_participants'")).rows;
    await expect(applyMigrations(process.env.DATABASE_URL!)).resolves.toEqual([]);
    expect((await client.query("SELECT xmin::text FROM pg_proc WHERE proname = 'refresh_lead_provider_participants'")).rows).toEqual(functionBefore);
  });

  it('is applied again, once, when it changed, even with several machines starting at the same moment', async () => {
    const world = await createParticipantWorld(2024);
    await createParticipant(world);
    await client.query('UPDATE "_read_models" SET checksum = $1', [checksumOf('-- an older read-models.sql\n')]);
    // A row the old definition left wrong: the rebuild after applying puts it right.
    await client.query(`UPDATE lead_provider_participants SET enrolment = '{"stale":true'`);
    expect(noDrift(await readModelDrift(client)).map((d) => d.readModel)).toEqual(['lead_provider_participants']);

    await Promise.all([1, 2, 3].map(() => applyMigrations(process.env.DATABASE_URL!)));

    expect(await recordedChecksum()).toEqual([checksumOf(file)]);
    expect(noDrift(await readModelDrift(client))).toEqual([]);
  });

  it('creates every trigger that calls its functions (none left over from an older definition)', async () => {
    const functions = [...file.matchAll(/CREATE OR REPLACE FUNCTION (\w+)\(/g)].map((m) => m[1]);
    const created = [...file.matchAll(/CREATE TRIGGER (\w+) /g)].map((m) => m[1]).sort();
    const live = (await client.query<{ name: string }>(`
      SELECT t.tgname AS name FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE NOT t.tgisinternal AND p.proname = ANY($1) ORDER BY 1`, [functions])).rows.map((r) => r.name);
    expect(live).toEqual(created);
    expect(created).toHaveLength(31);
  });

  it('spells the latest induction record and an unchallenged partnership exactly as src/rules does', () => {
    const order = latestInductionRecordOrder('ir').sql;
    const unchallenged = unchallengedPartnershipSql('pa').sql;
    const count = (text: string) => file.split(text).length - 1;
    // Every ordering of induction records and every challenge test in the file is the rule's fragment.
    expect(count(order)).toBeGreaterThanOrEqual(2);
    expect(count('"startDate" DESC')).toBe(count(order));
    expect(count(unchallenged)).toBeGreaterThanOrEqual(2);
    expect(count('"challengedAt" IS NULL')).toBe(count(unchallenged));
  });
});

describe('the rules, through the read model and through src/rules', () => {
  let world: ParticipantWorld;
  beforeAll(async () => {
    world = await createParticipantWorld(2024);
  });

  /** What the read model shows the provider, what src/rules' query picks, and what its comparator sorts first. */
  async function threeAnswers(profileId: string) {
    const stored = await db().leadProviderParticipant.findUnique({
      where: { leadProviderId_participantProfileId: { leadProviderId: world.leadProvider.id, participantProfileId: profileId } },
    });
    const query = await latestInductionRecordIdFor(db(), profileId, { leadProviderId: world.leadProvider.id, unchallengedOnly: true });
    const visible = await db().inductionRecord.findMany({
      where: { participantProfileId: profileId, inductionProgramme: { partnership: { leadProviderId: world.leadProvider.id } } },
      include: { inductionProgramme: { include: { partnership: true } } },
    });
    const sorted = visible.filter((r) => isUnchallenged(r.inductionProgramme.partnership!)).sort(latestInductionRecordFirst);
    return [stored?.inductionRecordId ?? null, query, sorted[0]?.id ?? null];
  }

  it('breaks a tie in start, end and creation by the id, whichever record was written first', async () => {
    const at = new Date('2024-09-01T00:00:00Z');
    const created = new Date('2024-08-01T10:00:00Z');
    for (const [first, second] of [['ffffffff-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000000'],
      ['00000000-0000-4000-8000-000000000001', 'ffffffff-0000-4000-8000-000000000001']]) {
      const { profile, inductionRecord } = await createParticipant(world, { startDate: at });
      await db().inductionRecord.delete({ where: { id: inductionRecord.id } });
      for (const id of [first, second]) {
        await db().inductionRecord.create({
          data: { id, inductionProgrammeId: world.programme.id, participantProfileId: profile.id, scheduleId: world.schedule.id, startDate: at, createdAt: created },
        });
      }
      const expected = first > second ? first : second;
      expect(await threeAnswers(profile.id)).toEqual([expected, expected, expected]);
    }
  });

  it('leaves out a partnership with only one of the challenge columns set', async () => {
    for (const challenge of [{ challengedAt: new Date() }, { challengeReason: 'mistake' as const }]) {
      const deliveryPartner = await createDeliveryPartner();
      await createProviderRelationship(world.leadProvider, deliveryPartner, world.cohort);
      const partnership = await createPartnership({ ...world, deliveryPartner });
      const { profile, inductionRecord: older } = await createParticipant(world);
      const programme = await db().inductionProgramme.create({
        data: { schoolCohortId: world.schoolCohort.id, trainingProgramme: 'full_induction_programme', partnershipId: partnership.id },
      });
      const newer = await db().inductionRecord.create({
        data: { inductionProgrammeId: programme.id, participantProfileId: profile.id, scheduleId: world.schedule.id, startDate: new Date('2024-10-01T00:00:00Z') },
      });
      expect(await threeAnswers(profile.id)).toEqual([newer.id, newer.id, newer.id]);
      await db().partnership.update({ where: { id: partnership.id }, data: challenge });
      expect(await threeAnswers(profile.id)).toEqual([older.id, older.id, older.id]);
    }
  });
});

describe('a change to a row a read model reads refreshes it: the live rows equal a rebuild', () => {
  const enrolmentOf = async (profileId: string) =>
    JSON.parse(`${(await db().leadProviderParticipant.findFirstOrThrow({ where: { participantProfileId: profileId } })).enrolment}}`);

  // Dated a minute back: not the participant's latest change, so removing it leaves updated_at where it was
  // (updated_at only moves forward; docs/read-models.md).
  const stateRow = (profileId: string, cpdLeadProviderId: string) => db().participantProfileState.create({
    data: { participantProfileId: profileId, state: 'withdrawn', reason: 'moved-school', cpdLeadProviderId, createdAt: new Date(Date.now() - 60_000) },
  });

  /** A participant its provider withdrew (a state row giving the reason) in a world of its own. */
  async function withdrawnParticipant() {
    const world = await createParticipantWorld(2024);
    const { profile, inductionRecord } = await createParticipant(world);
    await db().inductionRecord.update({ where: { id: inductionRecord.id }, data: { trainingStatus: 'withdrawn' } });
    const state = await stateRow(profile.id, world.leadProvider.cpdLeadProviderId);
    expect(noDrift(await readModelDrift(client))).toEqual([]);
    return { world, profile, state };
  }

  it('when a school cohort moves to another school or cohort', async () => {
    const world = await createParticipantWorld(2024);
    const { profile } = await createParticipant(world);
    expect(noDrift(await readModelDrift(client))).toEqual([]);

    const school = await createSchool();
    await client.query('UPDATE school_cohorts SET "schoolId" = $1 WHERE id = $2', [school.id, world.schoolCohort.id]);
    expect((await enrolmentOf(profile.id)).school_urn).toBe(school.urn);
    expect(noDrift(await readModelDrift(client))).toEqual([]);

    const cohort = await createCohort(2019);
    await client.query('UPDATE school_cohorts SET "cohortId" = $1 WHERE id = $2', [cohort.id, world.schoolCohort.id]);
    expect((await enrolmentOf(profile.id)).cohort).toBe('2019');
    expect(noDrift(await readModelDrift(client))).toEqual([]);
  });

  it("when a lead provider's API identity changes (whose state rows give the withdrawal reason)", async () => {
    const { world, profile } = await withdrawnParticipant();
    expect((await enrolmentOf(profile.id)).withdrawal.reason).toBe('moved-school');

    const cpd = await db().cpdLeadProvider.create({ data: { name: `Another API identity ${world.leadProvider.id}` } });
    await client.query('UPDATE lead_providers SET "cpdLeadProviderId" = $1 WHERE id = $2', [cpd.id, world.leadProvider.id]);
    expect((await enrolmentOf(profile.id)).withdrawal).toBeNull();
    expect(noDrift(await readModelDrift(client))).toEqual([]);
  });

  it("when a provider's state row is corrected or removed", async () => {
    const { world, profile, state } = await withdrawnParticipant();

    await client.query(`UPDATE participant_profile_states SET reason = 'mentor-no-longer-being-mentor' WHERE id = $1`, [state.id]);
    expect((await enrolmentOf(profile.id)).withdrawal.reason).toBe('mentor-no-longer-being-mentor');
    expect(noDrift(await readModelDrift(client))).toEqual([]);

    await client.query('DELETE FROM participant_profile_states WHERE id = $1', [state.id]);
    expect((await enrolmentOf(profile.id)).withdrawal).toBeNull();
    expect(noDrift(await readModelDrift(client))).toEqual([]);

    // Redated after everything else the participant shows: the rebuild's updated_at is now this row's time.
    const later = await stateRow(profile.id, world.leadProvider.cpdLeadProviderId);
    await client.query(`UPDATE participant_profile_states SET "createdAt" = now() + interval '1 minute' WHERE id = $1`, [later.id]);
    expect(noDrift(await readModelDrift(client))).toEqual([]);
  });
});
