// The statement file: each ECF row becomes one statement for every lead provider holding a call-off
// contract in its cohort (contracts made by this import's contract file count). An existing statement
// (same name, lead provider and cohort) is left as it is.
import { randomUUID } from 'node:crypto';
import type { StatementState } from '@prisma/client';
import { readCells } from '../../../reports/csv/read-cells.js';
import { FirstSeen, isoDate, pairKey, type FileLog, type FileStep, type ImportRun } from './import-run.js';
import type { CohortRecord, KnownStatement, LeadProviderRef } from './known-state.js';
import { dateOnly } from './write-rows.js';
import { auditEvents } from '../../audit/events.js';

export const STATEMENT_HEADERS = ['type', 'name', 'cohort', 'deadline_date', 'payment_date', 'output_fee'] as const;
type StatementColumn = (typeof STATEMENT_HEADERS)[number];

const DEFAULT_VERSION = '0.0.1';

const STATE_NOTES: Record<StatementState, string | undefined> = {
  open: undefined,
  payable: 'Created as payable: its deadline has passed',
  paid: 'Created as paid: its payment date has passed',
};

export const statementFile: FileStep<StatementColumn> = {
  kind: 'statement',
  headers: STATEMENT_HEADERS,
  plan(run, rows, log) {
    const seen = new FirstSeen<string>();
    const known = existingStatements(run);
    const created: CreatedStatement[] = [];

    for (const row of rows) {
      const cells = readCells(row);
      const type = cells.text('type', { required: true });
      if (type && type.toLowerCase() !== 'ecf') {
        run.warnings.push(row.problem('type', `Only ecf statements are imported: this ${type} row is left out`));
        continue;
      }
      const name = cells.text('name', { required: true });
      const startYear = cells.integer('cohort', { required: true, min: 2020, max: 2100 });
      const deadlineDate = cells.date('deadline_date', { required: true });
      const paymentDate = cells.date('payment_date', { required: true });
      const outputFee = cells.boolean('output_fee', { required: true });
      // The DfE's own calendar has such rows (January 2023: deadline 2023-12-31, paid 2023-1-25), so this warns only.
      if (cells.fine('deadline_date', 'payment_date') && deadlineDate > paymentDate) {
        run.warnings.push(
          row.problem('deadline_date', `The deadline ${isoDate(deadlineDate)} is after the payment date ${isoDate(paymentDate)}: check the dates, the statement is imported as they are`),
        );
      }
      if (name && startYear) {
        const earlier = seen.earlier(`${name}|${startYear}`, row.line);
        if (earlier !== undefined) cells.problem('name', `The ${name} statement for cohort ${startYear} is already on line ${earlier}`);
      }
      const cohort = startYear ? run.findCohort(cells, 'cohort', startYear) : undefined;
      if (!run.accept(cells) || !cohort) continue;

      const contracted = run.contractedIn(cohort);
      if (contracted.length === 0) {
        run.warnings.push(row.problem('cohort', `No lead provider has a call-off contract for cohort ${startYear}, so no ${name} statement is made`));
        continue;
      }
      for (const leadProvider of contracted) {
        const item = { line: row.line, kind: 'statements', record: `${name} statement for ${leadProvider.name}, cohort ${startYear}` } as const;
        const theirs = statementsOf(known, leadProvider, cohort);
        const existing = theirs.byName.get(name);
        if (existing) {
          log.add({ ...item, outcome: 'unchanged' });
          const same =
            existing.deadlineDate.getTime() === deadlineDate.getTime() &&
            existing.paymentDate.getTime() === paymentDate.getTime() &&
            existing.outputFee === outputFee;
          if (!same) {
            run.warnings.push(
              row.problem(undefined, `The ${name} statement for ${leadProvider.name} already exists with other dates or output fee: imports never change statements, so it is left as it is`),
            );
          }
          continue;
        }
        const statement = {
          id: randomUUID(),
          name,
          cpdLeadProviderId: leadProvider.cpdLeadProviderId,
          cohortId: cohort.id,
          deadlineDate,
          paymentDate,
          outputFee,
          state: stateOn(run.today, deadlineDate, paymentDate),
          // New statements carry on the contract versions of the lead provider's latest-paid statement in the cohort.
          contractVersion: theirs.latest?.contractVersion ?? DEFAULT_VERSION,
          mentorContractVersion: theirs.latest?.mentorContractVersion ?? DEFAULT_VERSION,
        };
        remember(theirs, statement);
        created.push({ line: row.line, statement, leadProvider, cohort });
        log.add({ ...item, outcome: 'created', note: STATE_NOTES[statement.state] });
      }
    }
    writeStatements(run, log, created);
  },
};

interface CreatedStatement {
  line: number;
  statement: KnownStatement & { id: string; state: StatementState };
  leadProvider: LeadProviderRef;
  cohort: CohortRecord;
}

/** One lead provider's statements in one cohort. */
interface Statements {
  byName: Map<string, KnownStatement>;
  /** The one paid last. */
  latest?: KnownStatement;
}

/** The statements already in the cohorts the file names, by CPD lead provider and cohort. */
function existingStatements(run: ImportRun): Map<string, Statements> {
  const byPair = new Map<string, Statements>();
  for (const statement of run.known.statements) {
    const key = pairKey(statement.cpdLeadProviderId, statement.cohortId);
    const statements = byPair.get(key) ?? { byName: new Map() };
    remember(statements, statement);
    byPair.set(key, statements);
  }
  return byPair;
}

function statementsOf(known: Map<string, Statements>, leadProvider: LeadProviderRef, cohort: CohortRecord): Statements {
  const key = pairKey(leadProvider.cpdLeadProviderId, cohort.id);
  const statements = known.get(key) ?? { byName: new Map() };
  known.set(key, statements);
  return statements;
}

function remember(statements: Statements, statement: KnownStatement): void {
  statements.byName.set(statement.name, statement);
  if (!statements.latest || statement.paymentDate > statements.latest.paymentDate) statements.latest = statement;
}

/** The new statements, and per cohort one audit event listing them by file line and the lead providers they are for. */
function writeStatements(run: ImportRun, log: FileLog, created: CreatedStatement[]): void {
  run.insert(
    'statements',
    created.map(({ statement }) => ({
      ...statement,
      deadlineDate: dateOnly(statement.deadlineDate),
      paymentDate: dateOnly(statement.paymentDate),
    })),
  );
  const byCohort = new Map<string, { cohort: CohortRecord; lines: Map<number, { leadProviders: string[] } & Record<string, unknown>> }>();
  for (const { line, statement, leadProvider, cohort } of created) {
    const entry = byCohort.get(cohort.id) ?? { cohort, lines: new Map() };
    const { name, deadlineDate, paymentDate, outputFee, state } = statement;
    const fromLine = entry.lines.get(line) ?? { line, name, deadlineDate, paymentDate, outputFee, state, leadProviders: [] };
    fromLine.leadProviders.push(leadProvider.name);
    entry.lines.set(line, fromLine);
    byCohort.set(cohort.id, entry);
  }
  for (const { cohort, lines } of byCohort.values()) {
    run.audit(auditEvents.statementCreated({ subjectId: cohort.id, after: { cohort: cohort.startYear, statements: [...lines.values()] }, reason: log.reason() }));
  }
}

/** Paid once the payment date has passed, payable from the deadline to the payment date, otherwise open. */
export function stateOn(today: Date, deadlineDate: Date, paymentDate: Date): StatementState {
  if (paymentDate < today) return 'paid';
  if (deadlineDate <= today) return 'payable';
  return 'open';
}
