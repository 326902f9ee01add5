// What the database already holds that an import compares its files with, read in ONE query: every
// cohort, lead provider, link and contract (a few rows per cohort and lead provider), and the schedules
// and statements of the cohorts the schedule and statement files name.
import { Prisma, type DeclarationType, type ScheduleType } from '@prisma/client';
import type { Tx } from '../../../db/client.js';

export interface CohortRecord {
  id: string;
  startYear: number;
  registrationStartDate: Date;
  academicYearStartDate: Date;
  automaticAssignmentPeriodEndDate: Date;
  paymentsFrozenAt: Date | null;
  mentorFunding: boolean;
  detailedEvidenceTypes: boolean;
}

export interface LeadProviderRef {
  id: string;
  name: string;
  cpdLeadProviderId: string;
}

export interface KnownContract {
  leadProviderId: string;
  cohortId: string;
  version: string;
  /** The contract file's row it was made from, when an import made it. */
  raw: unknown;
}

export interface KnownMentorContract {
  leadProviderId: string;
  cohortId: string;
  version: string;
  recruitmentTarget: number;
  /** Pounds as an exact decimal string. */
  paymentPerParticipant: string;
}

export interface MilestoneValues {
  name: string;
  declarationType: DeclarationType;
  startDate: Date;
  milestoneDate: Date | null;
  paymentDate: Date | null;
}

export interface KnownSchedule {
  id: string;
  scheduleIdentifier: string;
  name: string;
  type: ScheduleType;
  cohortId: string;
  milestones: MilestoneValues[];
}

export interface KnownStatement {
  name: string;
  cpdLeadProviderId: string;
  cohortId: string;
  deadlineDate: Date;
  paymentDate: Date;
  outputFee: boolean;
  contractVersion: string;
  mentorContractVersion: string;
}

export interface KnownState {
  cohorts: CohortRecord[];
  leadProviders: LeadProviderRef[];
  links: { leadProviderId: string; cohortId: string }[];
  /** The newest contract of each lead provider and cohort. */
  contracts: KnownContract[];
  /** The oldest mentor contract of each lead provider and cohort. */
  mentorContracts: KnownMentorContract[];
  schedules: KnownSchedule[];
  statements: KnownStatement[];
}

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] extends object[] ? Json<T[K][number]>[] : T[K] };

export async function loadKnownState(tx: Tx, years: { schedules: number[]; statements: number[] }): Promise<KnownState> {
  // Dates come back as YYYY-MM-DD and money as text, never as a JSON number.
  const [{ known }] = await tx.$queryRaw<{ known: Json<KnownState> }[]>(Prisma.sql`
    SELECT json_build_object(
      'cohorts', (SELECT coalesce(json_agg(json_build_object(
          'id', c.id, 'startYear', c."startYear", 'registrationStartDate', c."registrationStartDate",
          'academicYearStartDate', c."academicYearStartDate", 'automaticAssignmentPeriodEndDate', c."automaticAssignmentPeriodEndDate",
          'paymentsFrozenAt', c."paymentsFrozenAt", 'mentorFunding', c."mentorFunding", 'detailedEvidenceTypes', c."detailedEvidenceTypes")), '[]')
        FROM cohorts c),
      'leadProviders', (SELECT coalesce(json_agg(json_build_object('id', lp.id, 'name', lp.name, 'cpdLeadProviderId', lp."cpdLeadProviderId")), '[]')
        FROM lead_providers lp),
      'links', (SELECT coalesce(json_agg(json_build_object('leadProviderId', l."leadProviderId", 'cohortId', l."cohortId")), '[]')
        FROM lead_provider_cohorts l),
      'contracts', (SELECT coalesce(json_agg(newest), '[]') FROM (
          SELECT DISTINCT ON ("leadProviderId", "cohortId") "leadProviderId", "cohortId", version, raw
          FROM call_off_contracts ORDER BY "leadProviderId", "cohortId", "createdAt" DESC) newest),
      'mentorContracts', (SELECT coalesce(json_agg(oldest), '[]') FROM (
          SELECT DISTINCT ON ("leadProviderId", "cohortId") "leadProviderId", "cohortId", version, "recruitmentTarget",
                 "paymentPerParticipant"::text AS "paymentPerParticipant"
          FROM mentor_call_off_contracts ORDER BY "leadProviderId", "cohortId", "createdAt") oldest),
      'schedules', (SELECT coalesce(json_agg(json_build_object(
          'id', s.id, 'scheduleIdentifier', s."scheduleIdentifier", 'name', s.name, 'type', s.type, 'cohortId', s."cohortId",
          'milestones', (SELECT coalesce(json_agg(json_build_object(
              'name', m.name, 'declarationType', m."declarationType", 'startDate', m."startDate",
              'milestoneDate', m."milestoneDate", 'paymentDate', m."paymentDate")), '[]')
            FROM milestones m WHERE m."scheduleId" = s.id))), '[]')
        FROM schedules s JOIN cohorts c ON c.id = s."cohortId" WHERE c."startYear" = ANY(${years.schedules})),
      'statements', (SELECT coalesce(json_agg(json_build_object(
          'name', st.name, 'cpdLeadProviderId', st."cpdLeadProviderId", 'cohortId', st."cohortId",
          'deadlineDate', st."deadlineDate", 'paymentDate', st."paymentDate", 'outputFee', st."outputFee",
          'contractVersion', st."contractVersion", 'mentorContractVersion', st."mentorContractVersion")), '[]')
        FROM statements st JOIN cohorts c ON c.id = st."cohortId" WHERE c."startYear" = ANY(${years.statements}))
    ) AS known`);

  return {
    ...known,
    cohorts: known.cohorts.map((cohort) => ({
      ...cohort,
      registrationStartDate: day(cohort.registrationStartDate),
      academicYearStartDate: day(cohort.academicYearStartDate),
      automaticAssignmentPeriodEndDate: day(cohort.automaticAssignmentPeriodEndDate),
      paymentsFrozenAt: dayOrNull(cohort.paymentsFrozenAt),
    })),
    schedules: known.schedules.map((schedule) => ({
      ...schedule,
      milestones: schedule.milestones.map((milestone) => ({
        ...milestone,
        // Stored as the files spell them ('retained-1'); Prisma's name is 'retained_1'.
        declarationType: milestone.declarationType.replace('-', '_') as DeclarationType,
        startDate: day(milestone.startDate),
        milestoneDate: dayOrNull(milestone.milestoneDate),
        paymentDate: dayOrNull(milestone.paymentDate),
      })),
    })),
    statements: known.statements.map((statement) => ({ ...statement, deadlineDate: day(statement.deadlineDate), paymentDate: day(statement.paymentDate) })),
  };
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dayOrNull = (iso: string | null) => (iso === null ? null : day(iso));
