// What a lead provider's integration can tell apart from the DfE's API in any answer: the media type,
// the time format, attributes never left out, and the 2025 programme names behind one setting that the
// API, the declarations CSV and the back office share.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { withdrawParticipant } from '../../src/actions/participants/withdraw-participant.js';
import type { ApiCaller } from '../../src/api/http/caller.js';
import { leadProviderApiDocument } from '../../src/api/openapi/document.js';
import { findParticipant } from '../../src/api/resources/participants.js';
import { findSchool } from '../../src/api/resources/schools.js';
import { db } from '../../src/db/client.js';
import { participantRecord } from '../../src/reports/participants/participant-record.js';
import { writeStatementDeclarationsCsv } from '../../src/reports/statements/declarations-csv.js';
import {
  createDeclaration, createParticipant, createParticipantWorld, createSchool, createStatement, type ParticipantWorld,
} from '../support/factories.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';
import { apiContext, openStatement } from './support/lead-provider.js';

let a: ParticipantWorld;
let b: ParticipantWorld;
let apiA: ApiClient;

beforeAll(async () => {
  a = await createParticipantWorld(2024);
  b = await createParticipantWorld(2024, { cohort: a.cohort, schedule: a.schedule });
  await openStatement(a.leadProvider, a.cohort);
  apiA = await startApi(await createToken(a.leadProvider));
});
afterAll(() => apiA.close());
afterEach(() => {
  delete process.env.PROGRAMME_TYPE_CHANGES_2025;
});

type Participant = Awaited<ReturnType<typeof createParticipant>>;

const withdraw = (participant: Participant, reason: string) =>
  apiA.put(`/participants/ecf/${participant.teacher.id}/withdraw`, {
    data: { type: 'participant-withdraw', attributes: { reason, course_identifier: 'ecf-induction' } },
  });

/** Every value under a key that holds a time (created_at, updated_at, declaration_date, withdrawal date, ...). */
function times(value: unknown, key = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => times(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => times(v, k));
  return typeof value === 'string' && /(_at|_date|^date)$/.test(key) && value.includes('T') ? [value] : [];
}

