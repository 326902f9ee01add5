// What a cohort's page lists: its lead providers, their contracts (with participant bands), its schedules
// (with how many milestones each has) and its statements. A cohort has a handful of each, and a few
// hundred statements at most. Contracts are commercial: only for those who may read them.
import type { ScheduleType, StatementState } from '@prisma/client';
import { db } from '../../db/client.js';

export interface CohortOverview {
  leadProviders: { name: string }[];
  /** Null when the reader may not see contracts. */
  contracts: {
    leadProvider: string;
    version: string;
    recruitmentTarget: number;
    revisedTarget: number | null;
    /** Pounds and rates as exact decimal strings. */
    setUpFee: string;
    monthlyServiceFee: string | null;
    upliftTarget: string | null;
    upliftAmount: string | null;
    bands: { min: number | null; max: number | null; perParticipant: string; outputPaymentPercentage: number; serviceFeePercentage: number }[];
  }[] | null;
  mentorContracts: { leadProvider: string; version: string; recruitmentTarget: number; paymentPerParticipant: string }[] | null;
  schedules: { name: string; identifier: string; type: ScheduleType; milestones: number }[];
  /** Dates as YYYY-MM-DD. */
  statements: { name: string; leadProvider: string; deadlineDate: string; paymentDate: string; state: StatementState }[];
}

export async function findCohortOverview(cohortId: string, { withContracts }: { withContracts: boolean }): Promise<CohortOverview> {
  const [links, contracts, mentorContracts, schedules, statements] = await Promise.all([
    db().leadProviderCohort.findMany({ where: { cohortId }, select: { leadProvider: { select: { name: true } } } }),
    withContracts
      ? db().callOffContract.findMany({
          where: { cohortId },
          include: { leadProvider: { select: { name: true } }, bands: { orderBy: { min: { sort: 'asc', nulls: 'first' } } } },
        })
      : null,
    withContracts
      ? db().mentorCallOffContract.findMany({ where: { cohortId }, include: { leadProvider: { select: { name: true } } } })
      : null,
    db().schedule.findMany({
      where: { cohortId },
      select: { name: true, scheduleIdentifier: true, type: true, _count: { select: { milestones: true } } },
      orderBy: [{ type: 'asc' }, { name: 'asc' }],
    }),
    db().statement.findMany({
      where: { cohortId },
      select: { name: true, deadlineDate: true, paymentDate: true, state: true, cpdLeadProvider: { select: { name: true } } },
      orderBy: [{ paymentDate: 'asc' }, { cpdLeadProvider: { name: 'asc' } }],
    }),
  ]);
  const byProvider = <T extends { leadProvider: string }>(rows: T[]) => rows.sort((a, b) => a.leadProvider.localeCompare(b.leadProvider));
  const text = (value: { toString(): string } | null) => (value === null ? null : value.toString());
  const day = (date: Date) => date.toISOString().slice(0, 10);

  return {
    leadProviders: links.map((link) => ({ name: link.leadProvider.name })).sort((a, b) => a.name.localeCompare(b.name)),
    contracts:
      contracts &&
      byProvider(
        contracts.map((contract) => ({
          leadProvider: contract.leadProvider.name,
          version: contract.version,
          recruitmentTarget: contract.recruitmentTarget,
          revisedTarget: contract.revisedTarget,
          setUpFee: contract.setUpFee.toString(),
          monthlyServiceFee: text(contract.monthlyServiceFee),
          upliftTarget: text(contract.upliftTarget),
          upliftAmount: text(contract.upliftAmount),
          bands: contract.bands.map(({ min, max, perParticipant, outputPaymentPercentage, serviceFeePercentage }) => ({
            min,
            max,
            perParticipant: perParticipant.toString(),
            outputPaymentPercentage,
            serviceFeePercentage,
          })),
        })),
      ),
    mentorContracts:
      mentorContracts &&
      byProvider(
        mentorContracts.map((contract) => ({
          leadProvider: contract.leadProvider.name,
          version: contract.version,
          recruitmentTarget: contract.recruitmentTarget,
          paymentPerParticipant: contract.paymentPerParticipant.toString(),
        })),
      ),
    schedules: schedules.map((schedule) => ({
      name: schedule.name,
      identifier: schedule.scheduleIdentifier,
      type: schedule.type,
      milestones: schedule._count.milestones,
    })),
    statements: statements.map((statement) => ({
      name: statement.name,
      leadProvider: statement.cpdLeadProvider.name,
      deadlineDate: day(statement.deadlineDate),
      paymentDate: day(statement.paymentDate),
      state: statement.state,
    })),
  };
}
