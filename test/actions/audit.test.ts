import { describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import { recordAudit } from '../../src/actions/audit.js';
import { systemContext } from '../../src/actions/actor.js';

describe('recordAudit', () => {
  it('leaves no event when the surrounding write rolls back', async () => {
    await expect(
      db().$transaction(async (tx) => {
        await recordAudit(tx, systemContext('test'), { action: 'school.updated', subjectType: 'School', subjectId: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db().auditEvent.count()).toBe(0);
  });

  it('stores decimals as exact strings', async () => {
    const { Prisma } = await import('@prisma/client');
    await db().$transaction((tx) =>
      recordAudit(tx, systemContext('test'), {
        action: 'statement.adjusted', subjectType: 'Statement', subjectId: 'y',
        after: { amount: new Prisma.Decimal('0.10').plus('0.20') },
      }),
    );
    const event = await db().auditEvent.findFirstOrThrow();
    expect(event.after).toEqual({ amount: '0.3' });
    expect(event.actorLabel).toBe('System: test');
  });
});
