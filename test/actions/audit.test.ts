import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Prisma } from '@prisma/client';
import { db } from '../../src/db/client.js';
import { openConnection } from '../../src/db/connection.js';
import { MIGRATIONS_DIR } from '../../src/db/migrate.js';
import { AUDIT_EVENTS, auditEvents } from '../../src/actions/audit/events.js';
import { AUDIT_EVENT_WORDS } from '../../src/reports/audit-log/event-words.js';
import { auditEventsFromRowsSql, recordAudit, writeAuditSql } from '../../src/actions/audit/record-audit.js';
import { systemContext, type ActorContext } from '../../src/actions/actor.js';

const fromBrowser: ActorContext = { actor: { kind: 'user', id: 'u1', email: 'support@example.com', role: 'support' }, ip: '203.0.113.9' };

describe('recordAudit', () => {
  it('leaves no event when the surrounding write rolls back', async () => {
    await expect(
      db().$transaction(async (tx) => {
        await recordAudit(tx, systemContext('test'), auditEvents.schoolUpdated({ subjectId: 'x' }));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db().auditEvent.count()).toBe(0);
  });

  it('stores decimals as exact strings', async () => {
    await db().$transaction((tx) =>
      recordAudit(tx, systemContext('test'), auditEvents.statementAdjustmentAdded({ subjectId: 'y', after: { amount: new Prisma.Decimal('0.10').plus('0.20') } })),
    );
    const event = await db().auditEvent.findFirstOrThrow();
    expect(event.after).toEqual({ amount: '0.3' });
    expect(event).toMatchObject({ actorLabel: 'System: test', ipAddress: null, before: null });
  });

  it('stores where the actor was, and writes the same events on a plain connection, in their order', async () => {
    await db().$transaction((tx) => recordAudit(tx, fromBrowser, auditEvents.schoolUpdated({ subjectId: 's1', before: { name: 'A' }, after: { name: 'B' }, reason: 'typo' })));
    const client = await openConnection();
    try {
      await client.query('BEGIN');
      await recordAudit(client, fromBrowser,
        auditEvents.userCreated({ subjectId: 'u2', after: { email: 'new@example.com' } }),
        auditEvents.userRoleChanged({ subjectId: 'u2', before: { role: 'policy' }, after: { role: 'support' } }));
      await writeAuditSql(client, auditEventsFromRowsSql(fromBrowser, 'school.updated_from_gias', 'School',
        Prisma.sql`SELECT id AS "subjectId", NULL::jsonb AS before, jsonb_build_object('name', name) AS after, 'GIAS'::text AS reason
                     FROM (VALUES ('s2', 'C'), ('s3', 'D')) AS v(id, name)`));
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    const events = await db().auditEvent.findMany({ where: { actorLabel: 'support@example.com' }, orderBy: { createdAt: 'asc' } });
    expect(events.map(({ action, subjectType, subjectId, actorLabel, ipAddress }) => ({ action, subjectType, subjectId, actorLabel, ipAddress }))).toEqual([
      { action: 'school.updated', subjectType: 'School', subjectId: 's1', actorLabel: 'support@example.com', ipAddress: '203.0.113.9' },
      { action: 'user.created', subjectType: 'User', subjectId: 'u2', actorLabel: 'support@example.com', ipAddress: '203.0.113.9' },
      { action: 'user.role_changed', subjectType: 'User', subjectId: 'u2', actorLabel: 'support@example.com', ipAddress: '203.0.113.9' },
      { action: 'school.updated_from_gias', subjectType: 'School', subjectId: 's2', actorLabel: 'support@example.com', ipAddress: '203.0.113.9' },
      { action: 'school.updated_from_gias', subjectType: 'School', subjectId: 's3', actorLabel: 'support@example.com', ipAddress: '203.0.113.9' },
    ]);
    expect(events[0]).toMatchObject({ before: { name: 'A' }, after: { name: 'B' }, reason: 'typo' });
    expect(events[1]).toMatchObject({ before: null, after: { email: 'new@example.com' }, reason: null });
  });

  it('renames the events written under the old plural names, so a search by the new name finds them', async () => {
    const old = ['statements.created', 'schools.gias_imported', 'appropriate_bodies.imported'];
    await db().auditEvent.createMany({ data: old.map((action) => ({ actorType: 'system', actorLabel: 'System: test', action, subjectType: 'Cohort', subjectId: action })) });
    const dir = (await readdir(MIGRATIONS_DIR)).find((name) => name.endsWith('_audit_ip_and_event_names'))!;
    const sql = await readFile(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), 'utf8');
    await db().$executeRawUnsafe(/UPDATE "audit_events"[\s\S]*?;/.exec(sql)![0]);
    const renamed = await db().auditEvent.findMany({ where: { subjectId: { in: old } } });
    expect(Object.fromEntries(renamed.map((e) => [e.subjectId, e.action]))).toEqual({
      'statements.created': 'statement.created', 'schools.gias_imported': 'gias.imported', 'appropriate_bodies.imported': 'appropriate_body.imported',
    });
  });
});

describe('the kinds of audit event', () => {
  it('each have a named builder, which fills in the subject type when the event has only one', () => {
    expect(Object.keys(auditEvents)).toHaveLength(Object.keys(AUDIT_EVENTS).length);
    expect(auditEvents.partnershipChallenged({ subjectId: 'p1', reason: 'mistake' }))
      .toEqual({ action: 'partnership.challenged', subjectType: 'Partnership', subjectId: 'p1', reason: 'mistake' });
    expect(auditEvents.approvalApproved({ subjectType: 'Declaration', subjectId: 'd1' })).toMatchObject({ action: 'approval.approved', subjectType: 'Declaration' });
    // What the compiler refuses (npm run typecheck): a misspelt event, another event's data, an event written by hand.
    // @ts-expect-error no such event
    expect(() => auditEvents.partnershipChalenged).toBeDefined();
    // @ts-expect-error the GIAS import's event needs its summary
    auditEvents.giasImported({ subjectId: 'g1', reason: 'refresh' });
    // @ts-expect-error recordAudit takes built events only
    const handWritten: Parameters<typeof recordAudit>[2] = { action: 'school.updated', subjectType: 'School', subjectId: 's1' };
    expect(handWritten).toBeDefined();
  });

  it('are each said in words on the audit log page, and the page names no event that is never written', () => {
    expect(Object.keys(AUDIT_EVENT_WORDS).sort()).toEqual(Object.keys(AUDIT_EVENTS).sort());
  });
});
