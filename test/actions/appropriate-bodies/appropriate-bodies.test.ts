import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { AppropriateBody } from '@prisma/client';
import { db } from '../../../src/db/client.js';
import type { ActorContext } from '../../../src/actions/actor.js';
import { ActionError, asActionError } from '../../../src/actions/errors.js';
import { ECTS_ONLY, recordAppropriateBodyClaim } from '../../../src/actions/appropriate-bodies/record-appropriate-body-claim.js';
import { NOT_REPORTED, resolveReportedBodies, resolveReportedProgrammes } from '../../../src/actions/appropriate-bodies/reported-bodies.js';
import {
  findAppropriateBodyMismatches, findAppropriateBodyResolutions, resolveAppropriateBody,
} from '../../../src/actions/appropriate-bodies/find-appropriate-body-resolutions.js';
import { importAppropriateBodies } from '../../../src/actions/appropriate-bodies/import-appropriate-bodies.js';
import { systemContext } from '../../../src/actions/actor.js';
import { createParticipant, createParticipantWorld, userContext } from '../../support/factories.js';

const support = userContext('support');
let bodyCount = 0;
const createBody = (overrides: Partial<AppropriateBody> = {}) =>
  db().appropriateBody.create({ data: { name: `Test AB ${++bodyCount}-${randomUUID().slice(0, 4)}`, bodyType: 'teaching_school_hub', ...overrides } });

async function ect() {
  const world = await createParticipantWorld(2024);
  return { world, ...(await createParticipant(world)) };
}

async function writes() {
  return Promise.all([db().appropriateBodyClaim.findMany({ orderBy: { id: 'asc' } }), db().auditEvent.count()]);
}

async function refusal(ctx: ActorContext, body: unknown): Promise<ActionError> {
  const before = await writes();
  const error = await recordAppropriateBodyClaim(ctx, body).then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e);
  expect(asActionError(error)).toBeInstanceOf(ActionError);
  expect(await writes()).toEqual(before);
  return asActionError(error)!;
}

describe('resolveReportedBodies: the resolution table', () => {
  const hubA = { id: 'a', name: 'Hub A' };
  const hubB = { id: 'b', name: 'Hub B' };
  it.each([
    ['nobody reported', null, null, null, 'not_reported', NOT_REPORTED, false],
    ['only the school reported', { ...hubA, origin: 'claim' as const }, null, hubA, 'provisional', 'Hub A (provisional: reported by the school)', false],
    ['only the body confirmed', null, hubB, hubB, 'confirmed', 'Hub B', false],
    ['both agree', { ...hubA, origin: 'claim' as const }, hubA, hubA, 'confirmed', 'Hub A', false],
    ['they differ: the body wins, flagged', { ...hubA, origin: 'induction_record' as const }, hubB, hubB, 'confirmed', 'Hub B', true],
  ])('%s', (_case, school, body, effective, status, label, mismatch) => {
    expect(resolveReportedBodies(school, body)).toEqual({ schoolReported: school, bodyReported: body, effective, status, label, mismatch });
  });
});

describe('resolveReportedProgrammes: the same table for the training programme type', () => {
  const fip = { id: 'full_induction_programme', name: 'Use a training provider funded by the DfE' };
  const cip = { id: 'core_induction_programme', name: 'DfE-accredited materials' };
  it.each([
    ['nobody reported', null, null, null, 'not_reported', NOT_REPORTED, false],
    ['only the school reported', { programme: 'full_induction_programme' as const, origin: 'claim' as const }, null, fip, 'provisional',
      'Use a training provider funded by the DfE (provisional: reported by the school)', false],
    ['only the body confirmed', null, 'core_induction_programme' as const, cip, 'confirmed', 'DfE-accredited materials', false],
    ['both agree', { programme: 'core_induction_programme' as const, origin: 'school_cohort' as const }, 'core_induction_programme' as const, cip, 'confirmed', 'DfE-accredited materials', false],
    ['they differ: the body wins, flagged', { programme: 'full_induction_programme' as const, origin: 'induction_record' as const }, 'core_induction_programme' as const, cip, 'confirmed', 'DfE-accredited materials', true],
  ])('%s', (_case, school, body, effective, status, label, mismatch) => {
    const resolution = resolveReportedProgrammes(school, body);
    expect(resolution).toEqual({
      schoolReported: school ? { ...(school.programme === 'full_induction_programme' ? fip : cip), origin: school.origin } : null,
      bodyReported: body ? cip : null,
      effective, status, label, mismatch,
    });
  });
});

