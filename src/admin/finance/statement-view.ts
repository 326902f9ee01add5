// A statement as the finance page shows it: every figure already formatted as pounds from exact decimals.
import type { ActorContext } from '../../actions/actor.js';
import { findStatementPermissions } from '../../actions/statements/find-statement-permissions.js';
import { db } from '../../db/client.js';
import { calculateStatement } from '../../reports/statements/calculate-statement.js';
import { Decimal, formatPounds } from '../../reports/statements/decimal.js';
import { declarationTypeLabel } from '../../reports/statements/declaration-types.js';
import type { EcfStatementResult } from '../../reports/statements/ecf-calculator.js';

const pounds = (value: unknown) => formatPounds(new Decimal(String(value)));
const show = (value: unknown) => (typeof value === 'object' && value !== null ? pounds(value) : String(value));

function outputTable(heading: string, result: EcfStatementResult) {
  return {
    heading,
    columns: ['Declaration', 'Band', 'Previously paid', 'This statement', 'Fee per declaration', 'Amount'],
    rows: result.outputs
      .filter((row) => row.additions > 0 || row.subtractions > 0 || row.previousCount > 0)
      .map((row) => [declarationTypeLabel(row.declarationType), row.band, String(row.previousCount), String(row.additions - row.subtractions), pounds(row.fee), pounds(row.fee.times(row.additions))]),
    counts: [
      ['Total starts', result.counts.started], ['Total retained', result.counts.retained], ['Total completed', result.counts.completed],
      ['Total extended', result.counts.extended], ['Total clawed back', result.counts.clawedBack], ['Total voided', result.counts.voided],
    ].map(([label, n]) => [String(label), String(n)] as [string, string]),
  };
}

export async function statementView(ctx: ActorContext, statementId: string) {
  const [calculation, permissions, adjustments] = await Promise.all([
    calculateStatement(statementId),
    findStatementPermissions(ctx, statementId),
    db().financeAdjustment.findMany({ where: { statementId }, orderBy: { createdAt: 'asc' } }),
  ]);
  const { statement, summary, contractInformation } = calculation;
  const tables = calculation.kind === 'ecf'
    ? [outputTable('Output payments', calculation.ecf)]
    : [outputTable('ECT output payments', calculation.ect)];
  return {
    id: statementId,
    title: summary.title,
    name: statement.name,
    leadProvider: statement.leadProviderName,
    cohort: statement.cohortStartYear,
    state: statement.state,
    dates: [
      ['Milestone cut off date', statement.deadlineDate],
      ['Payment date', statement.paymentDate],
    ].map(([a, b]) => [String(a), String(b).slice(0, 10)] as [string, string]),
    summary: summary.rows.map((row) => [row.label, pounds(row.amount)] as [string, string]),
    total: pounds(summary.total),
    tables,
    mentor: calculation.kind === 'ect_mentor'
      ? { outputFee: pounds(calculation.mentor.outputFee), total: pounds(calculation.mentor.totalWithVat) }
      : null,
    contract: {
      heading: contractInformation.heading,
      sections: contractInformation.sections.map((s) => ({ heading: s.heading, rows: s.rows.map((r) => [r.label, show(r.value)] as [string, string]) })),
      bands: contractInformation.bands.map((b) => [b.label, String(b.min), String(b.max), pounds(b.perParticipant)] as string[]),
    },
    adjustments: adjustments.map((a) => ({ id: a.id, name: a.paymentType, amount: pounds(a.amount) })),
    permissions,
  };
}

export type StatementView = Awaited<ReturnType<typeof statementView>>;
