// Builds the engines' plain inputs for one statement from SQL aggregates: counts of line items per
// declaration type on this statement and on the provider's earlier statements for the cohort, never
// the declarations themselves.
import type { DeclarationType, ParticipantType, StatementState } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import { ActionError, notFound } from '../../rules/action-error.js';
import type { BandInput, LineItemCounts } from './bands.js';
import { isoDate } from './dates.js';
import { fromDashed } from './declaration-types.js';
import type { EcfStatementInput } from './ecf-calculator.js';
import type { MentorStatementInput } from './mentor-calculator.js';
import type { EcfContractDetails } from './contract-information.js';

export interface StatementDetails {
  id: string;
  name: string;
  cpdLeadProviderId: string;
  leadProviderId: string;
  leadProviderName: string;
  cohortId: string;
  cohortStartYear: number;
  mentorFunding: boolean;
  /** YYYY-MM-DD. */
  deadlineDate: string;
  paymentDate: string;
  outputFee: boolean;
  state: StatementState;
  markedAsPaidAt: Date | null;
  contractVersion: string;
  mentorContractVersion: string;
  vatChargeable: boolean;
}

export type StatementInputs = { statement: StatementDetails; contract: EcfContractDetails } & (
  | { kind: 'ecf'; ecf: EcfStatementInput }
  | { kind: 'ect_mentor'; ect: EcfStatementInput; mentor: MentorStatementInput; mentorContract: { recruitmentTarget: number; paymentPerParticipant: string } }
);

interface CountRow {
  current: boolean;
  participantType: ParticipantType;
  declarationType: string;
  billable: number;
  refundable: number;
  upliftBillable: number;
  upliftRefundable: number;
  clawedBack: number;
  voided: number;
}

export async function loadStatementInputs(statementId: string, client: Tx = db()): Promise<StatementInputs> {
  // The counts need only the statement's id, so they run while the statement is read.
  const [row, counts] = await Promise.all([
    client.statement.findUnique({
      where: { id: statementId },
      include: { cohort: true, cpdLeadProvider: { include: { leadProvider: true } }, adjustments: { orderBy: { createdAt: 'asc' } } },
    }),
    countLineItems(client, statementId),
  ]);
  if (!row) throw notFound('Statement');
  const leadProvider = row.cpdLeadProvider.leadProvider;
  if (!leadProvider) throw new ActionError('INVALID_STATE', `${row.cpdLeadProvider.name} has no lead provider record, so its contract cannot be found.`);

  const statement: StatementDetails = {
    id: row.id,
    name: row.name,
    cpdLeadProviderId: row.cpdLeadProviderId,
    leadProviderId: leadProvider.id,
    leadProviderName: leadProvider.name,
    cohortId: row.cohortId,
    cohortStartYear: row.cohort.startYear,
    mentorFunding: row.cohort.mentorFunding,
    deadlineDate: isoDate(row.deadlineDate),
    paymentDate: isoDate(row.paymentDate),
    outputFee: row.outputFee,
    state: row.state,
    markedAsPaidAt: row.markedAsPaidAt,
    contractVersion: row.contractVersion,
    mentorContractVersion: row.mentorContractVersion,
    vatChargeable: leadProvider.vatChargeable,
  };
  const contract = await loadContract(client, statement);
  const common = {
    adjustments: row.adjustments.map((a) => ({ paymentType: a.paymentType, amount: a.amount.toString() })),
    reconcileAmount: row.reconcileAmount.toString(),
    vatChargeable: statement.vatChargeable,
  };
  const ecfInput = (types: ParticipantType[]): EcfStatementInput => ({ contract, ...lineItemsFor(counts, types), ...common });

  if (!statement.mentorFunding) return { statement, contract, kind: 'ecf', ecf: ecfInput(['ect', 'mentor']) };

  const mentorContract = await client.mentorCallOffContract.findUnique({
    where: { leadProviderId_cohortId_version: { leadProviderId: statement.leadProviderId, cohortId: statement.cohortId, version: statement.mentorContractVersion } },
  });
  if (!mentorContract) throw missingContract('mentor call-off contract', statement.mentorContractVersion, statement);
  const mentorLineItems = lineItemsFor(counts, ['mentor']);
  return {
    statement,
    contract,
    kind: 'ect_mentor',
    ect: ecfInput(['ect']),
    mentor: {
      paymentPerParticipant: mentorContract.paymentPerParticipant.toString(),
      lineItems: { started: mentorLineItems.lineItems.started?.current, completed: mentorLineItems.lineItems.completed?.current },
      vatChargeable: statement.vatChargeable,
      clawedBackCount: mentorLineItems.clawedBackCount,
      voidedCount: mentorLineItems.voidedCount,
    },
    mentorContract: { recruitmentTarget: mentorContract.recruitmentTarget, paymentPerParticipant: mentorContract.paymentPerParticipant.toString() },
  };
}