describe('every v3 answer', () => {
  // The api client checks each answer's Content-Type is exactly application/vnd.api+json
  // (app/controllers/api/api_controller.rb removes the charset; config/initializers/mime_types.rb;
  // spec/requests/api/v3/ecf/participants_spec.rb "returns correct jsonapi content type header").
  it('is application/vnd.api+json with no charset, success and error alike', async () => {
    const participant = await createParticipant(a);
    expect((await apiA.get('/participants/ecf')).status).toBe(200);
    expect((await apiA.get(`/participants/ecf/${participant.teacher.id}`)).status).toBe(200);
    expect((await apiA.get('/participants/ecf/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await apiA.get('/participants/ecf', 'not-a-token')).status).toBe(401);
    expect((await apiA.get('/participants/ecf?filter[updated_since]=yesterday')).status).toBe(400);
    expect((await withdraw(participant, '')).status).toBe(422);
    // A path Express cannot decode is the client's mistake: 400 in the DfE's error shape, not a server error.
    expect(await apiA.get('/participants/ecf/%E0%A4%A')).toEqual({ status: 400, body: { errors: [{ title: 'Bad request', detail: 'The request could not be read' }] } });
  });

  // app/serializers/api/v3/**: every time is `.rfc3339` of a UTC time, so whole seconds and "Z".
  it('writes times in RFC 3339, whole seconds, UTC', async () => {
    const participant = await createParticipant(a);
    await db().participantProfile.update({ where: { id: participant.profile.id }, data: { createdAt: new Date('2024-09-02T08:07:06.543Z') } });
    const declared = await apiA.post('/participant-declarations', {
      data: { type: 'participant-declaration', attributes: { participant_id: participant.teacher.id, declaration_type: 'started', declaration_date: '2024-10-01T10:00:00.250Z', course_identifier: 'ecf-induction' } },
    });
    expect(declared.body.data.attributes.declaration_date).toBe('2024-10-01T10:00:00Z');
    await withdraw(participant, 'moved-school');
    const shown = await apiA.get(`/participants/ecf/${participant.teacher.id}`);
    expect(shown.body.data.attributes.ecf_enrolments[0]).toMatchObject({ created_at: '2024-09-02T08:07:06Z', withdrawal: { reason: 'moved-school', date: expect.stringMatching(/:\d\dZ$/) } });

    const answers = await Promise.all(['/participants/ecf', '/participant-declarations', '/partnerships/ecf', '/delivery-partners', '/statements',
      '/unfunded-mentors/ecf', '/participants/ecf/transfers', '/schools/ecf?filter[cohort]=2024'].map((path) => apiA.get(path)));
    const found = answers.flatMap((answer) => times(answer.body));
    expect(found.length).toBeGreaterThan(10);
    expect(found.filter((time) => !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(time))).toEqual([]);
  });
});

describe('attributes the DfE sends as null rather than leaving out', () => {
  // app/serializers/api/v3/ecf/participant_serializer.rb: teacher_reference_number is `teacher_profile&.trn`,
  // and teacher_reference_number_validated `nil` while there is no TRN.
  it('a participant without a TRN', async () => {
    const participant = await createParticipant(a);
    await db().teacher.update({ where: { id: participant.teacher.id }, data: { trn: null } });
    const { body } = await apiA.get(`/participants/ecf/${participant.teacher.id}`);
    expect(body.data.attributes).toHaveProperty('teacher_reference_number', null);
    expect(body.data.attributes.ecf_enrolments[0]).toHaveProperty('teacher_reference_number_validated', null);
  });

  // app/serializers/api/v3/ecf/unfunded_mentor_serializer.rb
  it('an unfunded mentor without a TRN', async () => {
    const mentor = await createParticipant(b, { type: 'mentor' });
    await db().teacher.update({ where: { id: mentor.teacher.id }, data: { trn: null } });
    const ect = await createParticipant(a);
    await db().inductionRecord.update({ where: { id: ect.inductionRecord.id }, data: { mentorProfileId: mentor.profile.id } });
    const { body } = await apiA.get(`/unfunded-mentors/ecf/${mentor.teacher.id}`);
    expect(body.data.attributes).toHaveProperty('teacher_reference_number', null);
  });

  // app/serializers/api/v3/ecf/partnership_serializer.rb: the school's induction tutor, and
  // School#contact_email (app/models/school.rb): the tutor's email, else the school's contact addresses.
  it("a partnership's induction tutor: the school's tutor, else its contact, else null", async () => {
    const partnershipOf = async (school: { id: string }) => {
      const { body } = await apiA.post('/partnerships/ecf', {
        data: { type: 'ecf-partnership', attributes: { cohort: '2024', school_id: school.id, delivery_partner_id: a.deliveryPartner.id } },
      });
      return body.data.attributes;
    };
    expect(await partnershipOf(await createSchool({ inductionTutorName: 'Ada Tutor', inductionTutorEmail: 'ada@school.example', primaryContactEmail: 'office@school.example' })))
      .toMatchObject({ induction_tutor_name: 'Ada Tutor', induction_tutor_email: 'ada@school.example' });
    expect(await partnershipOf(await createSchool({ primaryContactEmail: 'office@school.example' })))
      .toMatchObject({ induction_tutor_name: null, induction_tutor_email: 'office@school.example' });
    const bare = await partnershipOf(await createSchool());
    expect(bare).toHaveProperty('induction_tutor_name', null);
    expect(bare).toHaveProperty('induction_tutor_email', null);
  });
});

describe('PROGRAMME_TYPE_CHANGES_2025 (the DfE flag programme_type_changes_2025, app/services/programme_type_mappings.rb)', () => {
  async function declarationsCsvReason(participant: Participant): Promise<string> {
    const statement = await createStatement(a.leadProvider, a.cohort);
    await createDeclaration(participant, a.leadProvider, { statement, state: 'eligible' });
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await writeStatementDeclarationsCsv(statement.id, out);
    const [header, row] = text.trim().split('\n').map((line) => line.split(','));
    return row[header.indexOf('Training Status Reason')];
  }

  const apiReason = async (participant: Participant) =>
    (await apiA.get(`/participants/ecf/${participant.teacher.id}`)).body.data.attributes.ecf_enrolments[0].withdrawal.reason;
  const backOfficeReason = async (participant: Participant) =>
    (await participantRecord(participant.teacher.id))!.profiles[0].statusChanges.find((s) => s.state === 'withdrawn')!.reason;

  // app/services/withdraw_participant.rb accepts the mapped reasons; the serializer and the assurance
  // report CSV (app/serializers/finance/ecf/assurance_report/csv_serializer.rb) show the mapped name.
  it('on (the default): switched-to-school-led is the reason, and a stored school-left-fip reads so everywhere', async () => {
    const refused = await createParticipant(a);
    expect((await withdraw(refused, 'school-left-fip')).body).toEqual({ errors: [{ title: 'reason', detail: "The property '#/reason' must be a valid reason" }] });

    const participant = await createParticipant(a);
    expect((await withdraw(participant, 'switched-to-school-led')).status).toBe(200);
    const stored = await createParticipant(a);
    expect((await withdraw(stored, 'moved-school')).status).toBe(200);
    await db().participantProfileState.updateMany({ where: { participantProfileId: stored.profile.id, state: 'withdrawn' }, data: { reason: 'school-left-fip' } });
    await db().participantProfile.update({ where: { id: stored.profile.id }, data: { sparsityUplift: true } }); // refreshes the rendered enrolment

    for (const p of [participant, stored]) {
      expect([await apiReason(p), await declarationsCsvReason(p), await backOfficeReason(p)]).toEqual(Array(3).fill('switched-to-school-led'));
    }
    expect((await apiA.get(`/schools/ecf/${a.school.id}?filter[cohort]=2024`)).body.data.attributes.induction_programme_choice).toBe('provider_led');
  });

  // Off, answers carry names the DfE's (2025) document does not list, so this reads the resources the
  // routes answer with, rather than through the document-checking client.
  it('off: the pre-2025 names, in the API, the CSV and the back office alike', async () => {
    process.env.PROGRAMME_TYPE_CHANGES_2025 = 'false';
    const caller = apiContext(a.leadProvider).actor as ApiCaller;
    const withdrawDirectly = (p: Participant, reason: string) =>
      withdrawParticipant(apiContext(a.leadProvider), { participantId: p.teacher.id, courseIdentifier: 'ecf-induction', reason });
    const refused = await createParticipant(a);
    await expect(withdrawDirectly(refused, 'switched-to-school-led')).rejects.toMatchObject({ fieldErrors: [{ field: 'reason', message: "The property '#/reason' must be a valid reason" }] });
    const participant = await createParticipant(a);
    await withdrawDirectly(participant, 'school-left-fip');
    const resource = await findParticipant(caller, participant.teacher.id);
    const apiShown = (resource!.attributes.ecf_enrolments[0].withdrawal as { reason: string }).reason;
    expect([apiShown, await declarationsCsvReason(participant), await backOfficeReason(participant)]).toEqual(Array(3).fill('school-left-fip'));
    expect((await findSchool(a.cohort, a.school.id))!.attributes.induction_programme_choice).toBe('full_induction_programme');
    expect(leadProviderApiDocument().components.schemas.ECFWithdrawal.properties.reason.enum).toContain('school-left-fip');
  });
});
