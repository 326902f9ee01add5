// The DfE's fixed facts for moving participants out of a cohort whose payments are frozen
// (Cohort::DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT, Induction::ScheduleForNewCohort).
import type { Cohort, DeclarationState } from '@prisma/client';

/** Every participant leaving a payment-frozen cohort goes to this cohort, whatever the calendar says. */
export const DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT = 2024;

/** The schedule a frozen-cohort move puts people on, so their remaining training fits the new cohort's milestones. */
export const EXTENDED_SCHEDULE_IDENTIFIER = 'ecf-extended-september';
export const DEFAULT_SCHEDULE_IDENTIFIER = 'ecf-standard-september';

export const BILLABLE_STATES = ['eligible', 'payable', 'paid'] as const satisfies readonly DeclarationState[];

/** `payments_frozen?`: the date is set and has been reached. */
export function paymentsFrozen(cohort: Pick<Cohort, 'paymentsFrozenAt'>, now: Date): boolean {
  return cohort.paymentsFrozenAt !== null && cohort.paymentsFrozenAt.getTime() <= now.getTime();
}
