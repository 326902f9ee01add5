// The statement that receives a lead provider's new declarations and clawbacks for a cohort: its open
// output-fee statement with the earliest milestone cut off date that has not passed.
import type { Tx } from '../../db/client.js';
import { isoDate } from '../../reports/statements/dates.js';

export interface NextOutputFeeStatement {
  id: string;
  name: string;
  deadlineDate: Date;
}

/** The DfE's message when a cohort has no statement left to pay into (API rule 9). */
export const fundingContractEndedMessage = (cohortStartYear: number) =>
  `You cannot submit or void declarations for the ${cohortStartYear} cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us`;

/**
 * Null when there is none. Inside a transaction the statement row stays share-locked until it ends,
 * so it cannot become payable while a line item is being added to it.
 */
export async function findNextOutputFeeStatement(
  tx: Tx,
  where: { cpdLeadProviderId: string; cohortId: string },
  now: Date = new Date(),
): Promise<NextOutputFeeStatement | null> {
  const [statement] = await tx.$queryRaw<NextOutputFeeStatement[]>`
    SELECT id, name, "deadlineDate"
    FROM statements
    WHERE "cpdLeadProviderId" = ${where.cpdLeadProviderId}::uuid
      AND "cohortId" = ${where.cohortId}::uuid
      AND "outputFee"
      AND state = 'open'
      AND "deadlineDate" >= ${isoDate(now)}::date
    ORDER BY "deadlineDate" ASC
    LIMIT 1
    FOR SHARE`;
  return statement ?? null;
}
