// The audit log page's search, through its handler on the real database: who (by name or email), what (a
// kind of event, in words), which record (by its title, only among titles the role may see) and when (days
// as counted in England), each event's changes in words with hidden values masked for the role, and links
// to the person and the record where the role may open them.
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '@prisma/client';
import type { CurrentAdmin, PageContext } from 'adminjs';
import { MASK } from '../../../src/actions/field-visibility.js';
import { buildAdmin } from '../../../src/admin/index.js';
import type { AuditLogEntry } from '../../../src/admin/audit-log/audit-log-rows.js';
import { db } from '../../../src/db/client.js';
import { createSchool, createUser } from '../../support/factories.js';

type Admin = ReturnType<typeof buildAdmin>;
let admin: Admin;
const people = new Map<Role, CurrentAdmin>();
let schoolId: string;
let teacherId: string;
let harrietId: string;

interface Answer { allowed: boolean; events: AuditLogEntry[]; total: number; more: boolean }

async function search(role: Role, query: Record<string, string>): Promise<Answer> {
  const context = { currentAdmin: people.get(role), _admin: admin } as unknown as PageContext;
  return (await admin.options.pages!.auditLog.handler!({ method: 'get', query, params: {}, payload: {} } as never, {} as never, context)) as Answer;
}
const actions = (answer: Answer) => answer.events.map((e) => e.what.action).sort();

beforeAll(async () => {
  admin = buildAdmin();
  for (const role of ['admin', 'support', 'finance', 'policy'] as Role[]) {
    const user = await createUser(role, role === 'support' ? { fullName: 'Harriet Ledger', email: 'harriet.ledger@example.com' } : {});
    if (role === 'support') harrietId = user.id;
    people.set(role, { id: user.id, email: user.email, role } as unknown as CurrentAdmin);
  }
  const school = await createSchool({ name: 'Larkspur Primary' });
  schoolId = school.id;
  teacherId = (await db().teacher.create({ data: { fullName: 'Zebedee Quartermain', email: 'zq@example.com' } })).id;
  const event = (data: { action: string; subjectType: string; subjectId: string; createdAt: string; actorId?: string; actorLabel?: string; before?: object; after?: object }) =>
    db().auditEvent.create({ data: { actorType: data.actorId ? 'user' : 'system', actorLabel: data.actorLabel ?? 'System: test', ...data, createdAt: new Date(data.createdAt) } });
  await event({ action: 'school.updated', subjectType: 'School', subjectId: schoolId, actorId: harrietId, actorLabel: 'harriet.ledger@example.com',
    before: { name: 'Larkspur Infants' }, after: { name: 'Larkspur Primary' }, createdAt: '2026-03-31T23:30:00Z' });
  await event({ action: 'participant.identity_changed', subjectType: 'Teacher', subjectId: teacherId, actorId: harrietId, actorLabel: 'harriet.ledger@example.com',
    before: { fullName: 'Zebedee Quartermain', nationalInsuranceNumber: 'AB123456C' }, after: { fullName: 'Zebedee Quartermain', nationalInsuranceNumber: 'QQ123456C' }, createdAt: '2026-03-31T22:30:00Z' });
  await event({ action: 'job.run_requested', subjectType: 'Job', subjectId: 'statements', createdAt: '2025-06-01T10:00:00Z' });
}, 120_000);

