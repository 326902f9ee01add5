// Every validation of the v3 participant, declaration and partnership endpoints, as a table: what a lead
// provider sends -> the status and errors the DfE's service answers, in its order. Each row names the DfE
// file (DFE-Digital/early-careers-framework) the answer is read from. The errors of one attribute are joined
// with ", " and attributes come in the order their first error was added
// (app/serializers/api/v1/active_model_errors_serializer.rb); request values are taken as Rails's
// params.permit takes them: exactly as sent, an array dropped as if absent.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import {
  createCohort, createDeclaration, createDeliveryPartner, createParticipant, createParticipantWorld, createPartnership, createSchedule, createSchool,
  createStatement, type ParticipantWorld,
} from '../support/factories.js';
import { createToken, startApi, type ApiClient, type ApiResponse } from './support/api-client.js';

let world: ParticipantWorld;
let funded: ParticipantWorld;
let api: ApiClient;

beforeAll(async () => {
  world = await createParticipantWorld(2024);
  await createStatement(world.leadProvider, world.cohort, { deadlineDate: new Date(Date.UTC(2099, 0, 31)) });
  for (const identifier of ['ecf-standard-january', 'ecf-replacement-september']) await createSchedule(world.cohort, identifier);
  // 2025: mentors funded for started and completed only; no statement for this provider.
  const cohort2025 = await createCohort(2025, { mentorFunding: true });
  funded = await createParticipantWorld(2025, { cohort: cohort2025, leadProvider: world.leadProvider });
  api = await startApi(await createToken(world.leadProvider));
});
afterAll(() => api.close());

const M = {
  invalidParticipant: "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.",
  missingCourse: "Enter a '#/course_identifier' value for this participant.",
  invalidCourse: "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.",
  missingReason: "The property '#/reason' must be present",
  invalidReason: "The property '#/reason' must be a valid reason",
  missingDate: "Enter a '#/declaration_date'.",
  invalidDate: "Enter a valid RCF3339 '#/declaration_date'.",
  missingType: "Enter a '#/declaration_type'.",
  noMilestone: "The property '#/declaration_type' does not exist for this schedule.",
  noPartnership: 'You cannot change a participant to this cohort as you do not have a partnership with the school for the cohort. Contact the DfE for assistance.',
  noRelationship: 'The entered delivery partner is not recognised to be working in partnership with you for the given cohort. Contact the DfE for more information.',
};

const FUNDING_ENDED_2025 =
  'You cannot submit or void declarations for the 2025 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us';

const refused = (...errors: [string, string][]) => ({ status: 422, errors: errors.map(([title, detail]) => ({ title, detail })) });
const ok = { status: 200 };
const answer = ({ status, body }: ApiResponse) => (status === 200 ? { status } : { status, errors: body?.errors ?? body });

type Participant = Awaited<ReturnType<typeof createParticipant>>;
const ect = (overrides: Parameters<typeof createParticipant>[1] = {}) => createParticipant(world, overrides);
const setTrainingStatus = (p: Participant, trainingStatus: 'deferred' | 'withdrawn') =>
  db().inductionRecord.update({ where: { id: p.inductionRecord.id }, data: { trainingStatus } });

const declare = (participantId: string, attributes: Record<string, unknown> = {}) =>
  api.post('/participant-declarations', {
    data: {
      type: 'participant-declaration',
      attributes: {
        participant_id: participantId,
        declaration_type: 'retained-1',
        declaration_date: '2024-10-01T10:00:00Z',
        course_identifier: 'ecf-induction',
        evidence_held: 'training-event-attended',
        ...attributes,
      },
    },
  });
const act = (teacherId: string, action: string, attributes: Record<string, unknown>) =>
  api.put(`/participants/ecf/${teacherId}/${action}`, { data: { type: `participant-${action}`, attributes } });

interface Row {
  sends: string;
  source: string;
  send: () => Promise<ApiResponse>;
  expected: { status: number; errors?: unknown };
}

