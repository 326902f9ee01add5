// The world of a frozen-cohort move: a school with a 2021 cohort whose payments are frozen and a 2024
// cohort set up with a default programme, plus the extended schedule the DfE moves people onto.
import { createCohort, createParticipantWorld, createSchedule } from '../../support/factories.js';

export const PAYMENTS_FROZEN_AT = new Date('2024-04-03T00:00:00Z');

export async function frozenCohortWorld({ extendedSchedule = true }: { extendedSchedule?: boolean } = {}) {
  const frozenCohort = await createCohort(2021, { paymentsFrozenAt: PAYMENTS_FROZEN_AT });
  const destinationCohort = await createCohort(2024);
  const source = await createParticipantWorld(2021, { cohort: frozenCohort });
  const target = await createParticipantWorld(2024, {
    cohort: destinationCohort,
    school: source.school,
    leadProvider: source.leadProvider,
    deliveryPartner: source.deliveryPartner,
  });
  const extended = extendedSchedule ? await createSchedule(destinationCohort, 'ecf-extended-september') : null;
  return { source, target, extended };
}