describe('the audit log search', () => {
  it('finds what a person did by their name or email, newest first', async () => {
    for (const who of ['harriet', 'LEDGER@example']) {
      const answer = await search('admin', { who });
      expect({ who, actions: answer.events.map((e) => e.what.action) }).toEqual({ who, actions: ['school.updated', 'participant.identity_changed'] });
    }
    const [first] = (await search('admin', { who: 'harriet' })).events;
    expect(first.who).toEqual({ label: 'harriet.ledger@example.com', name: 'Harriet Ledger', href: `/admin/resources/User/records/${harrietId}/show` });
    // Only admins may open users' records: others read the name without a link.
    expect((await search('finance', { who: 'harriet' })).events[0].who.href).toBeNull();
    expect((await search('admin', { who: 'System: test' })).events.map((e) => e.what.action)).toEqual(['job.run_requested']);
  });

  it('finds one kind of event, and says it in words with each field before and after', async () => {
    const answer = await search('support', { what: 'school.updated' });
    expect(answer.total).toBe(1);
    expect(answer.events[0]).toMatchObject({
      what: { action: 'school.updated', words: 'School changed' },
      record: { kind: 'School', title: expect.stringContaining('Larkspur Primary (URN '), href: `/admin/resources/School/records/${schoolId}/show` },
      changes: [{ field: 'name', label: 'Name', before: 'Larkspur Infants', after: 'Larkspur Primary' }],
    });
  });

  it("finds the events about a record by its title, never by a title the role may not see", async () => {
    expect(actions(await search('policy', { record: 'larkspur' }))).toEqual(['school.updated']);
    expect(actions(await search('support', { record: 'Quartermain' }))).toEqual(['participant.identity_changed']);
    // Policy may not read participants: their names find nothing and show nowhere.
    expect((await search('policy', { record: 'Quartermain' })).events).toEqual([]);
    const policy = (await search('policy', { what: 'participant.identity_changed' })).events[0];
    expect(policy.record).toEqual({ kind: 'Participant', title: null, href: null });
    expect(JSON.stringify(policy)).not.toContain('Quartermain');
  });

  it('says stored values as people read them: states in words, times as "5 December 2026, 12:13pm", masked alike', async () => {
    const { id } = await db().auditEvent.create({ data: {
      actorType: 'system', actorLabel: 'System: test', action: 'declaration.clawback_requested', subjectType: 'Declaration', subjectId: '7d3c8f0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      before: { state: 'paid', declarationType: 'retained_1', voidedAt: null }, after: { state: 'awaiting_clawback', declarationType: 'retained_1', voidedAt: '2026-12-05T12:13:00.000Z' },
    } });
    try {
      const changes = async (role: Role) => (await search(role, { what: 'declaration.clawback_requested' })).events[0].changes;
      expect(await changes('finance')).toEqual([
        { field: 'state', label: 'State', before: 'Paid', after: 'Awaiting clawback' },
        { field: 'voidedAt', label: 'Voided at', before: '(none)', after: '5 December 2026, 12:13pm' },
        { field: 'declarationType', label: 'Declaration type', before: 'Retained 1', after: 'Retained 1' },
      ]);
      // Policy may not read declarations: nothing of them shows, in words or not.
      expect(await changes('policy')).toEqual([{ field: '', label: '', before: MASK, after: MASK }]);
    } finally {
      await db().auditEvent.delete({ where: { id } });
    }
  });

  it('masks the values a role may not see, field by field', async () => {
    const change = async (role: Role) => (await search(role, { record: 'Quartermain' })).events[0].changes;
    expect(await change('support')).toEqual([
      { field: 'fullName', label: 'Full name', before: 'Zebedee Quartermain', after: 'Zebedee Quartermain' },
      { field: 'nationalInsuranceNumber', label: 'National Insurance number', before: 'AB123456C', after: 'QQ123456C' },
    ]);
    expect(await change('finance')).toEqual([
      { field: 'fullName', label: 'Full name', before: 'Zebedee Quartermain', after: 'Zebedee Quartermain' },
      { field: 'nationalInsuranceNumber', label: 'National Insurance number', before: MASK, after: MASK },
    ]);
    const policy = (await search('policy', { what: 'participant.identity_changed' })).events[0];
    expect(policy.changes).toEqual([{ field: '', label: '', before: MASK, after: MASK }]);
  });

  it('finds events between two days as counted in England (summer time included)', async () => {
    // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in London; 22:30 UTC is still 31 March.
    expect(actions(await search('admin', { from: '2026-04-01', to: '2026-04-01' }))).toEqual(['school.updated']);
    expect(actions(await search('admin', { to: '2026-03-31' }))).toEqual(['job.run_requested', 'participant.identity_changed']);
    expect(actions(await search('admin', { from: '2026-03-31', to: 'not a date' }))).toEqual(['participant.identity_changed', 'school.updated']);
  });

  it('shows a job by its name to those who read jobs, and its values to nobody else', async () => {
    expect((await search('finance', { what: 'job.run_requested' })).events[0].record).toEqual({ kind: 'Job', title: 'statements', href: null });
    expect((await search('policy', { what: 'job.run_requested' })).events[0].record).toEqual({ kind: 'Job', title: null, href: null });
  });
});
