// Choosing a statement: a lead provider's statements by cohort, and the one finance land on first.
import type { StatementState } from '@prisma/client';
import { db } from '../../db/client.js';
import { isoDate, startOfUtcDay } from './dates.js';

export interface StatementListItem {
  id: string;
  name: string;
  cohortStartYear: number;
  /** YYYY-MM-DD. */
  deadlineDate: string;
  paymentDate: string;
  outputFee: boolean;
  state: StatementState;
}

/** The lead provider's statements (for one cohort when given), earliest cut off date first. */
export async function listStatements(cpdLeadProviderId: string, cohortStartYear?: number): Promise<StatementListItem[]> {
  const rows = await db().statement.findMany({
    where: { cpdLeadProviderId, ...(cohortStartYear === undefined ? {} : { cohort: { startYear: cohortStartYear } }) },
    include: { cohort: { select: { startYear: true } } },
    orderBy: [{ deadlineDate: 'asc' }, { name: 'asc' }],
  });
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    cohortStartYear: s.cohort.startYear,
    deadlineDate: isoDate(s.deadlineDate),
    paymentDate: isoDate(s.paymentDate),
    outputFee: s.outputFee,
    state: s.state,
  }));
}

/** The statement with the earliest cut off date still to come, else the latest one; null when there are none. */
export async function findCurrentStatement(cpdLeadProviderId: string, cohortStartYear?: number, now: Date = new Date()): Promise<StatementListItem | null> {
  const statements = await listStatements(cpdLeadProviderId, cohortStartYear);
  const today = isoDate(startOfUtcDay(now));
  return statements.find((s) => s.deadlineDate >= today) ?? statements.at(-1) ?? null;
}
