// What each role may see of every record, everywhere the back office serialises one: every resource's
// list, search and show (with their populated references) and the custom pages, read over HTTP from the
// real app by a signed-in user of each role. Secrets (password and token hashes) never leave the server;
// identity data (date of birth, National Insurance number) reaches only the roles that correct it; a role
// that may not read participants does not get their names (nor schools' induction tutors') from any page or
// the audit log; a live sign-in link's token reaches nobody; an audit event's values follow the rules of what
// it is about, whatever that is (jobs, exports, imports). A resource without an entry in the table below
// fails, and so does an audit subject without a model, so each new one must be given its rule
// (src/actions/field-visibility.ts).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Role } from '@prisma/client';
import type { CurrentAdmin, RecordJSON } from 'adminjs';
import { AUDIT_EVENTS } from '../../src/actions/audit/events.js';
import { FIELD_RULES, MASK, auditSubjectModel, hiddenFields } from '../../src/actions/field-visibility.js';
import { requestMagicLink } from '../../src/actions/portal/request-magic-link.js';
import { emailSchoolAboutReportedPartnership } from '../../src/actions/partnerships/partnership-emails.js';
import { SCHOOL_CHALLENGE_PATH } from '../../src/actions/partnerships/school-challenge-links.js';
import { buildAdmin } from '../../src/admin/index.js';
import { mayReadModel } from '../../src/admin/model-readers.js';
import { db } from '../../src/db/client.js';
import { createToken } from '../api/support/api-client.js';
import { BackOfficeClient, startBackOffice, type BackOffice } from '../support/back-office.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement, createUser } from '../support/factories.js';
import { anonymous, createDeliveryPartnerUser, tokenFromOutbox } from '../actions/portal/portal-world.js';
import { PortalClient } from '../portal/portal-app.js';

const ROLES: Role[] = ['admin', 'super_user', 'support', 'finance', 'policy'];
const NONE: Role[] = [];
const SUPPORT: Role[] = ['admin', 'super_user', 'support'];
/** The roles that read participants, and with them people's names and emails. */
const PEOPLE: Role[] = ['admin', 'super_user', 'support', 'finance'];

/** Every back-office resource, with each field only some roles may see and who they are. */
const RESTRICTED: Record<string, Record<string, Role[]>> = {
  LeadProvider: {}, CpdLeadProvider: {}, DeliveryPartner: {}, ProviderRelationship: {}, Cohort: {}, Schedule: {}, Milestone: {},
  CallOffContract: {}, ParticipantBand: {}, MentorCallOffContract: {}, PupilPremium: {}, SchoolCohort: {}, Partnership: {},
  InductionProgramme: {}, AppropriateBody: {},
  School: { inductionTutorName: PEOPLE, inductionTutorEmail: PEOPLE },
  Teacher: { dateOfBirth: SUPPORT, nationalInsuranceNumber: SUPPORT },
  ParticipantProfile: {},
  TrnCheckRequest: { dateOfBirth: SUPPORT, nationalInsuranceNumber: SUPPORT },
  InductionRecord: {}, ParticipantProfileState: {}, AppropriateBodyClaim: {}, Statement: {}, Declaration: {}, DeclarationStateChange: {},
  StatementLineItem: {}, FinanceAdjustment: {}, StatementSnapshot: {},
  User: { passwordHash: NONE },
  ApiToken: { hashedToken: NONE },
  PortalUser: {}, PortalRole: {}, AuditEvent: { ipAddress: PEOPLE }, JobRun: {}, Setting: {},
  // Everyone who reads the outbox reads the emails, but no sign-in link's token.
  EmailOutbox: { body: NONE },
};

const PASSWORD = 'field-visibility-test-password';
const NAME = 'Zebedee Quartermain';
const DATE_OF_BIRTH = '1987-03-14';
const NI_NUMBER = 'QQ123456C';
const TUTOR_NAME = 'Ottoline Fairweather-Quince';
const TUTOR_EMAIL = 'o.fairweather-quince@tutor.example.com';