function missingContract(what: string, version: string, statement: StatementDetails) {
  return new ActionError('NOT_FOUND', `There is no ${what} version ${version} for ${statement.leadProviderName} in the ${statement.cohortStartYear} cohort.`);
}

async function loadContract(client: Tx, statement: StatementDetails): Promise<EcfStatementInput['contract'] & EcfContractDetails> {
  const contract = await client.callOffContract.findUnique({
    where: { leadProviderId_cohortId_version: { leadProviderId: statement.leadProviderId, cohortId: statement.cohortId, version: statement.contractVersion } },
    include: { bands: true },
  });
  if (!contract) throw missingContract('call-off contract', statement.contractVersion, statement);
  return {
    recruitmentTarget: contract.recruitmentTarget,
    setUpFee: contract.setUpFee.toString(),
    monthlyServiceFee: contract.monthlyServiceFee?.toString() ?? null,
    upliftTarget: contract.upliftTarget?.toString() ?? null,
    upliftAmount: contract.upliftAmount?.toString() ?? null,
    bands: contract.bands.map((band): BandInput => ({
      min: band.min,
      max: band.max,
      perParticipant: band.perParticipant.toString(),
      outputPaymentPercentage: band.outputPaymentPercentage,
      serviceFeePercentage: band.serviceFeePercentage,
    })),
  };
}

/**
 * Line items of this statement and of the provider's statements for the cohort paid before it, counted by
 * kind from the line items alone (they carry their declaration's columns). Grouped on the enum columns
 * themselves and cast once per group: casting per row costs more than the counting.
 */
function countLineItems(client: Tx, statementId: string): Promise<CountRow[]> {
  return client.$queryRaw<CountRow[]>`
    SELECT current, "participantType"::text AS "participantType", "declarationType"::text AS "declarationType",
      billable, refundable, "upliftBillable", "upliftRefundable", "clawedBack", voided
    FROM (
      SELECT
        li."statementId" = ${statementId}::uuid AS current,
        li."participantType",
        li."declarationType",
        COUNT(*) FILTER (WHERE li.state IN ('eligible', 'payable', 'paid'))::int AS billable,
        COUNT(*) FILTER (WHERE li.state IN ('awaiting_clawback', 'clawed_back'))::int AS refundable,
        COUNT(*) FILTER (WHERE li.state IN ('eligible', 'payable', 'paid') AND li.uplift)::int AS "upliftBillable",
        COUNT(*) FILTER (WHERE li.state IN ('awaiting_clawback', 'clawed_back') AND li.uplift)::int AS "upliftRefundable",
        COUNT(*) FILTER (WHERE li."declarationState" = 'clawed_back')::int AS "clawedBack",
        COUNT(*) FILTER (WHERE li."declarationState" = 'voided')::int AS voided
      FROM statement_line_items li
      WHERE li."statementId" IN (
        SELECT s.id FROM statements s JOIN statements this ON this.id = ${statementId}::uuid
        WHERE s."cpdLeadProviderId" = this."cpdLeadProviderId"
          AND s."cohortId" = this."cohortId"
          AND (s.id = this.id OR s."paymentDate" < this."paymentDate"))
      GROUP BY 1, 2, 3
    ) counts`;
}

function lineItemsFor(rows: CountRow[], types: ParticipantType[]) {
  const lineItems: Partial<Record<DeclarationType, { previous: LineItemCounts; current: LineItemCounts }>> = {};
  const upliftLineItems: LineItemCounts = { billable: 0, refundable: 0 };
  let clawedBackCount = 0;
  let voidedCount = 0;
  for (const row of rows.filter((r) => types.includes(r.participantType))) {
    const type = fromDashed(row.declarationType);
    const entry = (lineItems[type] ??= { previous: { billable: 0, refundable: 0 }, current: { billable: 0, refundable: 0 } });
    const slot = row.current ? entry.current : entry.previous;
    slot.billable += row.billable;
    slot.refundable += row.refundable;
    if (!row.current) continue;
    clawedBackCount += row.clawedBack;
    voidedCount += row.voided;
    if (type === 'started') {
      upliftLineItems.billable += row.upliftBillable;
      upliftLineItems.refundable += row.upliftRefundable;
    }
  }
  return { lineItems, upliftLineItems, clawedBackCount, voidedCount };
}