const DECLARATIONS: Row[] = [
  {
    sends: 'an NPQ course, with everything else wrong too',
    source: 'app/services/record_declaration.rb (before_validation ensure_npq_course_no_longer_supported throws :abort)',
    send: () => declare('not-an-id', { course_identifier: 'npq-headship', declaration_type: '', declaration_date: 'soon' }),
    expected: refused(['course_identifier', 'NPQ Courses are no longer supported']),
  },
  {
    sends: 'an unknown participant with a blank date and type',
    source: 'app/validators/participant_identity_presence_validator.rb; app/services/record_declaration.rb (presence)',
    send: () => declare('5f3b1a66-7a1f-4c36-9d3e-1b2c3d4e5f60', { declaration_type: '', declaration_date: '' }),
    expected: refused(['participant_id', M.invalidParticipant], ['declaration_date', M.missingDate], ['declaration_type', M.missingType]),
  },
  {
    sends: 'a date without a time',
    source: 'app/validators/declaration_date_validator.rb (RFC3339_DATE_REGEX)',
    send: async () => declare((await ect()).teacher.id, { declaration_date: '2024-10-01' }),
    expected: refused(['declaration_date', M.invalidDate]),
  },
  {
    sends: 'a date that reads as no time at all',
    source: 'app/services/record_declaration.rb (attribute :declaration_date, :datetime casts it to nil); app/validators/declaration_date_validator.rb',
    send: async () => declare((await ect()).teacher.id, { declaration_date: 'yesterday-ish' }),
    expected: refused(['declaration_date', `${M.missingDate}, ${M.invalidDate}`]),
  },
  {
    sends: 'a future date',
    source: 'app/validators/future_date_validator.rb',
    send: async () => declare((await ect()).teacher.id, { declaration_date: '2099-01-01T00:00:00Z' }),
    expected: refused(['declaration_date', "The '#/declaration_date' value cannot be a future date. Check the date and try again."]),
  },
  {
    sends: 'a date before the milestone starts',
    source: 'app/validators/declaration_date_validator.rb (declaration_within_milestone)',
    send: async () => declare((await ect()).teacher.id, { declaration_date: '2024-05-31T23:59:59Z' }),
    expected: refused(['declaration_date', "Enter a '#/declaration_date' that's on or after the milestone start."]),
  },
  {
    sends: 'a blank declaration_type: missing, and no milestone has it',
    source: 'app/services/record_declaration.rb (presence; validate_milestone_exists finds no milestone for nil)',
    send: async () => declare((await ect()).teacher.id, { declaration_type: '' }),
    expected: refused(['declaration_type', `${M.missingType}, ${M.noMilestone}`]),
  },
  {
    sends: 'an unknown declaration_type',
    source: 'app/services/record_declaration.rb (validate_milestone_exists)',
    send: async () => declare((await ect()).teacher.id, { declaration_type: 'retained-9' }),
    expected: refused(['declaration_type', M.noMilestone]),
  },
  {
    sends: 'a declaration_type spelt with an underscore',
    source: 'app/services/record_declaration.rb (schedule.milestones.find_by(declaration_type:) compares the text)',
    send: async () => declare((await ect()).teacher.id, { declaration_type: 'retained_1' }),
    expected: refused(['declaration_type', M.noMilestone]),
  },
  {
    sends: 'a course the participant does not hold',
    source: 'app/validators/course_validator.rb',
    send: async () => declare((await ect()).teacher.id, { course_identifier: 'ecf-mentor' }),
    expected: refused(['course_identifier', M.invalidCourse]),
  },
  {
    sends: 'the course with a leading space',
    source: 'app/validators/course_validator.rb (COURSE_IDENTIFIERS.include? is exact)',
    send: async () => declare((await ect()).teacher.id, { course_identifier: ' ecf-induction' }),
    expected: refused(['course_identifier', M.invalidCourse]),
  },
  {
    sends: 'no course: declarations have no presence check, only the course check',
    source: 'app/services/record_declaration.rb (validates :course_identifier, course: true)',
    send: async () => declare((await ect()).teacher.id, { course_identifier: '' }),
    expected: refused(['course_identifier', M.invalidCourse]),
  },
  {
    sends: 'no evidence for a retained declaration',
    source: 'app/validators/evidence_held_validator.rb',
    send: async () => declare((await ect()).teacher.id, { evidence_held: '' }),
    expected: refused(['evidence_held', "Enter a '#/evidence_held' value for this participant."]),
  },
  {
    sends: 'evidence as a list',
    source: 'app/controllers/api/v3/participant_declarations_controller.rb (params.permit drops a non-scalar value)',
    send: async () => declare((await ect()).teacher.id, { evidence_held: ['training-event-attended'] }),
    expected: refused(['evidence_held', "Enter a '#/evidence_held' value for this participant."]),
  },
  {
    sends: 'unknown evidence for a retained declaration',
    source: 'app/validators/evidence_held_validator.rb (VALID_EVIDENCE_HELD)',
    send: async () => declare((await ect()).teacher.id, { evidence_held: 'a-certificate' }),
    expected: refused(['evidence_held', "Enter an available '#/evidence_held' type for this participant's event and course."]),
  },
  {
    sends: 'unknown evidence for started, before detailed evidence types (ignored)',
    source: 'app/validators/evidence_held_validator.rb (evidence_held = nil unless validate_evidence_held?)',
    send: async () => declare((await ect()).teacher.id, { declaration_type: 'started', evidence_held: 'a-certificate' }),
    expected: ok,
  },
  {
    sends: 'an event already claimed',
    source: 'app/services/record_declaration.rb (validates_billable_slot_available)',
    send: async () => {
      const participant = await ect();
      await createDeclaration(participant, world.leadProvider, { declarationType: 'retained_1' });
      return declare(participant.teacher.id);
    },
    expected: refused(['base', 'A declaration has already been submitted that will be, or has been, paid for this event']),
  },
  {
    sends: 'a date after the provider withdrew the participant',
    source: 'app/validators/participant_not_withdrawn_validator.rb',
    send: async () => {
      const participant = await ect();
      await setTrainingStatus(participant, 'withdrawn');
      await db().participantProfileState.create({
        data: { participantProfileId: participant.profile.id, state: 'withdrawn', reason: 'other', cpdLeadProviderId: world.leadProvider.cpdLeadProviderId, createdAt: new Date('2024-09-20T08:00:00Z') },
      });
      return declare(participant.teacher.id);
    },
    expected: refused(['participant_id', "This participant withdrew from this course on 2024-09-20T08:00:00Z. Enter a '#/declaration_date' that's on or before the withdrawal date."]),
  },
  {
    sends: 'an unknown type for a mentor whose cohort funds only started and completed',
    source: 'app/services/record_declaration.rb (validate_only_started_or_completed_if_mentor runs for any type but those two)',
    send: async () => declare((await createParticipant(funded, { type: 'mentor' })).teacher.id, {
      course_identifier: 'ecf-mentor', declaration_type: 'retained-9', declaration_date: '2025-10-01T10:00:00Z',
    }),
    // Fundable, and 2025 has no statement of this provider's to pay it: that is reported first.
    expected: refused(['cohort', FUNDING_ENDED_2025], ['declaration_type', `${M.noMilestone}, You cannot send retained or extended declarations for participants who began their mentor training after June 2025. Resubmit this declaration with either a started or completed declaration.`]),
  },
  {
    sends: 'a billable declaration again, exactly, for a participant not fundable now, with no statement left to pay it',
    source: 'app/services/record_declaration.rb (output_fee_statement_available: an existing billable declaration)',
    send: async () => {
      const participant = await createParticipant(funded, { profile: { eligibilityStatus: 'manual_check' } });
      await createDeclaration(participant, world.leadProvider, {
        declarationType: 'started', declarationDate: new Date('2025-10-01T10:00:00Z'), deliveryPartnerId: funded.deliveryPartner.id,
      });
      return declare(participant.teacher.id, { declaration_type: 'started', declaration_date: '2025-10-01T10:00:00Z' });
    },
    expected: refused(
      ['cohort', FUNDING_ENDED_2025],
      ['base', 'A declaration has already been submitted that will be, or has been, paid for this event'],
    ),
  },
  {
    sends: 'the same event again, billable under another delivery partner, for a participant not fundable now, with no statement left',
    source: 'app/services/record_declaration.rb (existing_declaration matches the delivery partner and mentor too: none here, and not fundable)',
    send: async () => {
      const participant = await createParticipant(funded, { profile: { eligibilityStatus: 'manual_check' } });
      await createDeclaration(participant, world.leadProvider, { declarationType: 'started', declarationDate: new Date('2025-10-01T10:00:00Z') });
      return declare(participant.teacher.id, { declaration_type: 'started', declaration_date: '2025-10-01T10:00:00Z' });
    },
    expected: refused(['base', 'A declaration has already been submitted that will be, or has been, paid for this event']),
  },
];