/** The back office's resources, built once for the file (building them is slow on a loaded machine). */
let built: ReturnType<typeof buildAdmin> | undefined;
const resources = () => (built ??= buildAdmin()).resources;

const adminOf = (role: Role) => ({ id: `visibility-${role}`, email: `${role}@example.com`, role }) as unknown as CurrentAdmin;

describe('the field visibility table', () => {
  it('has an entry for every resource, and hides from each role exactly the fields the table says', () => {
    expect(resources().map((r) => r.id()).sort()).toEqual(Object.keys(RESTRICTED).sort());
    for (const resource of resources()) {
      for (const role of ROLES) {
        const expected = Object.entries(RESTRICTED[resource.id()]).filter(([, roles]) => !roles.includes(role)).map(([field]) => field);
        expect({ resource: resource.id(), role, hidden: hiddenFields(role, resource.id()).sort() }).toEqual({ resource: resource.id(), role, hidden: expected.sort() });
      }
    }
  }, 180_000);

  it('keeps every column that looks like a secret from everyone', () => {
    const columns = Object.entries(FIELD_RULES).flatMap(([model]) =>
      (db() as unknown as { _runtimeDataModel: { models: Record<string, { fields: { name: string }[] }> } })._runtimeDataModel.models[model].fields.map((f) => [model, f.name] as const));
    const secretLooking = columns.filter(([, field]) => /hash|token|secret|password|^sess$|^sid$/i.test(field) && !/^(cpdLeadProvider|apiTokens|magicLinks)/.test(field));
    expect(secretLooking.length).toBeGreaterThan(0);
    for (const [model, field] of secretLooking) expect({ model, field, rule: FIELD_RULES[model as keyof typeof FIELD_RULES][field] }).toEqual({ model, field, rule: 'secret' });
  });
});

/** Every subjectType an audit event may have (src/actions/audit/events.ts: the one list of events). */
function auditSubjectTypes(): string[] {
  const found = new Set<string>();
  for (const types of Object.values(AUDIT_EVENTS)) if (types !== 'any') for (const type of types) found.add(type);
  return [...found].sort();
}

describe('audit events about anything', () => {
  it('gives every kind of audit subject our code writes a model that the back office has readers for', async () => {
    resources();
    const types = auditSubjectTypes();
    expect(types).toEqual(expect.arrayContaining(['Cohort', 'Declaration', 'Export', 'Job', 'School', 'SchoolImport', 'CohortSetupImport', 'Statement']));
    for (const type of types) {
      const model = auditSubjectModel(type);
      expect({ type, readable: !!model && mayReadModel('super_user', model) }).toEqual({ type, readable: true });
    }
  }, 180_000);
});

