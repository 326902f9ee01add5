// Financial statements: one per lead provider with a call-off contract in the cohort, for each row of
// seeds/data/statements.csv. As the DfE's importer: payment date past -> paid, today after the deadline
// and up to the payment date -> payable, else open.
import type { Prisma, StatementState } from '@prisma/client';
import { addDays, addHours, startOfDay, utcDate } from '../lib/dates.js';
import { Random, stableId } from '../lib/random.js';
import type { Calendar } from './calendar.js';
import type { LeadProviderInfo } from './lead-providers.js';

export interface StatementInfo {
  id: string;
  name: string;
  deadlineDate: Date;
  paymentDate: Date;
  outputFee: boolean;
  state: StatementState;
  markedAsPaidAt: Date | null;
}

export interface Statements {
  /** By `${cpdLeadProviderId}:${startYear}`, in deadline order. */
  byProviderAndYear: Map<string, StatementInfo[]>;
  rows: Prisma.StatementCreateManyInput[];
}

export const statementKey = (cpdLeadProviderId: string, startYear: number) => `${cpdLeadProviderId}:${startYear}`;

function stateOn(today: Date, deadlineDate: Date, paymentDate: Date): StatementState {
  if (paymentDate < today) return 'paid';
  if (deadlineDate < today) return 'payable';
  return 'open';
}

/**
 * By the importer's rule no output-fee statement is payable for most of each month, which would leave
 * finance nothing to authorise in the demo. So in a cohort still taking declarations, when no output-fee
 * statement is payable, the one paid most recently stays payable: awaiting authorisation.
 */
function keepOneAwaitingAuthorisation(statements: StatementInfo[]): void {
  const outputFee = statements.filter((s) => s.outputFee);
  if (!outputFee.some((s) => s.state === 'open') || outputFee.some((s) => s.state === 'payable')) return;
  const lastPaid = outputFee.filter((s) => s.state === 'paid').sort((a, b) => a.paymentDate.getTime() - b.paymentDate.getTime()).at(-1);
  if (!lastPaid) return;
  lastPaid.state = 'payable';
  lastPaid.markedAsPaidAt = null;
}

export function buildStatements(calendar: Calendar, leadProviders: LeadProviderInfo[], todayAt: Date): Statements {
  const random = new Random('statements');
  const today = startOfDay(todayAt);
  const result: Statements = { byProviderAndYear: new Map(), rows: [] };
  for (const provider of leadProviders) {
    for (const [startYear, cohort] of calendar.cohorts) {
      const rows = calendar.statementRows.filter((r) => r.cohortYear === startYear);
      if (rows.length === 0) continue;
      const statements = rows.map((row): StatementInfo => {
        const state = stateOn(today, row.deadlineDate, row.paymentDate);
        return {
          id: stableId('statement', provider.name, startYear, row.name),
          name: row.name,
          deadlineDate: row.deadlineDate,
          paymentDate: row.paymentDate,
          outputFee: row.outputFee,
          state,
          markedAsPaidAt: state === 'paid' ? addHours(addDays(row.paymentDate, -random.int(1, 5)), random.int(9, 17)) : null,
        };
      }).sort((a, b) => a.deadlineDate.getTime() - b.deadlineDate.getTime());
      keepOneAwaitingAuthorisation(statements);
      result.byProviderAndYear.set(statementKey(provider.cpdLeadProviderId, startYear), statements);
      for (const s of statements) {
        result.rows.push({
          id: s.id,
          name: s.name,
          cpdLeadProviderId: provider.cpdLeadProviderId,
          cohortId: cohort.id,
          deadlineDate: s.deadlineDate,
          paymentDate: s.paymentDate,
          outputFee: s.outputFee,
          state: s.state,
          markedAsPaidAt: s.markedAsPaidAt,
          createdAt: utcDate(startYear, 6, 1),
          updatedAt: s.markedAsPaidAt ?? utcDate(startYear, 6, 1),
        });
      }
    }
  }
  return result;
}

/**
 * The output-fee statement a declaration made on `date` lands on: the earliest whose deadline is on or after
 * it. Statements already due to be paid before that date are passed over (statements.csv has a few deadlines
 * typed a year late).
 */
export function nextOutputFeeStatement(statements: StatementInfo[], date: Date): StatementInfo | undefined {
  const day = startOfDay(date);
  return statements.find((s) => s.outputFee && s.deadlineDate >= day && s.paymentDate >= day);
}
