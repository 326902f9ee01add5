// Contracts and statement calendars for statement tests (the shared factories have none).
import type { Cohort, LeadProvider, Prisma, Statement } from '@prisma/client';
import { db } from '../../../src/db/client.js';
import { createStatement } from '../../support/factories.js';

const DAY = 86_400_000;
/** A calendar day `days` from today (UTC), as a date column holds it. */
export const daysFromToday = (days: number) => new Date(`${new Date(Date.now() + days * DAY).toISOString().slice(0, 10)}T00:00:00Z`);

type Band = { min: number | null; max: number | null; perParticipant: string };
export const MINIMAL_BANDS: Band[] = [
  { min: null, max: 2, perParticipant: '400' },
  { min: 3, max: 4, perParticipant: '300' },
  { min: 5, max: 6, perParticipant: '200' },
  { min: 7, max: 8, perParticipant: '100' },
];
export const STANDARD_BANDS: Band[] = [
  { min: null, max: 2000, perParticipant: '995' },
  { min: 2001, max: 4000, perParticipant: '979' },
  { min: 4001, max: 6000, perParticipant: '966' },
];

export async function createContract(
  leadProvider: LeadProvider,
  cohort: Cohort,
  overrides: Partial<Prisma.CallOffContractUncheckedCreateInput> & { bands?: Band[] } = {},
) {
  const { bands = MINIMAL_BANDS, ...rest } = overrides;
  return db().callOffContract.create({
    data: {
      leadProviderId: leadProvider.id,
      cohortId: cohort.id,
      recruitmentTarget: 6000,
      setUpFee: '149651',
      upliftTarget: '0.33',
      upliftAmount: '100',
      ...rest,
      bands: { create: bands },
    },
  });
}

export async function createMentorContract(leadProvider: LeadProvider, cohort: Cohort, overrides: Partial<Prisma.MentorCallOffContractUncheckedCreateInput> = {}) {
  return db().mentorCallOffContract.create({
    data: { leadProviderId: leadProvider.id, cohortId: cohort.id, recruitmentTarget: 4500, paymentPerParticipant: '1000', ...overrides },
  });
}

/** Three monthly output-fee statements: two already paid, and the current one still open. */
export async function createStatementCalendar(leadProvider: LeadProvider, cohort: Cohort): Promise<{ twoMonthsAgo: Statement; oneMonthAgo: Statement; current: Statement }> {
  const twoMonthsAgo = await createStatement(leadProvider, cohort, {
    name: 'Two months ago', deadlineDate: daysFromToday(-70), paymentDate: daysFromToday(-45), state: 'paid',
  });
  const oneMonthAgo = await createStatement(leadProvider, cohort, {
    name: 'One month ago', deadlineDate: daysFromToday(-40), paymentDate: daysFromToday(-15), state: 'paid',
  });
  const current = await createStatement(leadProvider, cohort, {
    name: 'Current', deadlineDate: daysFromToday(10), paymentDate: daysFromToday(35),
  });
  return { twoMonthsAgo, oneMonthAgo, current };
}

/** Records a clawback of a paid declaration on a statement, as if voided then: the declaration and line item in `state`. */
export async function clawBack(declarationId: string, statement: Statement, state: 'awaiting_clawback' | 'clawed_back' = 'awaiting_clawback') {
  await db().declaration.update({ where: { id: declarationId }, data: { state, states: { create: { state } } } });
  await db().statementLineItem.create({ data: { statementId: statement.id, declarationId, state } });
}
