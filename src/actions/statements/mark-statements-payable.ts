// The daily job's step: every open statement whose milestone cut off date has passed becomes payable,
// with its eligible declarations and line items. Each statement in its own transaction; running it
// again finds nothing left to do.
import { z } from 'zod';
import { db } from '../../db/client.js';
import { startOfUtcDay } from '../../reports/statements/dates.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { lockStatement } from './lock-statement.js';
import { moveStatementDeclarations } from './move-statement-declarations.js';
import { parseInput } from './parse-input.js';
import { auditEvents } from '../audit/events.js';

export const MarkStatementsPayableInput = z.object({}).optional();

export interface StatementMadePayable {
  id: string;
  name: string;
  declarationsMadePayable: number;
}

export async function markStatementsPayable(ctx: ActorContext, raw: unknown = {}): Promise<{ statements: StatementMadePayable[] }> {
  parseInput(MarkStatementsPayableInput, raw);
  requirePermission(ctx, 'jobs.run');
  const today = startOfUtcDay();
  const due = await db().statement.findMany({
    where: { state: 'open', deadlineDate: { lt: today } },
    select: { id: true },
    orderBy: { deadlineDate: 'asc' },
  });

  const statements: StatementMadePayable[] = [];
  for (const { id } of due) {
    const made = await db().$transaction(async (tx) => {
      const statement = await lockStatement(tx, id);
      if (statement.state !== 'open' || statement.deadlineDate >= today) return null;
      await tx.statement.update({ where: { id }, data: { state: 'payable' } });
      const declarationsMadePayable = await moveStatementDeclarations(tx, id, 'eligible', 'payable');
      await recordAudit(tx, ctx, auditEvents.statementMarkedPayable({
        subjectId: id,
        before: { state: 'open' },
        after: { state: 'payable', declarationsMadePayable },
      }));
      return { id, name: statement.name, declarationsMadePayable };
    });
    if (made) statements.push(made);
  }
  return { statements };
}
