// Which schools took part in each cohort and how: school cohorts with their programme choice, a default
// induction programme, and for provider-led training a partnership with a lead provider and one of its
// delivery partners. Schools mostly keep their provider from year to year; a few challenge the partnership.
import type { ChallengeReason, InductionProgrammeChoice, Prisma, TrainingProgramme } from '@prisma/client';
import { addDays, earliest, utcDate } from '../lib/dates.js';
import { Random, stableId } from '../lib/random.js';
import { appropriateBodyChooser, type AppropriateBodies } from './appropriate-bodies.js';
import type { Calendar } from './calendar.js';
import { providerYearKey, type DeliveryPartnerInfo, type DeliveryPartners } from './delivery-partners.js';
import type { LeadProviderInfo } from './lead-providers.js';
import type { SchoolInfo } from './schools.js';
import { TRAINING_YEARS, type SizeConfig } from './sizes.js';

export interface PartnershipInfo {
  id: string;
  leadProvider: LeadProviderInfo;
  deliveryPartner: DeliveryPartnerInfo;
  reportedAt: Date;
}

export interface ProgrammeInfo {
  id: string;
  trainingProgramme: TrainingProgramme;
  partnership: PartnershipInfo | null;
}

export interface SchoolCohortInfo {
  id: string;
  school: SchoolInfo;
  startYear: number;
  /** The default programme participants join; null when the school has no ECTs or has not decided. */
  programme: ProgrammeInfo | null;
  appropriateBodyId: string | null;
}

export interface SchoolCohorts {
  list: SchoolCohortInfo[];
  rows: {
    partnerships: Prisma.PartnershipCreateManyInput[];
    schoolCohorts: Prisma.SchoolCohortCreateManyInput[];
    inductionProgrammes: Prisma.InductionProgrammeCreateManyInput[];
  };
}

const CHALLENGE_REASONS: readonly (readonly [ChallengeReason, number])[] = [
  ['another_provider', 35], ['not_confirmed', 25], ['do_not_recognise', 15], ['no_ects', 15], ['mistake', 10],
];
const CHALLENGE_WINDOW_DAYS = 14;

interface SchoolHabits {
  takesPart: boolean;
  style: TrainingProgramme;
  leadProvider: LeadProviderInfo;
  partnerSlot: number;
}

function habitsOf(school: SchoolInfo, leadProviders: LeadProviderInfo[], random: Random): SchoolHabits {
  return {
    takesPart: random.chance(0.5),
    style: school.cipOnly
      ? 'core_induction_programme'
      : random.weighted([['full_induction_programme', 79], ['core_induction_programme', 13], ['design_our_own', 6], ['school_funded_fip', 2]] as const),
    leadProvider: random.weighted(leadProviders.map((p) => [p, p.share] as const)),
    partnerSlot: random.int(0, 99),
  };
}

function yearChoice(habits: SchoolHabits, startYear: number, random: Random): InductionProgrammeChoice {
  return random.weighted([
    [habits.style, 92],
    ['no_early_career_teachers', 6],
    ['not_yet_known', startYear === TRAINING_YEARS[TRAINING_YEARS.length - 1] ? 4 : 1],
  ] as const);
}