const VOIDS: Row[] = [
  {
    sends: 'void of a voided declaration',
    source: 'app/services/void_participant_declaration.rb (make_voided)',
    send: async () => api.put(`/participant-declarations/${(await createDeclaration(await ect(), world.leadProvider, { state: 'voided' })).id}/void`, undefined),
    expected: refused(['Invalid action', 'This declaration has already been voided.']),
  },
  {
    sends: 'void of a clawed-back declaration',
    source: 'app/services/void_participant_declaration.rb (voidable?)',
    send: async () => api.put(`/participant-declarations/${(await createDeclaration(await ect(), world.leadProvider, { state: 'clawed_back' })).id}/void`, undefined),
    expected: refused(['Invalid action', 'This declaration has been clawed-back, so you can only view it.']),
  },
  {
    sends: 'void of an id that is no declaration of the provider',
    source: 'app/controllers/api/v3/participant_declarations_controller.rb (find raises RecordNotFound)',
    send: () => api.put('/participant-declarations/not-a-declaration/void', undefined),
    expected: { status: 404, errors: { error: 'Resource not Found' } },
  },
];

const PARTICIPANT_ACTIONS: Row[] = [
  {
    sends: 'defer: unknown participant, blank course and reason',
    source: 'app/services/defer_participant.rb; app/validators/course_validator.rb (skipped once an error exists)',
    send: () => act('5f3b1a66-7a1f-4c36-9d3e-1b2c3d4e5f60', 'defer', { course_identifier: '', reason: '' }),
    expected: refused(['participant_id', M.invalidParticipant], ['course_identifier', M.missingCourse], ['reason', `${M.missingReason}, ${M.invalidReason}`]),
  },
  {
    sends: 'defer: a course not held and an unknown reason',
    source: 'app/services/defer_participant.rb (ParticipantProfile::DEFERRAL_REASONS)',
    send: async () => act((await ect()).teacher.id, 'defer', { course_identifier: 'ecf-mentor', reason: 'bored' }),
    expected: refused(['course_identifier', M.invalidCourse], ['reason', M.invalidReason]),
  },
  {
    sends: 'defer: no course',
    source: 'app/services/defer_participant.rb (course: true, then presence)',
    send: async () => act((await ect()).teacher.id, 'defer', { reason: 'other' }),
    expected: refused(['course_identifier', `${M.invalidCourse}, ${M.missingCourse}`]),
  },
  {
    sends: 'defer: a reason with a leading space',
    source: 'app/services/defer_participant.rb (inclusion is exact)',
    send: async () => act((await ect()).teacher.id, 'defer', { course_identifier: 'ecf-induction', reason: ' other' }),
    expected: refused(['reason', M.invalidReason]),
  },
  {
    sends: 'defer: already deferred, unknown reason',
    source: 'app/services/defer_participant.rb (reason before not_already_deferred)',
    send: async () => {
      const participant = await ect();
      await setTrainingStatus(participant, 'deferred');
      return act(participant.teacher.id, 'defer', { course_identifier: 'ecf-induction', reason: 'bored' });
    },
    expected: refused(['reason', M.invalidReason], ['participant_profile', 'The participant is already deferred']),
  },
  {
    sends: 'defer: withdrawn',
    source: 'app/services/defer_participant.rb (not_already_withdrawn)',
    send: async () => {
      const participant = await ect();
      await setTrainingStatus(participant, 'withdrawn');
      return act(participant.teacher.id, 'defer', { course_identifier: 'ecf-induction', reason: 'career-break' });
    },
    expected: refused(['participant_profile', 'The participant is already withdrawn']),
  },
  {
    sends: 'resume: already active',
    source: 'app/services/resume_participant.rb',
    send: async () => act((await ect()).teacher.id, 'resume', { course_identifier: 'ecf-induction' }),
    expected: refused(['participant_profile', 'The participant is already active']),
  },
  {
    sends: 'resume: withdrawn (allowed)',
    source: 'app/services/resume_participant.rb (no withdrawn check; invalid_resume is never raised)',
    send: async () => {
      const participant = await ect();
      await setTrainingStatus(participant, 'withdrawn');
      return act(participant.teacher.id, 'resume', { course_identifier: 'ecf-induction' });
    },
    expected: ok,
  },
  {
    sends: 'withdraw: the reason as a list',
    source: 'app/controllers/concerns/api/v1/participant_actions.rb (params.permit drops it); app/services/withdraw_participant.rb',
    send: async () => act((await ect()).teacher.id, 'withdraw', { course_identifier: 'ecf-induction', reason: ['other'] }),
    expected: refused(['reason', `${M.missingReason}, ${M.invalidReason}`]),
  },
  {
    sends: 'withdraw: already withdrawn, blank reason',
    source: 'app/services/withdraw_participant.rb',
    send: async () => {
      const participant = await ect();
      await setTrainingStatus(participant, 'withdrawn');
      return act(participant.teacher.id, 'withdraw', { course_identifier: 'ecf-induction', reason: '' });
    },
    expected: refused(['reason', `${M.missingReason}, ${M.invalidReason}`], ['participant_profile', 'The participant is already withdrawn']),
  },
  {
    sends: 'withdraw: the pre-2025 reason school-left-fip under the 2025 programme types (the default)',
    source: 'app/services/withdraw_participant.rb (reasons mapped by app/services/programme_type_mappings.rb)',
    send: async () => act((await ect()).teacher.id, 'withdraw', { course_identifier: 'ecf-induction', reason: 'school-left-fip' }),
    expected: refused(['reason', M.invalidReason]),
  },
  {
    sends: 'change-schedule: withdrawn, blank schedule',
    source: 'app/services/change_schedule.rb (presence of schedule_identifier before not_already_withdrawn)',
    send: async () => {
      const participant = await ect();
      await setTrainingStatus(participant, 'withdrawn');
      return act(participant.teacher.id, 'change-schedule', { course_identifier: 'ecf-induction', schedule_identifier: '' });
    },
    expected: refused(
      ['schedule_identifier', "The property '#/schedule_identifier' must be present and correspond to a valid schedule"],
      ['participant_id', 'Cannot perform actions on a withdrawn participant'],
    ),
  },
  {
    sends: 'change-schedule: the schedule already on the profile',
    source: 'app/services/change_schedule.rb (change_with_a_different_schedule)',
    send: async () => act((await ect()).teacher.id, 'change-schedule', { course_identifier: 'ecf-induction', schedule_identifier: 'ecf-standard-september' }),
    expected: refused(['schedule_identifier', 'Selected schedule is already on the profile']),
  },
  {
    sends: 'change-schedule: a mentor schedule for an ECT',
    source: 'app/services/change_schedule.rb (validate_permitted_schedule_for_course)',
    send: async () => act((await ect()).teacher.id, 'change-schedule', { course_identifier: 'ecf-induction', schedule_identifier: 'ecf-replacement-september' }),
    expected: refused(['schedule_identifier', 'Selected schedule is not valid for the course']),
  },
  {
    sends: 'change-schedule: a cohort that does not exist',
    source: 'app/services/change_schedule.rb (validate_school_cohort_exists)',
    send: async () => act((await ect()).teacher.id, 'change-schedule', { course_identifier: 'ecf-induction', schedule_identifier: 'ecf-standard-january', cohort: '2099' }),
    expected: refused(['cohort', M.noPartnership]),
  },
  {
    sends: 'change-schedule: another cohort, with a declaration and no partnership there',
    source: 'app/services/change_schedule.rb (validate_cannot_change_cohort, validate_school_cohort_exists)',
    send: async () => {
      const participant = await ect();
      await createDeclaration(participant, world.leadProvider, { declarationType: 'started' });
      return act(participant.teacher.id, 'change-schedule', { course_identifier: 'ecf-induction', schedule_identifier: 'ecf-standard-september', cohort: 2025 });
    },
    expected: refused(['cohort', `You cannot change the '#/cohort' field, ${M.noPartnership}`]),
  },
  {
    sends: 'change-schedule: a schedule identifier with a leading space',
    source: 'app/services/change_schedule.rb (no schedule found, so ParticipantProfileSchedule.create! fails: app/controllers/api/api_controller.rb invalid_transition)',
    send: async () => act((await ect()).teacher.id, 'change-schedule', { course_identifier: 'ecf-induction', schedule_identifier: ' ecf-standard-january' }),
    expected: refused(['Invalid action', 'Validation failed: Schedule must exist']),
  },
  {
    sends: 'change-schedule: a profile with no induction record with the provider',
    source: 'app/services/change_schedule.rb (the later validations need only the profile; no school, so no partnership)',
    send: async () => {
      const mentor = await ect({ type: 'mentor' });
      await db().participantProfile.create({
        data: { type: 'ect', teacherId: mentor.teacher.id, schoolCohortId: world.schoolCohort.id, cohortId: world.cohort.id, scheduleId: world.schedule.id },
      });
      return act(mentor.teacher.id, 'change-schedule', { course_identifier: 'ecf-induction', schedule_identifier: 'ecf-standard-september' });
    },
    expected: refused(['participant_id', M.invalidParticipant], ['schedule_identifier', 'Selected schedule is already on the profile'], ['cohort', M.noPartnership]),
  },
];

