import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { createPartnership } from '../../../src/actions/partnerships/create-partnership.js';
import { PARTNERSHIP_MESSAGES as M } from '../../../src/actions/partnerships/messages.js';
import { ActionError, type FieldError } from '../../../src/actions/errors.js';
import type { ActorContext } from '../../../src/actions/actor.js';
import {
  createCohort, createDeliveryPartner, createFipProgramme, createLeadProvider, createPartnership as createPartnershipRow, createSchool,
  createSchoolCohort, userContext,
} from '../../support/factories.js';
import { apiContext, createReportWorld, enrolParticipant, writtenRows, type ReportWorld } from './world.js';

async function refusal(ctx: ActorContext, body: unknown): Promise<ActionError> {
  const before = await writtenRows();
  const error = await createPartnership(ctx, body).then(
    () => { throw new Error('expected a refusal'); },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect(await writtenRows()).toEqual(before);
  return error as ActionError;
}

const noRelationship: FieldError = { field: 'delivery_partner_id', message: M.deliveryPartnerNoRelationship };

// [rule, set-up returning the actor and body, the errors the API returns in order]
const refusals: [string, (w: ReportWorld) => Promise<{ ctx?: ActorContext; body: Record<string, unknown> }>, FieldError[]][] = [
  ['cohort missing', async (w) => ({ body: { ...w.body, cohort: '' } }), [{ field: 'cohort', message: M.cohortBlank }, noRelationship]],
  ['cohort unknown', async (w) => ({ body: { ...w.body, cohort: '1999' } }), [{ field: 'cohort', message: M.cohortInvalid }, noRelationship]],
  ['cohort not a year', async (w) => ({ body: { ...w.body, cohort: 'next year' } }), [{ field: 'cohort', message: M.cohortInvalid }, noRelationship]],
  ['school missing', async (w) => ({ body: { ...w.body, schoolId: undefined } }), [{ field: 'school_id', message: M.schoolBlank }]],
  ['school unknown', async (w) => ({ body: { ...w.body, schoolId: randomUUID() } }), [{ field: 'school_id', message: M.schoolInvalid }]],
  ['school id malformed', async (w) => ({ body: { ...w.body, schoolId: '123456' } }), [{ field: 'school_id', message: M.schoolInvalid }]],
  [
    'school CIP only (independent school)',
    async (w) => ({ body: { ...w.body, schoolId: (await createSchool({ schoolTypeCode: 11 })).id } }),
    [{ field: 'school_id', message: M.schoolCipOnly }],
  ],
  [
    'school ineligible (closed)',
    async (w) => ({ body: { ...w.body, schoolId: (await createSchool({ schoolStatusCode: 2, schoolStatusName: 'Closed' })).id } }),
    [{ field: 'school_id', message: M.schoolIneligible }],
  ],
  [
    'school ineligible (in Wales, not a CIP-only type)',
    async (w) => ({ body: { ...w.body, schoolId: (await createSchool({ administrativeDistrictCode: 'W06000015' })).id } }),
    [{ field: 'school_id', message: M.schoolIneligible }],
  ],
  [
    'already in partnership with this lead provider',
    async (w) => {
      await createPartnershipRow(w);
      return { body: w.body };
    },
    [{ field: 'school_id', message: M.schoolAlreadyConfirmed }],
  ],
  [
    'school partnered by another lead provider',
    async (w) => {
      const other = await createLeadProvider({ cohorts: [w.cohort] });
      await createPartnershipRow({ ...w, leadProvider: other, deliveryPartner: await createDeliveryPartner() });
      return { body: w.body };
    },
    [{ field: 'school_id', message: M.schoolRecruitedByOtherProvider }],
  ],
  [
    'partnered last year and has not chosen a programme for this cohort',
    async (w) => {
      const lastYear = await createCohort(w.cohort.startYear - 1);
      await createPartnershipRow({ ...w, cohort: lastYear });
      return { body: w.body };
    },
    [{ field: 'school_id', message: M.schoolProgrammeNotYetConfirmed }],
  ],
  [
    'lead provider missing (back-office user)',
    async (w) => ({ ctx: userContext('support'), body: w.body }),
    [{ field: 'lead_provider_id', message: M.leadProviderBlank }, noRelationship],
  ],
  [
    'lead provider unknown (back-office user)',
    async (w) => ({ ctx: userContext('support'), body: { ...w.body, leadProviderId: randomUUID() } }),
    [{ field: 'lead_provider_id', message: M.leadProviderInvalid }, noRelationship],
  ],
  ['delivery partner missing', async (w) => ({ body: { ...w.body, deliveryPartnerId: ' ' } }), [{ field: 'delivery_partner_id', message: M.deliveryPartnerBlank }]],
  [
    'delivery partner unknown',
    async (w) => ({ body: { ...w.body, deliveryPartnerId: randomUUID() } }),
    [{ field: 'delivery_partner_id', message: M.deliveryPartnerInvalid }],
  ],
  [
    'delivery partner discarded',
    async (w) => {
      await db().deliveryPartner.update({ where: { id: w.deliveryPartner.id }, data: { discardedAt: new Date() } });
      return { body: w.body };
    },
    [{ field: 'delivery_partner_id', message: M.deliveryPartnerInvalid }],
  ],
  [
    'delivery partner without a relationship with this lead provider',
    async (w) => ({ body: { ...w.body, deliveryPartnerId: (await createDeliveryPartner()).id } }),
    [noRelationship],
  ],
  [
    'delivery partner whose relationship was removed',
    async (w) => {
      await db().providerRelationship.updateMany({ where: { deliveryPartnerId: w.deliveryPartner.id }, data: { discardedAt: new Date() } });
      return { body: w.body };
    },
    [noRelationship],
  ],
  [
    'every attribute wrong at once, in the documented order',
    async () => ({ ctx: userContext('admin'), body: { cohort: null, schoolId: '', deliveryPartnerId: undefined } }),
    [
      { field: 'cohort', message: M.cohortBlank },
      { field: 'school_id', message: M.schoolBlank },
      { field: 'lead_provider_id', message: M.leadProviderBlank },
      { field: 'delivery_partner_id', message: M.deliveryPartnerBlank },
    ],
  ],
];

describe('createPartnership: validation', () => {
  it.each(refusals)('refuses: %s', async (_rule, setUp, expected) => {
    const world = await createReportWorld();
    const { ctx, body } = await setUp(world);
    const error = await refusal(ctx ?? world.api, body);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fieldErrors).toEqual(expected);
  });

  it("is not blocked by another provider's challenged or relationship partnership", async () => {
    const w = await createReportWorld();
    const other = await createLeadProvider({ cohorts: [w.cohort] });
    await createPartnershipRow({ ...w, leadProvider: other, deliveryPartner: await createDeliveryPartner() }, { challengedAt: new Date(), challengeReason: 'mistake' });
    await createPartnershipRow({ ...w, leadProvider: other, deliveryPartner: await createDeliveryPartner() }, { relationship: true });
    const created = await createPartnership(w.api, w.body);
    expect(created).toMatchObject({ leadProviderId: w.leadProvider.id, relationship: false, challengedAt: null });
  });

  it('accepts a section 41 approved independent school', async () => {
    const w = await createReportWorld(2024, await createSchool({ schoolTypeCode: 11, section41Approved: true }));
    await expect(createPartnership(w.api, w.body)).resolves.toMatchObject({ schoolId: w.school.id });
  });
});

