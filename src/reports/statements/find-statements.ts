// Choosing a statement: a lead provider's statements by cohort, and the one finance land on first.
import type { StatementState } from '@prisma/client';
import { notFound } from '../../actions/errors.js';
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