const report = (attributes: Record<string, unknown>) => api.post('/partnerships/ecf', { data: { type: 'ecf-partnership', attributes } });
const update = (id: string, attributes: Record<string, unknown>) => api.put(`/partnerships/ecf/${id}`, { data: { type: 'ecf-partnership-update', attributes } });

const PARTNERSHIPS: Row[] = [
  {
    sends: 'report: everything blank',
    source: 'app/services/partnerships/create.rb (validates presence, in attribute order)',
    send: () => report({ cohort: '', school_id: ' ', delivery_partner_id: null }),
    expected: refused(['cohort', "Enter a '#/cohort'."], ['school_id', "Enter a '#/school_id'."], ['delivery_partner_id', "Enter a '#/delivery_partner_id'."]),
  },
  {
    sends: 'report: everything unknown',
    source: 'app/services/partnerships/create.rb (validate_cohort, validate_school, validate_delivery_partner)',
    send: () => report({ cohort: 'next year', school_id: 'not-a-school', delivery_partner_id: 12 }),
    expected: refused(
      ['cohort', "The '#/cohort' you have entered is invalid. Check cohort details and try again."],
      ['school_id', "The '#/school_id' you have entered is invalid. Check school details and try again. Contact the DfE for support if you are unable to find the '#/school_id'."],
      ['delivery_partner_id', "The '#/delivery_partner_id' you have entered is invalid. Check delivery partner details and try again."],
    ),
  },
  {
    sends: 'report: a school id with a leading space',
    source: 'app/services/partnerships/create.rb (School.find_by(id:) finds no school for it)',
    send: async () => report({ cohort: '2024', school_id: ` ${(await createSchool()).id}`, delivery_partner_id: world.deliveryPartner.id }),
    expected: refused(['school_id', "The '#/school_id' you have entered is invalid. Check school details and try again. Contact the DfE for support if you are unable to find the '#/school_id'."]),
  },
  {
    sends: 'report: a CIP-only school and a delivery partner with no relationship',
    source: 'app/services/partnerships/create.rb (validate_school: cip_only?; validate_delivery_partner)',
    send: async () => report({
      cohort: '2024', school_id: (await createSchool({ schoolTypeCode: 10, schoolTypeName: 'Other independent special school' })).id, delivery_partner_id: (await createDeliveryPartner()).id,
    }),
    expected: refused(
      ['school_id', 'The school you have entered has not registered to deliver DfE-funded training. Contact the school for more information.'],
      ['delivery_partner_id', M.noRelationship],
    ),
  },
  {
    sends: 'update: blank delivery partner',
    source: 'app/services/partnerships/update.rb (presence)',
    send: () => update(world.partnership.id, { delivery_partner_id: '' }),
    expected: refused(['delivery_partner_id', "Enter a '#/delivery_partner_id'."]),
  },
  {
    sends: 'update: a delivery partner with no relationship',
    source: 'app/services/partnerships/update.rb (validate_delivery_partner)',
    send: async () => update(world.partnership.id, { delivery_partner_id: (await createDeliveryPartner()).id }),
    expected: refused(['delivery_partner_id', M.noRelationship]),
  },
  {
    sends: 'update: a challenged partnership',
    source: 'app/services/partnerships/update.rb (partnership_challenged after the relationship check)',
    send: async () => {
      const partnership = await createPartnership(
        { school: await createSchool(), leadProvider: world.leadProvider, deliveryPartner: world.deliveryPartner, cohort: world.cohort },
        { challengedAt: new Date(), challengeReason: 'mistake' },
      );
      return update(partnership.id, { delivery_partner_id: world.deliveryPartner.id });
    },
    expected: refused(['delivery_partner_id', 'Your update cannot be made as this partnership has been challenged by the school. If this partnership has been challenged in error, submit a new partnership confirmation using the endpoint POST /api/v3/partnerships/ecf.']),
  },
];

