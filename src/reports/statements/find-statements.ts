// Choosing a statement: a lead provider's statements by cohort, and the one finance land on first.
import type { StatementState } from '@prisma/client';
import { notFound } from '../../rules/action-error.js';
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

/**
 * The lead provider's statements (for one cohort when given), earliest payment date first. Not by cut off
 * date: the DfE's calendar has January statements whose cut off is typed a year late (see calendar-warnings.ts).
 */
export async function listStatements(cpdLeadProviderId: string, cohortStartYear?: number): Promise<StatementListItem[]> {
  const rows = await db().statement.findMany({
    where: { cpdLeadProviderId, ...(cohortStartYear === undefined ? {} : { cohort: { startYear: cohortStartYear } }) },
    include: { cohort: { select: { startYear: true } } },
    orderBy: [{ paymentDate: 'asc' }, { cohort: { startYear: 'asc' } }, { name: 'asc' }],
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

/**
 * The statement finance land on: the earliest payable output fee statement not yet authorised (the one
 * waiting for them), else the earliest unpaid one still to be paid, else the latest; null when there are
 * none. Chosen by payment date, which the calendar gets right.
 */
export async function findCurrentStatement(cpdLeadProviderId: string, cohortStartYear?: number, now: Date = new Date()): Promise<StatementListItem | null> {
  return currentStatement(await listStatements(cpdLeadProviderId, cohortStartYear), now);
}

/** findCurrentStatement's choice among statements in payment date order. */
export function currentStatement<T extends Pick<StatementListItem, 'paymentDate' | 'outputFee' | 'state'>>(statements: readonly T[], now: Date = new Date()): T | null {
  const today = isoDate(startOfUtcDay(now));
  return statements.find((s) => s.state === 'payable' && s.outputFee)
    ?? statements.find((s) => s.state !== 'paid' && s.paymentDate >= today)
    ?? statements.find((s) => s.paymentDate >= today)
    ?? statements.at(-1)
    ?? null;
}

/** The statement a person names: lead provider, cohort start year and statement name ("January 2026"). */
export async function findStatementByName(leadProviderName: string, cohortStartYear: number, statementName: string): Promise<{ id: string }> {
  const leadProvider = await db().leadProvider.findUnique({ where: { name: leadProviderName }, select: { cpdLeadProviderId: true } });
  if (!leadProvider) throw notFound(`Lead provider "${leadProviderName}"`);
  const statement = await db().statement.findFirst({
    where: { name: statementName, cpdLeadProviderId: leadProvider.cpdLeadProviderId, cohort: { startYear: cohortStartYear } },
    select: { id: true },
  });
  if (!statement) throw notFound(`Statement "${statementName}" of ${leadProviderName} in the ${cohortStartYear} cohort`);
  return statement;
}