describe('what each role reads from the back office', () => {
  let app: BackOffice;
  const clients = new Map<Role, BackOfficeClient>();
  let secrets: string[];
  let teacherId: string;
  let twinId: string;
  let schoolId: string;
  let portalEmail: string;
  let signInToken: string;
  let challengeToken: string;

  beforeAll(async () => {
    const world = await createParticipantWorld(2024);
    const participant = await createParticipant(world, { fullName: NAME });
    teacherId = participant.teacher.id;
    await db().teacher.update({ where: { id: teacherId }, data: { dateOfBirth: new Date(`${DATE_OF_BIRTH}T00:00:00Z`), nationalInsuranceNumber: NI_NUMBER } });
    // A duplicate candidate: the same name and date of birth.
    const twin = await createParticipant(world, { fullName: NAME });
    twinId = twin.teacher.id;
    await db().teacher.update({ where: { id: twinId }, data: { dateOfBirth: new Date(`${DATE_OF_BIRTH}T00:00:00Z`) } });
    for (const role of ROLES) {
      await createUser(role, { password: PASSWORD, email: `${role}@visibility.example.com` });
    }
    // A declaration voided by a user: the populated "voided by" is a user record.
    const voider = await db().user.findUniqueOrThrow({ where: { email: 'super_user@visibility.example.com' } });
    const statement = await createStatement(world.leadProvider, world.cohort);
    const declaration = await createDeclaration(participant, world.leadProvider, { state: 'voided', statement });
    await db().declaration.update({ where: { id: declaration.id }, data: { voidedByUserId: voider.id, voidedAt: new Date() } });
    await createToken(world.leadProvider);
    await db().trnCheckRequest.create({
      data: { participantProfileId: participant.profile.id, fullName: NAME, dateOfBirth: new Date(`${DATE_OF_BIRTH}T00:00:00Z`), nationalInsuranceNumber: NI_NUMBER, requestedBy: 'support@example.com' },
    });
    await db().auditEvent.create({
      data: {
        actorType: 'user', actorLabel: 'support@example.com', action: 'participant.identity_changed', subjectType: 'Teacher', subjectId: teacherId,
        before: { fullName: NAME, dateOfBirth: DATE_OF_BIRTH, nationalInsuranceNumber: 'AB123456C' }, after: { fullName: NAME, dateOfBirth: '1987-03-15', nationalInsuranceNumber: NI_NUMBER },
      },
    });
    schoolId = world.school.id;
    await db().school.update({ where: { id: schoolId }, data: { inductionTutorName: TUTOR_NAME, inductionTutorEmail: TUTOR_EMAIL } });
    const audit = (subjectType: string, subjectId: string, after: object, before?: object) =>
      db().auditEvent.create({ data: { actorType: 'user', actorLabel: 'admin@example.com', action: `${subjectType.toLowerCase()}.probe`, subjectType, subjectId, before, after } });
    await audit('School', schoolId, { inductionTutorName: TUTOR_NAME, inductionTutorEmail: TUTOR_EMAIL }, { inductionTutorName: null, inductionTutorEmail: null });
    await audit('Job', 'declaration-export', { statementId: statement.id, note: 'job-probe-value' });
    await audit('Export', 'declarations.csv', { bytes: 4242, note: 'export-probe-value' });
    await audit('SchoolImport', schoolId, { file: 'gias.csv', note: 'school-import-probe-value' });
    await audit('CohortSetupImport', world.cohort.id, { files: [{ file: 'cohorts.csv' }], note: 'cohort-import-probe-value' });
    await audit('Mystery', 'x', { note: 'mystery-probe-value' });
    // A live sign-in link, emailed by the portal.
    const { user: portalUser } = await createDeliveryPartnerUser();
    portalEmail = portalUser.email;
    await requestMagicLink(anonymous, { email: portalEmail, linkBase: 'http://127.0.0.1/check-data/sign-in' });
    signInToken = await tokenFromOutbox(portalEmail);
    // A school's challenge link, emailed when a lead provider reports a partnership.
    await db().$transaction(async (tx) => emailSchoolAboutReportedPartnership(tx, await tx.partnership.findUniqueOrThrow({
      where: { id: world.partnership.id }, include: { school: true, leadProvider: true, deliveryPartner: true, cohort: true },
    })));
    const challengeEmail = await db().emailOutbox.findFirstOrThrow({ where: { template: 'partnership_reported', body: { contains: world.school.urn } } });
    challengeToken = decodeURIComponent(/\?token=([^\s&]+)/.exec(challengeEmail.body)![1]);
    const users = await db().user.findMany({ select: { passwordHash: true } });
    const tokens = await db().apiToken.findMany({ select: { hashedToken: true } });
    secrets = [...users.map((u) => u.passwordHash), ...tokens.map((t) => t.hashedToken), signInToken, challengeToken].filter((s): s is string => !!s);
    app = await startBackOffice();
    for (const role of ROLES) {
      const client = new BackOfficeClient(app);
      await client.signIn(`${role}@visibility.example.com`, PASSWORD);
      clients.set(role, client);
    }
  }, 300_000);
  afterAll(() => app?.close(), 120_000);

  /** What `role` must never find in any answer. */
  const forbiddenFor = (role: Role): string[] => [
    ...secrets,
    ...(SUPPORT.includes(role) ? [] : [DATE_OF_BIRTH, '1987-03-15', NI_NUMBER, 'AB123456C']),
    // Policy may not read participants at all, nor other people's names and emails.
    ...(PEOPLE.includes(role) ? [] : [NAME, TUTOR_NAME, TUTOR_EMAIL]),
  ];

  /** Every record in an answer, populated ones included. */
  function* recordsIn(value: unknown): Generator<RecordJSON> {
    if (Array.isArray(value)) for (const item of value) yield* recordsIn(item);
    else if (value && typeof value === 'object') {
      if ('params' in value && 'populated' in value) yield value as RecordJSON;
      for (const item of Object.values(value)) yield* recordsIn(item);
    }
  }

  const expectNothingForbidden = (role: Role, where: string, text: string) => {
    const found = forbiddenFor(role).filter((secret) => text.includes(secret));
    expect({ role, where, found }).toEqual({ role, where, found: [] });
    for (const record of recordsIn(JSON.parse(text))) {
      for (const [key, value] of Object.entries(record.params)) {
        const field = key.split('.')[0];
        if (['passwordHash', 'hashedToken', 'tokenHash', 'sess'].includes(field)) expect({ role, where, key }).toEqual({ role, where, key: 'never serialised' });
        if (['dateOfBirth', 'nationalInsuranceNumber'].includes(field) && !SUPPORT.includes(role) && value) expect({ role, where, key, value }).toEqual({ role, where, key, value: MASK });
      }
    }
  };

  it('never serialises a field a role may not see: every resource, every role, list, search, show and populated references', async () => {
    let shown = 0;
    for (const resource of resources()) {
      const id = resource.id();
      for (const role of ROLES) {
        if (!resource.decorate().actions.list.isAccessible(adminOf(role))) continue;
        const client = clients.get(role)!;
        const list = await client.json<{ records: RecordJSON[] }>(`/resources/${id}/actions/list?perPage=100`);
        expect({ id, role, status: list.status }).toEqual({ id, role, status: 200 });
        expectNothingForbidden(role, `${id} list`, list.text);
        const search = await client.json(`/resources/${id}/actions/search`);
        expect({ id, role, status: search.status }).toEqual({ id, role, status: 200 });
        expectNothingForbidden(role, `${id} search`, search.text);
        for (const record of list.body.records.slice(0, 5)) {
          const show = await client.json(`/resources/${id}/records/${record.id}/show`);
          expect({ id, role, status: show.status }).toEqual({ id, role, status: 200 });
          expectNothingForbidden(role, `${id} show`, show.text);
          shown += 1;
        }
      }
    }
    expect(shown).toBeGreaterThan(50);
  }, 300_000);

  it('never puts a field a role may not see into a list download: every resource, every role, CSV and xlsx', async () => {
    const admin = buildAdmin();
    let downloaded = 0;
    for (const resource of admin.resources) {
      const id = resource.id();
      for (const role of ROLES) {
        const client = clients.get(role)!;
        const csv = await client.request(`/admin/api/resources/${id}/actions/download?format=csv`);
        if (!resource.decorate().actions.list.isAccessible(adminOf(role))) {
          expect({ id, role, status: csv.status, type: csv.headers.get('content-type') }).not.toMatchObject({ status: 200, type: expect.stringContaining('text/csv') });
          await csv.text();
          continue;
        }
        expect({ id, role, status: csv.status }).toEqual({ id, role, status: 200 });
        const text = await csv.text();
        const found = forbiddenFor(role).filter((secret) => text.includes(secret));
        expect({ role, where: `${id} csv`, found }).toEqual({ role, where: `${id} csv`, found: [] });
        const header = text.split('\n')[0];
        if (!SUPPORT.includes(role)) expect({ id, role, header }).not.toEqual({ id, role, header: expect.stringMatching(/Date of birth|National insurance/i) });
        downloaded += 1;
      }
    }
    expect(downloaded).toBeGreaterThan(100);
    const xlsx = await clients.get('finance')!.request('/admin/api/resources/Teacher/actions/download?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const cells = workbook.worksheets[0].getSheetValues().flat().map(String).join('|');
    expect(cells).toContain(NAME);
    for (const secret of [DATE_OF_BIRTH, NI_NUMBER]) expect(cells).not.toContain(secret);
  }, 300_000);

  it('gives a populated user to a role that may not read users as its id and email only', async () => {
    const list = await clients.get('finance')!.json<{ records: RecordJSON[] }>('/resources/Declaration/actions/list');
    const voided = list.body.records.find((r) => r.params.voidedBy);
    expect(voided?.populated.voidedBy?.params).toEqual({ id: voided?.params.voidedBy, email: 'super_user@visibility.example.com' });
  });

  it('shows identity data to support and masks it for finance on the teacher and in audit values', async () => {
    const support = await clients.get('support')!.json<{ record: RecordJSON }>(`/resources/Teacher/records/${teacherId}/show`);
    expect(support.body.record.params.nationalInsuranceNumber).toBe(NI_NUMBER);
    const finance = await clients.get('finance')!.json<{ record: RecordJSON }>(`/resources/Teacher/records/${teacherId}/show`);
    expect(finance.body.record.params.nationalInsuranceNumber).toBe(MASK);
    const audit = await clients.get('finance')!.json<{ records: RecordJSON[] }>('/resources/AuditEvent/actions/list?filters.subjectId=' + teacherId);
    expect(audit.body.records[0].params).toMatchObject({ 'before.fullName': NAME, 'before.dateOfBirth': MASK, 'after.nationalInsuranceNumber': MASK });
    const policy = await clients.get('policy')!.json<{ records: RecordJSON[] }>('/resources/AuditEvent/actions/list?filters.subjectId=' + teacherId);
    expect(policy.body.records[0].params).toMatchObject({ before: MASK, after: MASK, subjectType: 'Teacher' });
  });

  it('shows no role the token of a sign-in or challenge link in the email outbox, keeps the email readable, and the links still work', async () => {
    const readers: Role[] = ['admin', 'super_user'];
    for (const role of ROLES.filter((r) => !readers.includes(r))) {
      const refused = await clients.get(role)!.json<{ records?: unknown }>('/resources/EmailOutbox/actions/list');
      expect({ role, records: refused.body?.records ?? [] }).toEqual({ role, records: [] });
    }
    for (const role of readers) {
      const client = clients.get(role)!;
      const list = await client.json<{ records: RecordJSON[] }>(`/resources/EmailOutbox/actions/list?filters.to=${encodeURIComponent(portalEmail)}`);
      const email = list.body.records.find((r) => r.params.template === 'portal_magic_link')!;
      expect(email.params.body).toContain(`http://127.0.0.1/check-data/sign-in/${MASK}`);
      expect(email.params.body).toContain('The link works once');
      const show = await client.json<{ record: RecordJSON }>(`/resources/EmailOutbox/records/${email.id}/show`);
      expect(show.body.record.params.body).toBe(email.params.body);
      for (const answer of [list, show, await client.json('/resources/EmailOutbox/actions/search/sign')]) expect(answer.text).not.toContain(signInToken);
      // Filtering or sorting by the body would tell the token a character at a time: such a filter is ignored.
      const byPrefix = await client.json<{ meta: { total: number } }>(`/resources/EmailOutbox/actions/list?filters.body=${encodeURIComponent(signInToken.slice(0, 8))}`);
      const byNonsense = await client.json<{ meta: { total: number } }>('/resources/EmailOutbox/actions/list?filters.body=no-email-says-this');
      expect(byPrefix.body.meta.total).toBe(byNonsense.body.meta.total);
      const challenge = await client.json<{ records: RecordJSON[] }>('/resources/EmailOutbox/actions/list?filters.template=partnership_reported');
      expect(challenge.body.records.map((r) => String(r.params.body))).toContainEqual(expect.stringContaining(`${SCHOOL_CHALLENGE_PATH}?token=${MASK}`));
      expect(challenge.text).not.toContain(challengeToken);
      const searched = await client.json<{ records: RecordJSON[] }>(`/resources/EmailOutbox/actions/search/${encodeURIComponent(signInToken.slice(0, 8))}?searchProperty=body`);
      expect(searched.body.records.length).toBe(0);
    }
    // The person the email was for still signs in with the real link.
    const portal = new PortalClient({ url: app.url, close: async () => undefined });
    await portal.get(`/sign-in/${signInToken}`);
    const confirmed = await portal.post('/sign-in/confirm', { token: signInToken });
    expect({ status: confirmed.status, location: confirmed.location }).toEqual({ status: 303, location: '/check-data/participants' });
    // The school's real challenge link still opens its page; the masked one does not.
    const school = new PortalClient({ url: app.url, close: async () => undefined }, SCHOOL_CHALLENGE_PATH);
    expect((await school.get(`/?token=${encodeURIComponent(challengeToken)}`)).status).not.toBe(404);
    expect((await school.get(`/?token=${encodeURIComponent(MASK)}`)).status).toBe(404);
  }, 120_000);

  it("shows a school's induction tutor to the roles that see people, and masks it for policy on the school and in its audit", async () => {
    for (const role of ROLES) {
      const show = await clients.get(role)!.json<{ record: RecordJSON }>(`/resources/School/records/${schoolId}/show`);
      const expected = PEOPLE.includes(role) ? [TUTOR_NAME, TUTOR_EMAIL] : [MASK, MASK];
      expect({ role, tutor: [show.body.record.params.inductionTutorName, show.body.record.params.inductionTutorEmail] }).toEqual({ role, tutor: expected });
      const trail = JSON.parse(String(show.body.record.params.auditTrail)) as { action: string; after: Record<string, unknown> }[];
      expect({ role, after: trail.find((e) => e.action === 'school.probe')?.after }).toEqual({ role, after: { inductionTutorName: expected[0], inductionTutorEmail: expected[1] } });
      const audit = await clients.get(role)!.json<{ records: RecordJSON[] }>(`/resources/AuditEvent/actions/list?filters.action=school.probe`);
      expect({ role, name: audit.body.records[0].params['after.inductionTutorName'] }).toEqual({ role, name: expected[0] });
    }
    // Nobody learns the tutor's email by filtering on it.
    const policy = clients.get('policy')!;
    const byEmail = await policy.json<{ meta: { total: number } }>(`/resources/School/actions/list?filters.inductionTutorEmail=${encodeURIComponent(TUTOR_EMAIL)}`);
    const all = await policy.json<{ meta: { total: number } }>('/resources/School/actions/list');
    expect(byEmail.body.meta.total).toBe(all.body.meta.total);
  });

  it("masks an audit event's values by what it is about, jobs, exports and imports included, and hides a kind nobody decided", async () => {
    const NOTES: Record<string, string> = {
      'job.probe': 'job-probe-value', 'export.probe': 'export-probe-value', 'schoolimport.probe': 'school-import-probe-value', 'cohortsetupimport.probe': 'cohort-import-probe-value',
    };
    const cases: [string, Role, boolean][] = [
      ['job.probe', 'finance', true], ['job.probe', 'policy', false], ['job.probe', 'support', false],
      ['export.probe', 'finance', true], ['export.probe', 'policy', false],
      ['schoolimport.probe', 'policy', true], ['cohortsetupimport.probe', 'policy', true], ['cohortsetupimport.probe', 'finance', true],
      ['mystery.probe', 'finance', false], ['mystery.probe', 'policy', false], ['mystery.probe', 'super_user', false],
    ];
    for (const [action, role, sees] of cases) {
      const client = clients.get(role)!;
      const list = await client.json<{ records: RecordJSON[] }>(`/resources/AuditEvent/actions/list?filters.action=${action}`);
      expect({ action, role, count: list.body.records.length }).toEqual({ action, role, count: 1 });
      const [event] = list.body.records;
      const show = await client.json<{ record: RecordJSON }>(`/resources/AuditEvent/records/${event.id}/show`);
      const search = await client.json<{ records: RecordJSON[] }>(`/resources/AuditEvent/actions/search/${action}`);
      for (const [where, params] of [['list', event.params], ['show', show.body.record.params], ['search', search.body.records[0].params]] as const) {
        const note = Object.entries(params).find(([key]) => key.startsWith('after'))?.[1];
        expect({ action, role, where, note: sees ? params['after.note'] : note }).toEqual({ action, role, where, note: sees ? NOTES[action] : MASK });
      }
    }
  }, 120_000);

  it('never gives the custom pages a field the role may not see (participants, duplicates, finance participant search, audit log)', async () => {
    const pages = [
      `/pages/participants?id=${teacherId}`,
      `/pages/participants?q=${encodeURIComponent('Zebedee')}`,
      '/pages/duplicates',
      `/pages/duplicates?a=${teacherId}&b=${twinId}`,
      `/pages/statements?participantSearch=${encodeURIComponent('Zebedee')}`,
      '/pages/auditLog',
      `/pages/auditLog?record=${encodeURIComponent('Zebedee')}`,
      `/pages/auditLog?who=${encodeURIComponent('support@example.com')}&what=participant.identity_changed`,
    ];
    let read = 0;
    for (const role of ROLES) {
      for (const page of pages) {
        const answer = await clients.get(role)!.json(page);
        expect({ role, page, status: answer.status }).toEqual({ role, page, status: 200 });
        expectNothingForbidden(role, page, answer.text);
        if (answer.text.includes(NAME)) read += 1;
      }
    }
    // Finance, support and admins found the participant on the pages they may use.
    expect(read).toBeGreaterThan(8);
    const finance = await clients.get('finance')!.json<{ compare: { nationalInsuranceNumber: string; fullName: string }[] }>(`/pages/duplicates?a=${teacherId}&b=${twinId}`);
    expect(finance.body.compare[0]).toMatchObject({ fullName: NAME, nationalInsuranceNumber: MASK });
    const support = await clients.get('support')!.json<{ compare: { nationalInsuranceNumber: string }[] }>(`/pages/duplicates?a=${teacherId}&b=${twinId}`);
    expect(support.body.compare[0].nationalInsuranceNumber).toBe(NI_NUMBER);
  }, 120_000);

  it('never puts a value a role may not see into the audit log page or its CSV, for every role', async () => {
    for (const role of ROLES) {
      const client = clients.get(role)!;
      const page = await client.json<{ events: { record: { title: string | null }; changes: { field: string; before?: string; after?: string }[] }[] }>(
        `/pages/auditLog?what=participant.identity_changed`);
      const [event] = page.body.events;
      const ni = event.changes.find((c) => c.field === 'nationalInsuranceNumber');
      if (SUPPORT.includes(role)) expect({ role, ni }).toMatchObject({ role, ni: { before: 'AB123456C', after: NI_NUMBER } });
      else if (PEOPLE.includes(role)) expect({ role, ni }).toMatchObject({ role, ni: { before: MASK, after: MASK } });
      else expect({ role, title: event.record.title, changes: event.changes }).toEqual({ role, title: null, changes: [{ field: '', label: '', before: MASK, after: MASK }] });
      const csv = await client.request('/admin/api/pages/auditLog?download=csv');
      expect({ role, status: csv.status, type: csv.headers.get('content-type') }).toEqual({ role, status: 200, type: 'text/csv; charset=utf-8' });
      const text = await csv.text();
      expect(text.split('\n')[0]).toBe('When,Who,Name,What,Event,Record,Kind of record,Changes,Reason');
      expect(text).toContain("Participant's TRN, date of birth or NI number changed");
      const found = forbiddenFor(role).filter((secret) => text.includes(secret));
      expect({ role, where: 'audit log csv', found }).toEqual({ role, where: 'audit log csv', found: [] });
      if (PEOPLE.includes(role)) expect({ role, named: text.includes(NAME) }).toEqual({ role, named: true });
    }
    const downloads = await db().auditEvent.count({ where: { action: 'list.exported', subjectType: 'AuditEvent' } });
    expect(downloads).toBeGreaterThanOrEqual(ROLES.length);
  }, 120_000);
});
