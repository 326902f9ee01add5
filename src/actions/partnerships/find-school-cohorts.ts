// The school page's Cohorts tab: for each cohort, the school's programme choice, its appropriate body, and its
// partnerships with their state (active, challenged with reason and date, relationship).
import type { ChallengeReason, InductionProgrammeChoice, Partnership } from '@prisma/client';
import { db } from '../../db/client.js';
import { isUnchallenged } from '../../rules/unchallenged-partnership.js';
import { CHALLENGE_REASON_LABELS } from './challenge-reasons.js';
import { academicYearLabel } from './partnership-emails.js';

export const PROGRAMME_CHOICE_LABELS: Record<InductionProgrammeChoice, string> = {
  full_induction_programme: 'Use a training provider funded by the DfE',
  core_induction_programme: 'DfE-accredited materials',
  design_our_own: 'Design and deliver your own programme based on the early career framework (ECF)',
  school_funded_fip: 'Use a training provider funded by your school',
  no_early_career_teachers: 'No early career teachers for this cohort',
  not_yet_known: 'Not yet decided',
};

export type PartnershipState = 'active' | 'challenged' | 'pending' | 'relationship';

/** Challenged wins over everything (it hides the partnership from the provider); then relationship, then pending. */
export function partnershipState(p: Pick<Partnership, 'challengedAt' | 'challengeReason' | 'relationship' | 'pending'>): PartnershipState {
  if (!isUnchallenged(p)) return 'challenged';
  if (p.relationship) return 'relationship';
  return p.pending ? 'pending' : 'active';
}

export interface SchoolCohortPartnership {
  id: string;
  leadProvider: { id: string; name: string };
  deliveryPartner: { id: string; name: string };
  state: PartnershipState;
  challengedAt: Date | null;
  challengeReason: ChallengeReason | null;
  challengeReasonLabel: string | null;
  challengeDeadline: Date | null;
}

export interface SchoolCohortSummary {
  cohortId: string;
  startYear: number;
  academicYear: string;
  /** Null when a provider reported a partnership before the school chose a programme. */
  schoolCohortId: string | null;
  inductionProgrammeChoice: InductionProgrammeChoice | null;
  inductionProgrammeLabel: string;
  /** The school's choice for the cohort (per-ECT reports are on the participant page). */
  appropriateBody: { id: string; name: string; source: 'school' } | null;
  /** The lead provider and delivery partner of the cohort's active partnership, if any. */
  leadProvider: { id: string; name: string } | null;
  deliveryPartner: { id: string; name: string } | null;
  partnerships: SchoolCohortPartnership[];
}

/** Newest cohort first. */
export async function findSchoolCohorts(schoolId: string): Promise<SchoolCohortSummary[]> {
  const [schoolCohorts, partnerships] = await Promise.all([
    db().schoolCohort.findMany({ where: { schoolId }, include: { cohort: true, appropriateBody: { select: { id: true, name: true } } } }),
    db().partnership.findMany({
      where: { schoolId },
      include: { cohort: true, leadProvider: { select: { id: true, name: true } }, deliveryPartner: { select: { id: true, name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  const cohorts = new Map([...schoolCohorts.map((sc) => sc.cohort), ...partnerships.map((p) => p.cohort)].map((c) => [c.id, c]));

  return [...cohorts.values()]
    .sort((a, b) => b.startYear - a.startYear)
    .map((cohort) => {
      const schoolCohort = schoolCohorts.find((sc) => sc.cohortId === cohort.id) ?? null;
      const rows: SchoolCohortPartnership[] = partnerships
        .filter((p) => p.cohortId === cohort.id)
        .map((p) => ({
          id: p.id,
          leadProvider: p.leadProvider,
          deliveryPartner: p.deliveryPartner,
          state: partnershipState(p),
          challengedAt: p.challengedAt,
          challengeReason: p.challengeReason,
          challengeReasonLabel: p.challengeReason ? CHALLENGE_REASON_LABELS[p.challengeReason] : null,
          challengeDeadline: p.challengeDeadline,
        }));
      const active = rows.find((p) => p.state === 'active' || p.state === 'pending') ?? null;
      return {
        cohortId: cohort.id,
        startYear: cohort.startYear,
        academicYear: academicYearLabel(cohort.startYear),
        schoolCohortId: schoolCohort?.id ?? null,
        inductionProgrammeChoice: schoolCohort?.inductionProgrammeChoice ?? null,
        inductionProgrammeLabel: schoolCohort ? PROGRAMME_CHOICE_LABELS[schoolCohort.inductionProgrammeChoice] : PROGRAMME_CHOICE_LABELS.not_yet_known,
        appropriateBody: schoolCohort?.appropriateBody ? { ...schoolCohort.appropriateBody, source: 'school' as const } : null,
        leadProvider: active?.leadProvider ?? null,
        deliveryPartner: active?.deliveryPartner ?? null,
        partnerships: rows,
      };
    });
}
