// A statement as the finance page shows it: the presented figures (src/reports/statements/presented-statement.ts)
// formatted as pounds. Every row pays exactly its count times its fee; clawbacks are rows of their own.
import type { ActorContext } from '../../actions/actor.js';
import { findStatementPermissions } from '../../actions/statements/find-statement-permissions.js';
import { db } from '../../db/client.js';
import { calculateStatement } from '../../reports/statements/calculate-statement.js';
import { signOffText, statementSignOffs } from '../../reports/approvals/approval-queue.js';
import { Decimal, formatPounds } from '../../reports/statements/decimal.js';
import { CALENDAR_WARNING_NOTE, calendarWarnings } from '../../reports/statements/calendar-warnings.js';
import { formatFee, type PresentedLine, type PresentedPart } from '../../reports/statements/presented-statement.js';
import { formatDate, formatDateTime } from '../human-dates.js';

const pounds = (value: unknown) => formatPounds(new Decimal(String(value)));
const show = (value: unknown) => (typeof value === 'object' && value !== null ? pounds(value) : String(value));

const lineRow = (l: PresentedLine, withBand: boolean) => [
  l.label, ...(withBand ? [l.band ?? ''] : []), l.count === null ? '' : String(l.count), l.fee ? formatFee(l.fee) : '', formatPounds(l.amount),
];

function partTables(prefix: string, part: PresentedPart, banded: boolean) {
  const who = prefix ? `${prefix} ` : '';
  const outputs = {
    heading: `${who}output payments`.replace(/^./, (c) => c.toUpperCase()),
    columns: banded ? ['Declaration', 'Band', 'Declarations', 'Fee per declaration', 'Payment'] : ['Declaration', 'Declarations', 'Fee per declaration', 'Payment'],
    rows: part.outputLines.map((l) => lineRow(l, banded)),
    total: [`${who}output payment`.replace(/^./, (c) => c.toUpperCase()), formatPounds(part.outputFee)] as [string, string],
  };
  const clawbacks = {
    heading: `${who}clawbacks`.replace(/^./, (c) => c.toUpperCase()),
    columns: banded ? ['Clawback', 'Band', 'Declarations', 'Fee per declaration', 'Amount'] : ['Clawback', 'Declarations', 'Fee per declaration', 'Amount'],
    rows: part.clawbackLines.map((l) => lineRow(l, banded)),
    total: [`${who}clawbacks`.replace(/^./, (c) => c.toUpperCase()), formatPounds(part.clawbacks)] as [string, string],
  };
  const uplifts = part.upliftLine ? {
    heading: 'Uplift fees',
    columns: banded ? ['Payment type', 'Band', 'Declarations', 'Fee per declaration', 'Payment'] : ['Payment type', 'Declarations', 'Fee per declaration', 'Payment'],
    rows: [lineRow(part.upliftLine, banded)],
    total: ['Uplift fees', formatPounds(part.upliftLine.amount)] as [string, string],
  } : null;
  const c = part.counts;
  const counts = (banded
    ? [['Total starts', c.started], ['Total retained', c.retained], ['Total completed', c.completed], ['Total extended', c.extended]]
    : [['Total starts', c.started], ['Total completed', c.completed]]
  ).concat([['Total clawed back', c.clawedBack], ['Total voided', c.voided]])
    .map(([label, n]) => [String(label), String(n)] as [string, string]);
  return { outputs, uplifts, clawbacks, counts };
}

export async function statementView(ctx: ActorContext, statementId: string) {
  const [calculation, permissions, adjustments, signOffs, pending] = await Promise.all([
    calculateStatement(statementId),
    findStatementPermissions(ctx, statementId),
    db().financeAdjustment.findMany({ where: { statementId }, orderBy: { createdAt: 'asc' } }),
    statementSignOffs(statementId),
    db().approvalRequest.findMany({ where: { statementId, status: 'pending', kind: { not: 'authorise_payment' } }, orderBy: { requestedAt: 'asc' }, include: { requestedBy: { select: { email: true } } } }),
  ]);
  const { statement, summary, contractInformation, presented } = calculation;
  const parts = presented.mentor
    ? [partTables('ECT', presented.ect, true), partTables('mentor', presented.mentor, false)]
    : [partTables('', presented.ect, true)];
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
    ].map(([label, date]) => [label, formatDate(date)] as [string, string]),
    warnings: calendarWarnings(statement).map((w) => `${w} ${CALENDAR_WARNING_NOTE}`),
    summary: summary.rows.map((row) => [row.label, formatPounds(row.amount)] as [string, string]),
    total: formatPounds(summary.total),
    parts,
    serviceFee: presented.ect.serviceFee ? formatPounds(presented.ect.serviceFee.amount) : null,
    contract: {
      heading: contractInformation.heading,
      sections: contractInformation.sections.map((s) => ({ heading: s.heading, rows: s.rows.map((r) => [r.label, show(r.value)] as [string, string]) })),
      bands: contractInformation.bands.map((b) => [b.label, String(b.min), String(b.max), pounds(b.perParticipant)] as string[]),
    },
    signOff: signOffs.map((signOff) => signOffText(signOff, formatDateTime)),
    /** Adjustments waiting for a second approver (a pending authorisation is in the sign-off). */
    pendingRequests: pending.map((r) => `${r.requestedBy.email} asked to ${r.description} (${formatDateTime(r.requestedAt)})`),
    adjustments: adjustments.map((a) => ({ id: a.id, name: a.paymentType, amount: formatPounds(new Decimal(a.amount.toString()).toDecimalPlaces(2)) })),
    permissions,
  };
}

export type StatementView = Awaited<ReturnType<typeof statementView>>;