const badRequest = (title: string, detail: string) => ({ status: 400, errors: [{ title, detail }] });
const LISTS: Row[] = [
  {
    sends: 'a bad updated_since and a bad page: the filter is reported',
    source: 'app/services/api/v3/ecf/participants_query.rb (the scope reads updated_since before app/controllers/concerns/api_pagination.rb pages it)',
    send: () => api.get('/participants/ecf?filter[updated_since]=last-week&page[page]=0'),
    expected: badRequest('Bad request', "The filter '#/updated_since' must be a valid RCF3339 date"),
  },
  {
    sends: 'schools without filter[cohort]',
    source: 'app/controllers/concerns/api_filter_validation.rb (required_filters)',
    send: () => api.get('/schools/ecf'),
    expected: badRequest('Bad parameter', "The filter '#/cohort' must be included in your request"),
  },
  {
    sends: 'schools for an unknown cohort, with a bad updated_since',
    source: 'app/services/api/v3/ecf/schools_query.rb (School.none before updated_since is read)',
    send: () => api.get('/schools/ecf?filter[cohort]=abc&filter[updated_since]=last-week'),
    expected: ok,
  },
  {
    sends: 'a filter that is not a hash',
    source: 'app/controllers/concerns/api_filter_validation.rb (filter_format_error)',
    send: () => api.get('/partnerships/ecf?filter=2024'),
    expected: badRequest('Bad parameter', 'Filter must be a hash'),
  },
  {
    sends: 'a filter that is not a hash on one record',
    source: 'app/controllers/concerns/api_filter_validation.rb (a before_action of every action)',
    send: () => api.get(`/partnerships/ecf/${world.partnership.id}?filter=2024`),
    expected: badRequest('Bad parameter', 'Filter must be a hash'),
  },
  {
    sends: 'a filter that is not a hash on a declaration',
    source: 'app/controllers/concerns/api_filter_validation.rb (checked before the action reads its body)',
    send: () => api.post('/participant-declarations?filter=2024', { data: { type: 'participant-declaration', attributes: {} } }),
    expected: badRequest('Bad parameter', 'Filter must be a hash'),
  },
];