describe('createPartnership: who may report', () => {
  it('refuses an API token acting for another lead provider, writing nothing', async () => {
    const w = await createReportWorld();
    const other = await createLeadProvider({ cohorts: [w.cohort] });
    const error = await refusal(apiContext(other), { ...w.body, leadProviderId: w.leadProvider.id });
    expect(error.code).toBe('FORBIDDEN');
  });

  it('lets a back-office user with partnerships.edit report on behalf of a lead provider', async () => {
    const w = await createReportWorld();
    const created = await createPartnership(userContext('support'), { ...w.body, leadProviderId: w.leadProvider.id });
    expect(created.leadProviderId).toBe(w.leadProvider.id);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: created.id } });
    expect(audit).toMatchObject({ action: 'partnership.reported', actorType: 'user' });
  });

  it.each(['finance', 'policy'] as const)('refuses a %s user', async (role) => {
    const w = await createReportWorld();
    const error = await refusal(userContext(role), { ...w.body, leadProviderId: w.leadProvider.id });
    expect(error.code).toBe('FORBIDDEN');
  });

  it('lets only one of two providers reporting the same school at once win', async () => {
    const w = await createReportWorld();
    const rival = await createLeadProvider({ cohorts: [w.cohort] });
    const rivalPartner = await createDeliveryPartner();
    await db().providerRelationship.create({ data: { leadProviderId: rival.id, deliveryPartnerId: rivalPartner.id, cohortId: w.cohort.id } });
    const results = await Promise.allSettled([
      createPartnership(w.api, w.body),
      createPartnership(apiContext(rival), { ...w.body, deliveryPartnerId: rivalPartner.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect((rejected.reason as ActionError).fieldErrors).toEqual([{ field: 'school_id', message: M.schoolRecruitedByOtherProvider }]);
    expect(await db().partnership.count({ where: { schoolId: w.school.id } })).toBe(1);
  });
});

describe('createPartnership: what reporting does', () => {
  it('creates an active partnership, the school cohort as provider-led with its programme, an audit event and an email', async () => {
    const w = await createReportWorld();
    const created = await createPartnership(w.api, { ...w.body, cohort: 2024 });
    expect(created).toMatchObject({ relationship: false, pending: false, challengedAt: null, challengeReason: null, deliveryPartnerId: w.deliveryPartner.id });
    expect(created.reportId).toMatch(/^[0-9a-f-]{36}$/);
    const schoolCohort = await db().schoolCohort.findUniqueOrThrow({
      where: { schoolId_cohortId: { schoolId: w.school.id, cohortId: w.cohort.id } },
      include: { defaultInductionProgramme: true },
    });
    expect(schoolCohort.inductionProgrammeChoice).toBe('full_induction_programme');
    expect(schoolCohort.defaultInductionProgramme).toMatchObject({ trainingProgramme: 'full_induction_programme', partnershipId: created.id });
    expect(await db().auditEvent.count({ where: { action: 'partnership.reported', subjectId: created.id } })).toBe(1);
    const email = await db().emailOutbox.findFirstOrThrow({ where: { template: 'partnership_reported', body: { contains: w.school.name } } });
    expect(email.to).toBe('head@school.example');
    expect(email.body).toContain(w.leadProvider.name);
    expect(email.body).toContain(w.school.urn);
  });

  it('emails the DfE fallback address when the school has no contact', async () => {
    const w = await createReportWorld(2024, await createSchool());
    await createPartnership(w.api, w.body);
    expect((await db().emailOutbox.findFirstOrThrow({ where: { body: { contains: w.school.urn } } })).to).toBe('ecf-tech@digital.education.gov.uk');
  });

  it("attaches the partnership to a provider-led default programme that had none, leaving its participants' records as they are", async () => {
    const w = await createReportWorld();
    const schoolCohort = await createSchoolCohort(w.school, w.cohort);
    const programme = await createFipProgramme(schoolCohort, null);
    const participant = await enrolParticipant(w, schoolCohort, programme);
    const created = await createPartnership(w.api, w.body);
    expect((await db().inductionProgramme.findUniqueOrThrow({ where: { id: programme.id } })).partnershipId).toBe(created.id);
    const records = await db().inductionRecord.findMany({ where: { participantProfileId: participant.profile.id } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: participant.inductionRecord.id, inductionStatus: 'active', endDate: null });
  });

  it('moves participants of other provider-led programmes without a partnership onto it, with new induction records', async () => {
    const w = await createReportWorld();
    const schoolCohort = await createSchoolCohort(w.school, w.cohort);
    const defaultProgramme = await createFipProgramme(schoolCohort, null);
    const strayProgramme = await db().inductionProgramme.create({ data: { schoolCohortId: schoolCohort.id, trainingProgramme: 'full_induction_programme' } });
    const stray = await enrolParticipant(w, schoolCohort, strayProgramme);
    await createPartnership(w.api, w.body);

    const old = await db().inductionRecord.findUniqueOrThrow({ where: { id: stray.inductionRecord.id } });
    expect(old.inductionStatus).toBe('changed');
    expect(old.endDate).not.toBeNull();
    const current = await db().inductionRecord.findFirstOrThrow({ where: { participantProfileId: stray.profile.id, endDate: null } });
    expect(current).toMatchObject({ inductionProgrammeId: defaultProgramme.id, inductionStatus: 'active', scheduleId: stray.inductionRecord.scheduleId });
    expect(current.startDate.getTime()).toBe(old.endDate!.getTime());
  });

  it("replaces a default programme whose partnership was challenged, moving that programme's participants", async () => {
    const w = await createReportWorld();
    const formerProvider = await createLeadProvider({ cohorts: [w.cohort] });
    const challenged = await createPartnershipRow(
      { ...w, leadProvider: formerProvider, deliveryPartner: await createDeliveryPartner() },
      { challengedAt: new Date(), challengeReason: 'another_provider' },
    );
    const schoolCohort = await createSchoolCohort(w.school, w.cohort);
    const oldProgramme = await createFipProgramme(schoolCohort, challenged);
    const participant = await enrolParticipant(w, schoolCohort, oldProgramme);

    const created = await createPartnership(w.api, w.body);
    const after = await db().schoolCohort.findUniqueOrThrow({ where: { id: schoolCohort.id }, include: { defaultInductionProgramme: true } });
    expect(after.defaultInductionProgrammeId).not.toBe(oldProgramme.id);
    expect(after.defaultInductionProgramme).toMatchObject({ trainingProgramme: 'full_induction_programme', partnershipId: created.id });
    const current = await db().inductionRecord.findFirstOrThrow({ where: { participantProfileId: participant.profile.id, endDate: null } });
    expect(current.inductionProgrammeId).toBe(after.defaultInductionProgrammeId);
    expect((await db().inductionRecord.findUniqueOrThrow({ where: { id: participant.inductionRecord.id } })).inductionStatus).toBe('changed');
  });

  it('switches a school-led school cohort to provider-led, moving its participants and opting back in to updates', async () => {
    const w = await createReportWorld();
    const schoolCohort = await createSchoolCohort(w.school, w.cohort, { inductionProgrammeChoice: 'core_induction_programme', optOutOfUpdates: true });
    const cip = await db().inductionProgramme.create({ data: { schoolCohortId: schoolCohort.id, trainingProgramme: 'core_induction_programme' } });
    await db().schoolCohort.update({ where: { id: schoolCohort.id }, data: { defaultInductionProgrammeId: cip.id } });
    const participant = await enrolParticipant(w, schoolCohort, cip);

    const created = await createPartnership(w.api, w.body);
    const after = await db().schoolCohort.findUniqueOrThrow({ where: { id: schoolCohort.id }, include: { defaultInductionProgramme: true } });
    expect(after).toMatchObject({ inductionProgrammeChoice: 'full_induction_programme', optOutOfUpdates: false });
    expect(after.defaultInductionProgramme).toMatchObject({ trainingProgramme: 'full_induction_programme', partnershipId: created.id });
    const current = await db().inductionRecord.findFirstOrThrow({ where: { participantProfileId: participant.profile.id, endDate: null } });
    expect(current.inductionProgrammeId).toBe(after.defaultInductionProgrammeId);
  });

  it('re-points an induction record that starts in the future instead of closing it', async () => {
    const w = await createReportWorld();
    const schoolCohort = await createSchoolCohort(w.school, w.cohort);
    await createFipProgramme(schoolCohort, null);
    const stray = await db().inductionProgramme.create({ data: { schoolCohortId: schoolCohort.id, trainingProgramme: 'full_induction_programme' } });
    const starting = await enrolParticipant(w, schoolCohort, stray, new Date(Date.now() + 30 * 86_400_000));
    await createPartnership(w.api, w.body);
    const records = await db().inductionRecord.findMany({ where: { participantProfileId: starting.profile.id } });
    expect(records).toHaveLength(1);
    expect(records[0].inductionProgrammeId).not.toBe(stray.id);
  });

  it('revives its own challenged partnership with the school: same row, challenge cleared, new delivery partner', async () => {
    const w = await createReportWorld();
    const oldPartner = await createDeliveryPartner();
    const challenged = await createPartnershipRow({ ...w, deliveryPartner: oldPartner }, { challengedAt: new Date(), challengeReason: 'mistake', reportId: randomUUID() });
    const revived = await createPartnership(w.api, w.body);
    expect(revived.id).toBe(challenged.id);
    expect(revived).toMatchObject({ challengedAt: null, challengeReason: null, deliveryPartnerId: w.deliveryPartner.id });
    expect(revived.reportId).not.toBe(challenged.reportId);
  });

  it('converts its relationship partnership with the same delivery partner into a partnership', async () => {
    const w = await createReportWorld();
    const relationship = await createPartnershipRow(w, { relationship: true });
    const converted = await createPartnership(w.api, w.body);
    expect(converted).toMatchObject({ id: relationship.id, relationship: false });
    expect(await db().partnership.count({ where: { schoolId: w.school.id } })).toBe(1);
  });
});
