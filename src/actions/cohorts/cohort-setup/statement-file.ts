// The statement file: each ECF row becomes one statement for every lead provider holding a call-off
// contract in its cohort (contracts made by this import's contract file count). An existing statement
// (same name, lead provider and cohort) is left as it is.
import type { Cohort, StatementState } from '@prisma/client';
import { readCells } from '../../../reports/csv/read-cells.js';
import { recordAudit } from '../../audit.js';
import { FirstSeen, inBatches, isoDate, type ImportRun, type LeadProviderRef, type UploadedCsv } from './import-run.js';

export const STATEMENT_HEADERS = ['type', 'name', 'cohort', 'deadline_date', 'payment_date', 'output_fee'] as const;

const DEFAULT_VERSION = '0.0.1';

const STATE_NOTES: Record<StatementState, string | undefined> = {
  open: undefined,
  payable: 'Created as payable: its deadline has passed',
  paid: 'Created as paid: its payment date has passed',
};

interface KnownStatement {
  name: string;
  cpdLeadProviderId: string;
  deadlineDate: Date;
  paymentDate: Date;
  outputFee: boolean;
  contractVersion: string;
  mentorContractVersion: string;
}

interface NewStatement {
  values: KnownStatement & { cohortId: string; state: StatementState };
  leadProvider: LeadProviderRef;
  cohort: Cohort;
}

interface CohortStatements {
  contracted: LeadProviderRef[];
  statements: KnownStatement[];
}

export async function importStatementFile(run: ImportRun, upload: UploadedCsv): Promise<void> {
  const { rows, log } = run.open('statement', upload, STATEMENT_HEADERS);
  const byCohort = new Map<string, CohortStatements>();
  const seen = new FirstSeen<string>();
  const pending: NewStatement[] = [];

  for (const row of rows) {
    const cells = readCells(row);
    const type = cells.text('type', { required: true });
    if (type && type.toLowerCase() !== 'ecf') {
      await log.add({ line: row.line, outcome: 'skipped', record: `${row.get('name') || 'Statement'} (${type})`, note: 'Only ecf statements are imported' });
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
    const cohort = startYear ? await run.findCohort(cells, 'cohort', startYear) : null;
    if (!run.accept(cells) || !cohort) continue;

    const known = await statementsOf(run, byCohort, cohort);
    if (known.contracted.length === 0) {
      await log.add({
        line: row.line,
        outcome: 'skipped',
        record: `${name} statements for cohort ${startYear}`,
        note: `No lead provider has a call-off contract for cohort ${startYear}, so there is no one to make this statement for`,
      });
      continue;
    }
    for (const leadProvider of known.contracted) {
      const record = `${name} statement for ${leadProvider.name}, cohort ${startYear}`;
      const existing = known.statements.find((s) => s.name === name && s.cpdLeadProviderId === leadProvider.cpdLeadProviderId);
      if (existing) {
        const same =
          existing.deadlineDate.getTime() === deadlineDate.getTime() &&
          existing.paymentDate.getTime() === paymentDate.getTime() &&
          existing.outputFee === outputFee;
        const note = same ? undefined : 'A statement with this name already exists with other dates or output fee; imports never change statements';
        await log.add({ line: row.line, outcome: 'unchanged', record, note });
        continue;
      }
      const versions = latestVersions(known.statements, leadProvider.cpdLeadProviderId);
      const values = {
        name,
        cpdLeadProviderId: leadProvider.cpdLeadProviderId,
        cohortId: cohort.id,
        deadlineDate,
        paymentDate,
        outputFee,
        state: stateOn(run.today, deadlineDate, paymentDate),
        ...versions,
      };
      known.statements.push(values);
      pending.push({ values, leadProvider, cohort });
      await log.add({ line: row.line, outcome: 'created', record, note: STATE_NOTES[values.state] });
    }
  }
  await createStatements(run, log.file, pending);
}

/** A multi-row insert per thousand statements, and one audit event per cohort listing its new statements. */
async function createStatements(run: ImportRun, file: string, pending: NewStatement[]): Promise<void> {
  if (pending.length === 0) return;
  const key = (s: { name: string; cpdLeadProviderId: string; cohortId: string }) => `${s.name}|${s.cpdLeadProviderId}|${s.cohortId}`;
  const created = [];
  for (const batch of inBatches(pending)) {
    created.push(
      ...(await run.tx.statement.createManyAndReturn({
        data: batch.map(({ values }) => values),
        select: { id: true, name: true, cpdLeadProviderId: true, cohortId: true },
      })),
    );
  }
  const ids = new Map(created.map((statement) => [key(statement), statement.id]));
  const byCohort = new Map<string, { cohort: Cohort; statements: Record<string, unknown>[] }>();
  for (const { values, leadProvider, cohort } of pending) {
    const entry = byCohort.get(cohort.id) ?? { cohort, statements: [] };
    const { name, deadlineDate, paymentDate, outputFee, state, contractVersion, mentorContractVersion } = values;
    entry.statements.push({ id: ids.get(key(values)), name, leadProvider: leadProvider.name, deadlineDate, paymentDate, outputFee, state, contractVersion, mentorContractVersion });
    byCohort.set(cohort.id, entry);
  }
  for (const { cohort, statements } of byCohort.values()) {
    await recordAudit(run.tx, run.ctx, {
      action: 'statements.created',
      subjectType: 'Cohort',
      subjectId: cohort.id,
      after: { cohort: cohort.startYear, statements },
      reason: `Cohort setup import: ${file}`,
    });
  }
}

async function statementsOf(run: ImportRun, byCohort: Map<string, CohortStatements>, cohort: Cohort): Promise<CohortStatements> {
  let known = byCohort.get(cohort.id);
  if (!known) {
    const contracts = await run.tx.callOffContract.findMany({
      where: { cohortId: cohort.id },
      distinct: ['leadProviderId'],
      select: { leadProvider: { select: { id: true, name: true, cpdLeadProviderId: true } } },
    });
    const statements = await run.tx.statement.findMany({
      where: { cohortId: cohort.id },
      select: {
        name: true,
        cpdLeadProviderId: true,
        deadlineDate: true,
        paymentDate: true,
        outputFee: true,
        contractVersion: true,
        mentorContractVersion: true,
      },
    });
    const contracted = contracts.map((contract) => contract.leadProvider).sort((a, b) => a.name.localeCompare(b.name));
    known = { contracted, statements };
    byCohort.set(cohort.id, known);
  }
  return known;
}

/** New statements carry on the contract versions of the lead provider's latest-paid statement in the cohort. */
function latestVersions(statements: KnownStatement[], cpdLeadProviderId: string): Pick<KnownStatement, 'contractVersion' | 'mentorContractVersion'> {
  const latest = statements
    .filter((statement) => statement.cpdLeadProviderId === cpdLeadProviderId)
    .reduce<KnownStatement | undefined>((best, statement) => (!best || statement.paymentDate > best.paymentDate ? statement : best), undefined);
  return {
    contractVersion: latest?.contractVersion ?? DEFAULT_VERSION,
    mentorContractVersion: latest?.mentorContractVersion ?? DEFAULT_VERSION,
  };
}

/** Paid once the payment date has passed, payable from the deadline to the payment date, otherwise open. */
export function stateOn(today: Date, deadlineDate: Date, paymentDate: Date): StatementState {
  if (paymentDate < today) return 'paid';
  if (deadlineDate <= today) return 'payable';
  return 'open';
}