describe('filters compared as sent', () => {
  it('finds a school by its URN exactly, and treats a blank URN as no filter (app/services/api/v3/ecf/schools_query.rb)', async () => {
    const urns = async (urn: string) => {
      const response = await api.get(`/schools/ecf?filter[cohort]=2024&filter[urn]=${encodeURIComponent(urn)}`);
      return (response.body.data as { attributes: { urn: string } }[]).map((school) => school.attributes.urn);
    };
    const urn = world.school.urn;
    expect(await urns(urn)).toEqual([urn]);
    expect(await urns(` ${urn}`)).toEqual([]);
    expect((await urns(' ')).length).toBeGreaterThan(0);
  });
});

describe.each([
  ['POST /participant-declarations', DECLARATIONS],
  ['PUT /participant-declarations/{id}/void', VOIDS],
  ['PUT /participants/ecf/{id}/{action}', PARTICIPANT_ACTIONS],
  ['POST and PUT /partnerships/ecf', PARTNERSHIPS],
  ['GET lists', LISTS],
])('%s answers as the DfE does', (_endpoint, rows) => {
  it.each(rows.map((row): [string, Row] => [row.sends, row]))('%s', async (_sends, row) => {
    expect({ source: row.source, answer: answer(await row.send()) }).toEqual({ source: row.source, answer: row.expected });
  });
});