describe('recordAppropriateBodyClaim', () => {
  it("keeps the school's and the body's claims side by side, a newer claim replacing the older from the same source", async () => {
    const { profile } = await ect();
    const [hubA, hubB, hubC] = [await createBody(), await createBody(), await createBody()];
    await recordAppropriateBodyClaim(support, { participantProfileId: profile.id, appropriateBodyId: hubA.id, source: 'school' });
    await recordAppropriateBodyClaim(support, { participantProfileId: profile.id, appropriateBodyId: hubB.id, source: 'appropriate_body' });
    await recordAppropriateBodyClaim(support, { participantProfileId: profile.id, appropriateBodyId: hubC.id, source: 'school' });

    const claims = await db().appropriateBodyClaim.findMany({ where: { participantProfileId: profile.id }, orderBy: { createdAt: 'asc' } });
    expect(claims.map((c) => [c.source, c.appropriateBodyId, c.withdrawnAt === null])).toEqual([
      ['school', hubA.id, false],
      ['appropriate_body', hubB.id, true],
      ['school', hubC.id, true],
    ]);
    const audits = await db().auditEvent.findMany({ where: { subjectId: profile.id, action: 'appropriate_body_claim.recorded' }, orderBy: { createdAt: 'asc' } });
    expect(audits).toHaveLength(3);
    expect(audits[2].before).toEqual({ source: 'school', appropriateBodyId: hubA.id, trainingProgramme: null });
  });

  it('stores the training programme type per claim; the same body with another programme is a new claim', async () => {
    const { profile } = await ect();
    const hub = await createBody();
    const first = await recordAppropriateBodyClaim(support, {
      participantProfileId: profile.id, appropriateBodyId: hub.id, source: 'appropriate_body', trainingProgramme: 'full_induction_programme',
    });
    expect(first.trainingProgramme).toBe('full_induction_programme');
    const before = await writes();
    await recordAppropriateBodyClaim(support, {
      participantProfileId: profile.id, appropriateBodyId: hub.id, source: 'appropriate_body', trainingProgramme: 'full_induction_programme',
    });
    expect(await writes()).toEqual(before);

    const second = await recordAppropriateBodyClaim(support, {
      participantProfileId: profile.id, appropriateBodyId: hub.id, source: 'appropriate_body', trainingProgramme: 'core_induction_programme',
    });
    const claims = await db().appropriateBodyClaim.findMany({ where: { participantProfileId: profile.id }, orderBy: { createdAt: 'asc' } });
    expect(claims.map((c) => [c.trainingProgramme, c.withdrawnAt === null])).toEqual([['full_induction_programme', false], ['core_induction_programme', true]]);
    expect(second.id).toBe(claims[1].id);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: profile.id }, orderBy: { createdAt: 'desc' } });
    expect(audit.before).toMatchObject({ trainingProgramme: 'full_induction_programme' });
    expect(audit.after).toMatchObject({ trainingProgramme: 'core_induction_programme' });
  });

  it('refuses an unknown training programme type, writing nothing', async () => {
    const { profile } = await ect();
    const hub = await createBody();
    const error = await refusal(support, { participantProfileId: profile.id, appropriateBodyId: hub.id, source: 'school', trainingProgramme: 'online' });
    expect(error.fieldErrors).toEqual([{ field: 'trainingProgramme', message: 'Choose a training programme type' }]);
  });

  it('writes nothing when the same body is claimed again by the same source', async () => {
    const { profile } = await ect();
    const hub = await createBody();
    const first = await recordAppropriateBodyClaim(support, { participantProfileId: profile.id, appropriateBodyId: hub.id, source: 'school' });
    const before = await writes();
    const again = await recordAppropriateBodyClaim(support, { participantProfileId: profile.id, appropriateBodyId: hub.id, source: 'school' });
    expect(again.id).toBe(first.id);
    expect(await writes()).toEqual(before);
  });

  it('refuses mentors, bodies no longer accepted for the cohort, and unknown bodies', async () => {
    const { world } = await ect();
    const mentor = await createParticipant(world, { type: 'mentor' });
    const hub = await createBody();
    expect((await refusal(support, { participantProfileId: mentor.profile.id, appropriateBodyId: hub.id, source: 'school' })).fieldErrors).toEqual([
      { field: 'participantProfileId', message: ECTS_ONLY },
    ]);
    const { profile } = await ect();
    const nta = await createBody({ name: `Test AB NTA ${randomUUID()}`, bodyType: 'national', disableFromYear: 2023 });
    const error = await refusal(support, { participantProfileId: profile.id, appropriateBodyId: nta.id, source: 'appropriate_body' });
    expect(error.message).toBe(`${nta.name} is not an appropriate body from the 2023 cohort onwards`);
    expect(await refusal(support, { participantProfileId: profile.id, appropriateBodyId: randomUUID(), source: 'school' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets an appropriate body portal user confirm for their own body only, and refuses roles without participants.edit', async () => {
    const { profile } = await ect();
    const [own, other] = [await createBody(), await createBody()];
    const portalUser = await db().portalUser.create({ data: { email: `ab-${randomUUID()}@example.com`, fullName: 'AB user' } });
    await db().portalRole.create({ data: { portalUserId: portalUser.id, appropriateBodyId: own.id } });
    const portal: ActorContext = { actor: { kind: 'portal', id: portalUser.id, email: portalUser.email } };

    expect(await refusal(portal, { participantProfileId: profile.id, appropriateBodyId: other.id, source: 'appropriate_body' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(portal, { participantProfileId: profile.id, appropriateBodyId: own.id, source: 'school' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(userContext('finance'), { participantProfileId: profile.id, appropriateBodyId: own.id, source: 'school' })).toMatchObject({ code: 'FORBIDDEN' });
    await expect(recordAppropriateBodyClaim(portal, { participantProfileId: profile.id, appropriateBodyId: own.id, source: 'appropriate_body' })).resolves.toMatchObject({
      source: 'appropriate_body',
    });
  });
});

describe('appropriate body resolutions for ECTs', () => {
  it("falls back from the school's claim to the induction record, then to the school cohort, for the school's report", async () => {
    const { world, profile, inductionRecord } = await ect();
    const [cohortBody, recordBody, claimBody] = [await createBody(), await createBody(), await createBody()];

    expect(await resolveAppropriateBody(profile.id)).toMatchObject({ status: 'not_reported', label: NOT_REPORTED, effective: null });
    await db().schoolCohort.update({ where: { id: world.schoolCohort.id }, data: { appropriateBodyId: cohortBody.id } });
    expect((await resolveAppropriateBody(profile.id))?.schoolReported).toEqual({ id: cohortBody.id, name: cohortBody.name, origin: 'school_cohort' });
    await db().inductionRecord.update({ where: { id: inductionRecord.id }, data: { appropriateBodyId: recordBody.id } });
    expect((await resolveAppropriateBody(profile.id))?.schoolReported).toEqual({ id: recordBody.id, name: recordBody.name, origin: 'induction_record' });
    await recordAppropriateBodyClaim(support, { participantProfileId: profile.id, appropriateBodyId: claimBody.id, source: 'school' });
    expect(await resolveAppropriateBody(profile.id)).toMatchObject({
      schoolReported: { id: claimBody.id, origin: 'claim' },
      status: 'provisional',
      label: `${claimBody.name} (provisional: reported by the school)`,
    });
  });

  it("resolves the training programme type the same way: the body's confirmation, else the school's report (claim, record, cohort choice)", async () => {
    const { world, profile } = await ect();
    const hub = await createBody();
    // The world's school cohort chose FIP and the ECT's induction record is on its FIP programme.
    expect((await resolveAppropriateBody(profile.id))?.trainingProgramme).toEqual({
      schoolReported: { id: 'full_induction_programme', name: 'Use a training provider funded by the DfE', origin: 'induction_record' },
      bodyReported: null,
      effective: { id: 'full_induction_programme', name: 'Use a training provider funded by the DfE' },
      status: 'provisional',
      label: 'Use a training provider funded by the DfE (provisional: reported by the school)',
      mismatch: false,
    });
    await recordAppropriateBodyClaim(support, { participantProfileId: profile.id, appropriateBodyId: hub.id, source: 'school', trainingProgramme: 'design_our_own' });
    expect((await resolveAppropriateBody(profile.id))?.trainingProgramme).toMatchObject({ schoolReported: { id: 'design_our_own', origin: 'claim' }, status: 'provisional' });
    // A body confirming itself without a programme confirms the body only.
    await recordAppropriateBodyClaim(support, { participantProfileId: profile.id, appropriateBodyId: hub.id, source: 'appropriate_body' });
    expect(await resolveAppropriateBody(profile.id)).toMatchObject({ status: 'confirmed', trainingProgramme: { status: 'provisional', effective: { id: 'design_our_own' } } });
    await recordAppropriateBodyClaim(support, { participantProfileId: profile.id, appropriateBodyId: hub.id, source: 'appropriate_body', trainingProgramme: 'core_induction_programme' });
    expect((await resolveAppropriateBody(profile.id))?.trainingProgramme).toMatchObject({
      effective: { id: 'core_induction_programme' }, status: 'confirmed', label: 'DfE-accredited materials', mismatch: true,
    });

    const other = await ect();
    await db().inductionRecord.deleteMany({ where: { participantProfileId: other.profile.id } });
    await db().schoolCohort.update({ where: { id: other.world.schoolCohort.id }, data: { inductionProgrammeChoice: 'school_funded_fip' } });
    expect((await resolveAppropriateBody(other.profile.id))?.trainingProgramme.schoolReported).toEqual({
      id: 'school_funded_fip', name: 'Use a training provider funded by your school', origin: 'school_cohort',
    });
    await db().schoolCohort.update({ where: { id: other.world.schoolCohort.id }, data: { inductionProgrammeChoice: 'not_yet_known' } });
    expect((await resolveAppropriateBody(other.profile.id))?.trainingProgramme).toMatchObject({ status: 'not_reported', label: NOT_REPORTED, effective: null });
    expect(world.school.id).not.toBe(other.world.school.id);
  });

  it("lists mismatches for support, the body's confirmation winning", async () => {
    const agreed = await ect();
    const disputed = await ect();
    const [hubA, hubB] = [await createBody(), await createBody()];
    for (const { profile } of [agreed, disputed]) {
      await recordAppropriateBodyClaim(support, { participantProfileId: profile.id, appropriateBodyId: hubA.id, source: 'school' });
    }
    await recordAppropriateBodyClaim(support, { participantProfileId: agreed.profile.id, appropriateBodyId: hubA.id, source: 'appropriate_body' });
    await recordAppropriateBodyClaim(support, { participantProfileId: disputed.profile.id, appropriateBodyId: hubB.id, source: 'appropriate_body' });

    const mismatches = await findAppropriateBodyMismatches({ appropriateBodyId: hubA.id });
    expect(mismatches.map((m) => m.participantProfileId)).toEqual([disputed.profile.id]);
    expect(mismatches[0]).toMatchObject({
      urn: disputed.world.school.urn,
      schoolReported: { id: hubA.id },
      bodyReported: { id: hubB.id },
      effective: { id: hubB.id, name: hubB.name },
      status: 'confirmed',
      mismatch: true,
    });
    const bySchool = await findAppropriateBodyResolutions({ schoolId: agreed.world.school.id });
    expect(bySchool).toHaveLength(1);
    expect(bySchool[0]).toMatchObject({ status: 'confirmed', mismatch: false, label: hubA.name });
  });

  it('leaves mentors out', async () => {
    const { world } = await ect();
    const mentor = await createParticipant(world, { type: 'mentor' });
    expect(await resolveAppropriateBody(mentor.profile.id)).toBeNull();
  });
});

describe('importAppropriateBodies', () => {
  it('loads the real list once, disabling NTA from 2023; a second run adds nothing', async () => {
    const content = await readFile(new URL('../../../seeds/data/appropriate_bodies.csv', import.meta.url), 'utf8');
    const first = await importAppropriateBodies(systemContext('seed'), { fileName: 'appropriate_bodies.csv', content });
    expect(first.rows).toBe(211);
    expect(first.created).toBe(211);
    expect(await db().appropriateBody.groupBy({ by: ['bodyType'], _count: { _all: true }, where: { name: { not: { startsWith: 'Test AB ' } } }, orderBy: { bodyType: 'asc' } }))
      .toEqual([
        { bodyType: 'local_authority', _count: { _all: 124 } },
        { bodyType: 'teaching_school_hub', _count: { _all: 84 } },
        { bodyType: 'national', _count: { _all: 3 } },
      ]);
    expect(await db().appropriateBody.findFirstOrThrow({ where: { name: 'National Teacher Accreditation (NTA)' } })).toMatchObject({ disableFromYear: 2023 });
    expect(await importAppropriateBodies(systemContext('seed'), { fileName: 'appropriate_bodies.csv', content })).toEqual({ rows: 211, created: 0 });
  });

  it('imports nothing from a file with errors, naming each line', async () => {
    const before = await db().appropriateBody.count();
    const error = await importAppropriateBodies(systemContext('seed'), {
      fileName: 'bodies.csv',
      content: 'name,type\nNew Hub,teaching_school_hub\n,local_authority\nOdd Body,charity\n',
    }).catch((e: unknown) => e);
    expect((error as ActionError).fieldErrors).toEqual([
      { field: 'bodies.csv, line 3, name', message: 'Enter the appropriate body’s name' },
      { field: 'bodies.csv, line 4, type', message: 'The type must be one of local_authority, teaching_school_hub, national' },
    ]);
    expect(await db().appropriateBody.count()).toBe(before);
  });
});