export function buildSchoolCohorts(
  context: { calendar: Calendar; today: Date; config: SizeConfig },
  schools: SchoolInfo[],
  leadProviders: LeadProviderInfo[],
  deliveryPartners: DeliveryPartners,
  appropriateBodies: AppropriateBodies,
): SchoolCohorts {
  const { calendar, today, config } = context;
  const chooseAppropriateBody = appropriateBodyChooser(appropriateBodies);
  const result: SchoolCohorts = { list: [], rows: { partnerships: [], schoolCohorts: [], inductionProgrammes: [] } };
  const yearlyShare = Math.min(1, config.schoolCohortShare * 2);

  for (const school of schools) {
    if (!school.eligible && !school.cipOnly) continue;
    const random = new Random(`school-cohorts:${school.urn}`);
    const habits = habitsOf(school, leadProviders, random);
    for (const startYear of TRAINING_YEARS) {
      const takesPartThisYear = habits.takesPart && random.chance(yearlyShare);
      if (random.chance(0.12)) habits.leadProvider = random.weighted(leadProviders.map((p) => [p, p.share] as const));
      if (!takesPartThisYear) continue;

      const cohort = calendar.cohorts.get(startYear)!;
      let choice = yearChoice(habits, startYear, random);
      const schoolCohortId = stableId('school-cohort', school.urn, startYear);
      const registeredAt = random.between(utcDate(startYear, 5, 15), utcDate(startYear, 10, 31));
      let partnership: PartnershipInfo | null = null;
      let optOutOfUpdates = random.chance(0.03);

      if (choice === 'full_induction_programme') {
        const partners = deliveryPartners.byProviderAndYear.get(providerYearKey(habits.leadProvider.id, startYear))!;
        const deliveryPartner = partners[habits.partnerSlot % partners.length];
        // The last cohort still has partnerships being reported, some inside their challenge window.
        const recent = startYear === TRAINING_YEARS[TRAINING_YEARS.length - 1] && random.chance(0.03);
        const reportedAt = recent ? addDays(today, -random.int(0, 10)) : earliest(addDays(registeredAt, random.int(1, 20)), today);
        const challengeDeadline = addDays(reportedAt, CHALLENGE_WINDOW_DAYS);
        const challenged = !recent && random.chance(0.02);
        const challengeReason = challenged ? random.weighted(CHALLENGE_REASONS) : null;
        const late = challenged && random.chance(0.1);
        const challengedAt = challenged
          ? earliest(late ? addDays(challengeDeadline, random.int(5, 60)) : addDays(reportedAt, random.int(1, CHALLENGE_WINDOW_DAYS - 1)), today)
          : null;
        const id = stableId('partnership', school.urn, habits.leadProvider.name, startYear, deliveryPartner.id);
        result.rows.partnerships.push({
          id,
          schoolId: school.id,
          leadProviderId: habits.leadProvider.id,
          deliveryPartnerId: deliveryPartner.id,
          cohortId: cohort.id,
          challengeDeadline,
          challengedAt,
          challengeReason,
          reportId: stableId('partnership-report', habits.leadProvider.name, reportedAt.toISOString().slice(0, 10)),
          createdAt: reportedAt,
          updatedAt: challengedAt ?? reportedAt,
        });
        if (challengeReason === 'no_ects') {
          choice = 'no_early_career_teachers';
          optOutOfUpdates = true;
        } else if (!challenged) {
          partnership = { id, leadProvider: habits.leadProvider, deliveryPartner, reportedAt };
        }
      }

      const trainingProgramme = choice === 'no_early_career_teachers' || choice === 'not_yet_known' ? null : (choice as TrainingProgramme);
      const appropriateBody = trainingProgramme ? chooseAppropriateBody(school.localAuthorityName, startYear, random) : null;
      const programme: ProgrammeInfo | null = trainingProgramme
        ? { id: stableId('induction-programme', school.urn, startYear), trainingProgramme, partnership }
        : null;
      result.rows.schoolCohorts.push({
        id: schoolCohortId,
        schoolId: school.id,
        cohortId: cohort.id,
        inductionProgrammeChoice: choice,
        defaultInductionProgrammeId: programme?.id ?? null,
        appropriateBodyId: appropriateBody?.id ?? null,
        optOutOfUpdates,
        createdAt: registeredAt,
      });
      if (programme) {
        result.rows.inductionProgrammes.push({
          id: programme.id,
          schoolCohortId,
          trainingProgramme: programme.trainingProgramme,
          partnershipId: partnership?.id ?? null,
          createdAt: registeredAt,
        });
      }
      result.list.push({ id: schoolCohortId, school, startYear, programme, appropriateBodyId: appropriateBody?.id ?? null });
    }
  }
  return result;
}
