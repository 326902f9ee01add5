// About 20,000 participant profiles: ECTs and their mentors in the schools that took part each year, with
// teachers, induction records and what happened to them (most train on; some withdraw, defer, change
// school or complete). Some 2021 participants never finished before that cohort was frozen, and a few of
// those have already been moved to 2024 (a few others carry a note that blocks the move). The plans returned
// say when each one reached each milestone.
import type {
  DeclarationType, EligibilityReason, EligibilityStatus, InductionStatus, ParticipantType, Prisma, TrainingStatus,
  TrnValidationState,
} from '@prisma/client';
import { addDays, addMonths, earliest, utcDate } from '../lib/dates.js';
import { Random, stableId } from '../lib/random.js';
import type { AppropriateBodies } from './appropriate-bodies.js';
import type { Calendar, CohortInfo, ScheduleInfo } from './calendar.js';
import { IdentityGenerator, type Identity } from './identities.js';
import { intoWindow, naturalDate, paceFor, trainingStart } from './journeys.js';
import type { ProgrammeInfo, SchoolCohortInfo, SchoolCohorts } from './school-cohorts.js';
import type { Schools } from './schools.js';
import { TRAINING_YEARS, type SizeConfig } from './sizes.js';

/** A stretch of training under one programme and schedule. */
export interface Period {
  programme: ProgrammeInfo;
  schoolCohort: SchoolCohortInfo;
  schedule: ScheduleInfo;
  cohort: CohortInfo;
  start: Date;
}

export interface Step {
  type: DeclarationType;
  /** The day the milestone was reached (a declaration's date). */
  date: Date;
  period: Period;
}

/** fundable: eligible; unchecked: TRN missing or awaiting a manual check; duplicate: a second registration. */
export type Funding = 'fundable' | 'unchecked' | 'ineligible' | 'duplicate';

export interface ParticipantPlan {
  profileId: string;
  teacherId: string;
  type: ParticipantType;
  funding: Funding;
  pupilPremiumUplift: boolean;
  sparsityUplift: boolean;
  mentorTeacherId: string | null;
  steps: Step[];
}

export interface Participants {
  plans: ParticipantPlan[];
  rows: {
    teachers: Prisma.TeacherCreateManyInput[];
    /** Mentors first: ECT profiles point at them. */
    participantProfiles: Prisma.ParticipantProfileCreateManyInput[];
    inductionRecords: Prisma.InductionRecordCreateManyInput[];
    participantProfileStates: Prisma.ParticipantProfileStateCreateManyInput[];
    appropriateBodyClaims: Prisma.AppropriateBodyClaimCreateManyInput[];
    /** Relationship partnerships for participants who kept their provider when they changed school. */
    partnerships: Prisma.PartnershipCreateManyInput[];
    inductionProgrammes: Prisma.InductionProgrammeCreateManyInput[];
  };
}

interface Context {
  calendar: Calendar;
  today: Date;
  config: SizeConfig;
}

interface RecordSpec {
  period: Period;
  start: Date;
  end: Date | null;
  inductionStatus: InductionStatus;
  trainingStatus: TrainingStatus;
  schoolTransfer: boolean;
  mentor: MentorRef | null;
}

interface StateSpec {
  state: TrainingStatus;
  reason: string | null;
  cpdLeadProviderId: string | null;
  createdAt: Date;
}

interface MentorRef {
  profileId: string;
  teacherId: string;
}

type Journey = 'trains_on' | 'withdrawn' | 'deferred' | 'transferred' | 'changed' | 'unfinished';

const WITHDRAWAL_REASONS = ['left-teaching-profession', 'moved-school', 'school-left-fip', 'other'];
const DEFERRAL_REASONS = ['bereavement', 'long-term-sickness', 'parental-leave', 'career-break', 'other'];
const FROZEN_DESTINATION_YEAR = 2024;
const FROZEN_DESTINATION_SCHEDULE = 'ecf-extended-september';

class ParticipantBuilder {
  readonly result: Participants = {
    plans: [],
    rows: { teachers: [], participantProfiles: [], inductionRecords: [], participantProfileStates: [], appropriateBodyClaims: [], partnerships: [], inductionProgrammes: [] },
  };
  private readonly mentorProfiles: Prisma.ParticipantProfileCreateManyInput[] = [];
  private readonly ectProfiles: Prisma.ParticipantProfileCreateManyInput[] = [];
  private readonly identities = new IdentityGenerator(new Random('identities'));
  private readonly schoolCohortsByYear = new Map<number, SchoolCohortInfo[]>();
  private readonly schoolCohortBySchoolAndYear = new Map<string, SchoolCohortInfo>();
  private readonly partnershipKeys: Set<string>;
  private readonly relationshipProgrammes = new Map<string, ProgrammeInfo>();

  constructor(
    private readonly context: Context,
    schoolCohorts: SchoolCohorts,
    private readonly schools: Schools,
    private readonly appropriateBodies: AppropriateBodies,
  ) {
    for (const sc of schoolCohorts.list) {
      if (!sc.programme) continue;
      const list = this.schoolCohortsByYear.get(sc.startYear) ?? [];
      list.push(sc);
      this.schoolCohortsByYear.set(sc.startYear, list);
      this.schoolCohortBySchoolAndYear.set(`${sc.school.id}:${sc.startYear}`, sc);
    }
    this.partnershipKeys = new Set(schoolCohorts.rows.partnerships.map((p) => `${p.schoolId}:${p.leadProviderId}:${p.cohortId}:${p.deliveryPartnerId}`));
  }

  build(): Participants {
    for (const startYear of TRAINING_YEARS) {
      const random = new Random(`participants:${startYear}`);
      const target = this.context.config.participantsPerCohort[startYear];
      let count = 0;
      for (const schoolCohort of random.shuffle(this.schoolCohortsByYear.get(startYear) ?? [])) {
        if (count >= target) break;
        const ects = random.weighted([[1, 60], [2, 27], [3, 10], [4, 3]] as const);
        const mentorCount = random.chance(0.1) ? 0 : ects >= 3 ? 2 : 1;
        const mentors: MentorRef[] = [];
        for (let i = 0; i < mentorCount; i++) mentors.push(this.addParticipant(schoolCohort, 'mentor', i, null));
        for (let i = 0; i < ects; i++) this.addParticipant(schoolCohort, 'ect', i, mentors.length > 0 ? mentors[i % mentors.length] : null);
        count += ects + mentorCount;
      }
    }
    this.result.rows.participantProfiles = [...this.mentorProfiles, ...this.ectProfiles];
    return this.result;
  }

  private addParticipant(schoolCohort: SchoolCohortInfo, type: ParticipantType, index: number, mentor: MentorRef | null): MentorRef {
    const { calendar, today } = this.context;
    const key = `${schoolCohort.startYear}:${schoolCohort.school.urn}:${type}:${index}`;
    const random = new Random(`participant:${key}`);
    const cohort = calendar.cohorts.get(schoolCohort.startYear)!;
    const schedule = this.chooseSchedule(type, schoolCohort.startYear, random);
    const start = trainingStart(schedule, cohort.academicYearStartDate, random);
    const registeredAt = addDays(start, -random.int(5, 40));
    const identity = this.identities.next(type === 'ect' ? [1985, 2001] : [1965, 1992]);
    const eligibility = this.eligibility(type, identity, random);
    const uplift = this.schools.uplifts.get(schoolCohort.school.id)?.get(schoolCohort.startYear);
    const ids = { profileId: stableId('participant-profile', key), teacherId: stableId('teacher', key) };
    const base: Period = { programme: schoolCohort.programme!, schoolCohort, schedule, cohort, start };

    const journey = this.journey(type, base, mentor, eligibility.funding, random);
    const latest = journey.records[journey.records.length - 1];
    const completedAt = latest.inductionStatus === 'completed' ? latest.end : null;

    this.result.rows.teachers.push({
      id: ids.teacherId,
      fullName: identity.fullName,
      email: identity.email,
      trn: eligibility.trn,
      dateOfBirth: identity.dateOfBirth,
      nationalInsuranceNumber: identity.nationalInsuranceNumber,
      createdAt: registeredAt,
    });
    const profile: Prisma.ParticipantProfileCreateManyInput = {
      id: ids.profileId,
      type,
      teacherId: ids.teacherId,
      schoolCohortId: latest.period.schoolCohort.id,
      cohortId: latest.period.cohort.id,
      scheduleId: latest.period.schedule.id,
      mentorProfileId: latest.mentor?.profileId ?? null,
      status: latest.inductionStatus === 'withdrawn' ? 'withdrawn' : 'active',
      trainingStatus: latest.trainingStatus,
      pupilPremiumUplift: uplift?.pupilPremium ?? false,
      sparsityUplift: uplift?.sparsity ?? false,
      inductionStartDate: type === 'ect' ? start : null,
      inductionCompletionDate: type === 'ect' ? completedAt : null,
      ...mentorCompletion(type, completedAt, eligibility.earlyRollOutCompletion),
      notes: journey.notes,
      cohortChangedAfterPaymentsFrozen: journey.movedFromFrozenCohort,
      trnValidationState: eligibility.trnValidationState,
      eligibilityStatus: eligibility.status,
      eligibilityReason: eligibility.reason,
      createdAt: registeredAt,
      updatedAt: earliest(latest.start > registeredAt ? latest.start : registeredAt, today),
    };
    (type === 'mentor' ? this.mentorProfiles : this.ectProfiles).push(profile);
    this.addRecords(ids.profileId, journey.records, journey.states, type);
    this.addClaims(ids.profileId, type, schoolCohort, registeredAt, random);
    this.result.plans.push({
      ...ids,
      type,
      funding: eligibility.funding,
      pupilPremiumUplift: profile.pupilPremiumUplift ?? false,
      sparsityUplift: profile.sparsityUplift ?? false,
      mentorTeacherId: mentor?.teacherId ?? null,
      steps: journey.steps,
    });

    // Enough duplicates that support's "Duplicate participants" page has work even in the small seed.
    if (type === 'ect' && eligibility.funding === 'fundable' && random.chance(0.03)) {
      this.addDuplicate(key, identity, eligibility.trn, profile, journey.steps, base, random);
      profile.profileDuplicity = 'primary';
    }
    return { profileId: ids.profileId, teacherId: ids.teacherId };
  }

  private chooseSchedule(type: ParticipantType, startYear: number, random: Random): ScheduleInfo {
    const identifier = type === 'ect'
      ? random.weighted([['ecf-standard-september', 86], ['ecf-standard-january', 5], ['ecf-standard-april', 3], ['ecf-extended-september', 3], ['ecf-reduced-september', 3]] as const)
      : random.weighted([['ecf-standard-september', 85], ['ecf-replacement-september', 10], ['ecf-standard-january', 5]] as const);
    const schedules = this.context.calendar.schedules.get(startYear)!;
    return schedules.get(identifier) ?? schedules.get('ecf-standard-september')!;
  }

  private eligibility(type: ParticipantType, identity: Identity, random: Random): {
    funding: Funding; trn: string | null; trnValidationState: TrnValidationState; status: EligibilityStatus; reason: EligibilityReason;
    earlyRollOutCompletion: Date | null;
  } {
    const funding = random.weighted([['fundable', 91], ['unchecked', 6], ['ineligible', 3]] as const);
    if (funding === 'unchecked') {
      if (random.chance(0.4)) return { funding, trn: null, trnValidationState: 'not_started', status: 'manual_check', reason: 'none', earlyRollOutCompletion: null };
      const reason = random.pick<EligibilityReason>(type === 'ect' ? ['different_trn', 'no_induction', 'no_qts', 'active_flags'] : ['different_trn', 'active_flags']);
      return { funding, trn: identity.trn, trnValidationState: 'manual_check_requested', status: 'manual_check', reason, earlyRollOutCompletion: null };
    }
    if (funding === 'ineligible') {
      const reason = type === 'ect' ? random.pick<EligibilityReason>(['previous_induction', 'exempt_from_induction']) : 'previous_participation';
      const earlyRollOutCompletion = type === 'mentor' ? utcDate(2021, random.int(3, 7), random.int(1, 28)) : null;
      return { funding, trn: identity.trn, trnValidationState: 'valid', status: 'ineligible', reason, earlyRollOutCompletion };
    }
    return { funding, trn: identity.trn, trnValidationState: 'valid', status: 'eligible', reason: 'none', earlyRollOutCompletion: null };
  }

  /** What happens to one participant: their induction records and the milestones they reach. */
  private journey(type: ParticipantType, base: Period, mentor: MentorRef | null, funding: Funding, random: Random) {
    const { today, calendar } = this.context;
    const pace = paceFor(type, base.schedule, base.cohort.mentorFunding);
    const natural = pace.map(([, months]) => naturalDate(base.start, months, random));
    const frozen = base.cohort.paymentsFrozenAt;
    const cpdLeadProviderId = base.programme.partnership?.leadProvider.cpdLeadProviderId ?? null;
    const mentorsStopEarly = type === 'mentor' && !base.cohort.mentorFunding && random.chance(0.45);
    let kind: Journey = random.weighted([
      ['trains_on', 76], ['withdrawn', 8], ['deferred', 4], ['transferred', 5], ['changed', 3], ['unfinished', frozen ? 8 : 0],
    ] as const);
    // An event happens between two milestones that have both passed: pick where.
    const reachable = natural.filter((d) => d <= today).length;
    if (kind !== 'trains_on' && reachable < 2) kind = 'trains_on';
    const at = kind === 'trains_on' ? pace.length : random.int(1, Math.min(reachable, pace.length) - 1);
    const eventDate = kind === 'trains_on' ? today : earliest(random.between(addDays(natural[at - 1], 10), natural[at] > addDays(natural[at - 1], 11) ? natural[at] : addDays(natural[at - 1], 11)), today);

    const records: RecordSpec[] = [];
    const open = (period: Period, start: Date, extra: Partial<RecordSpec> = {}) =>
      records.push({ period, start, end: null, inductionStatus: 'active', trainingStatus: 'active', schoolTransfer: false, mentor, ...extra });
    const close = (end: Date, inductionStatus: InductionStatus) => Object.assign(records[records.length - 1], { end, inductionStatus });
    const states: StateSpec[] = [];
    const addState = (state: TrainingStatus, reason: string | null, when: Date) => states.push({ state, reason, cpdLeadProviderId, createdAt: when });
    const periods: Period[] = [base];
    let stopDate: Date | null = null;
    let stopAt = mentorsStopEarly ? random.int(1, 2) : pace.length;
    let notes: string | null = null;
    let movedFromFrozenCohort = false;
    open(base, base.start);

    switch (kind) {
      case 'withdrawn': {
        stopDate = eventDate;
        const reason = random.pick(type === 'mentor' ? [...WITHDRAWAL_REASONS, 'mentor-no-longer-being-mentor'] : WITHDRAWAL_REASONS);
        if (!cpdLeadProviderId || random.chance(0.35)) {
          close(eventDate, 'withdrawn'); // the school told the DfE the participant has left
        } else {
          close(eventDate, 'changed');
          open(base, eventDate, { trainingStatus: 'withdrawn' });
          addState('withdrawn', reason, eventDate);
        }
        break;
      }
      case 'deferred': {
        const reason = random.pick(DEFERRAL_REASONS);
        const resumedAt = addMonths(eventDate, random.int(3, 9));
        close(eventDate, 'changed');
        open(base, eventDate, { trainingStatus: 'deferred' });
        addState('deferred', reason, eventDate);
        notes = random.chance(0.3) ? `Deferred (${reason.replace(/-/g, ' ')}), school informed` : null;
        if (resumedAt < today && random.chance(0.5)) {
          close(resumedAt, 'changed');
          open(base, resumedAt);
          addState('active', null, resumedAt);
          const delay = resumedAt.getTime() - eventDate.getTime();
          for (let i = at; i < natural.length; i++) natural[i] = new Date(natural[i].getTime() + delay);
        } else {
          stopDate = eventDate;
        }
        break;
      }
      case 'transferred': {
        const destination = this.transferDestination(base, random);
        if (!destination) break;
        close(eventDate, 'leaving');
        const period: Period = { ...base, schoolCohort: destination.schoolCohort, programme: destination.programme, start: eventDate };
        periods.push(period);
        open(period, eventDate, { schoolTransfer: true, mentor: null });
        break;
      }
      case 'changed':
        close(eventDate, 'changed');
        open(base, eventDate, { mentor: random.chance(0.5) ? null : mentor });
        break;
      case 'unfinished': {
        stopAt = Math.min(stopAt, at);
        const destination = this.schoolCohortBySchoolAndYear.get(`${base.schoolCohort.school.id}:${FROZEN_DESTINATION_YEAR}`);
        if (destination?.programme?.partnership && frozen && random.chance(0.25)) {
          const movedAt = random.between(addDays(frozen, 20), utcDate(FROZEN_DESTINATION_YEAR, 10, 31));
          const cohort = calendar.cohorts.get(FROZEN_DESTINATION_YEAR)!;
          const schedule = calendar.schedules.get(FROZEN_DESTINATION_YEAR)!.get(FROZEN_DESTINATION_SCHEDULE)!;
          const period: Period = { programme: destination.programme, schoolCohort: destination, schedule, cohort, start: movedAt };
          close(movedAt, 'changed');
          periods.push(period);
          open(period, movedAt);
          movedFromFrozenCohort = true;
          for (let i = at; i < natural.length; i++) natural[i] = naturalDate(movedAt, 2 + 4 * (i - at), random);
          stopAt = pace.length;
        }
        break;
      }
    }

    const steps = this.steps(pace.map(([declarationType]) => declarationType), natural, periods, { stopAt, stopDate }, random);
    const finished = stopAt === pace.length && stopDate === null && kind !== 'unfinished' && natural[natural.length - 1] <= today && steps.length === pace.length;
    if (kind === 'unfinished' && !movedFromFrozenCohort && funding === 'fundable' && steps.length > 0 && random.chance(0.2)) {
      // Support's note that blocks moving them out of the frozen cohort until the school answers.
      notes = 'Waiting for the school to confirm training continues before any cohort change';
    }
    const latest = records[records.length - 1];
    if (finished && latest.trainingStatus === 'active' && latest.inductionStatus === 'active') {
      latest.inductionStatus = 'completed';
      latest.end = earliest(addDays(natural[natural.length - 1], random.int(10, 40)), today);
    }
    return { records, states, steps: funding === 'unchecked' ? steps.slice(0, 2) : funding === 'ineligible' ? [] : steps, notes, movedFromFrozenCohort };
  }

  /** Milestone days up to the stop (a withdrawal, deferral or today); none in a cohort once its payments froze. */
  private steps(types: DeclarationType[], natural: Date[], periods: Period[], stop: { stopAt: number; stopDate: Date | null }, random: Random): Step[] {
    const { today } = this.context;
    const steps: Step[] = [];
    for (let i = 0; i < Math.min(stop.stopAt, types.length); i++) {
      const period = [...periods].reverse().find((p) => p.start <= natural[i]) ?? periods[0];
      const window = period.schedule.milestones.get(types[i]);
      if (!window) continue;
      let date = intoWindow(natural[i], window, random);
      const previous = steps[steps.length - 1]?.date;
      if (previous && date <= previous) date = addDays(previous, random.int(1, 5));
      if (date > today || (stop.stopDate && date > stop.stopDate)) break;
      if (period.cohort.paymentsFrozenAt && date >= period.cohort.paymentsFrozenAt) continue;
      steps.push({ type: types[i], date, period });
    }
    return steps;
  }

  /** Another school taking part the same year; a participant whose new school works with another provider may keep theirs. */
  private transferDestination(base: Period, random: Random): { schoolCohort: SchoolCohortInfo; programme: ProgrammeInfo } | null {
    const candidates = this.schoolCohortsByYear.get(base.cohort.startYear) ?? [];
    const schoolCohort = random.pick(candidates);
    if (schoolCohort.school.id === base.schoolCohort.school.id) return null;
    const own = base.programme.partnership;
    const theirs = schoolCohort.programme!.partnership;
    if (!own || theirs?.leadProvider.id === own.leadProvider.id || random.chance(0.5)) return { schoolCohort, programme: schoolCohort.programme! };

    const partnershipKey = `${schoolCohort.school.id}:${own.leadProvider.id}:${base.cohort.id}:${own.deliveryPartner.id}`;
    let programme = this.relationshipProgrammes.get(partnershipKey);
    if (!programme) {
      if (this.partnershipKeys.has(partnershipKey)) return { schoolCohort, programme: schoolCohort.programme! };
      this.partnershipKeys.add(partnershipKey);
      const reportedAt = addDays(base.start, random.int(30, 200));
      const partnershipId = stableId('relationship-partnership', partnershipKey);
      this.result.rows.partnerships.push({
        id: partnershipId,
        schoolId: schoolCohort.school.id,
        leadProviderId: own.leadProvider.id,
        deliveryPartnerId: own.deliveryPartner.id,
        cohortId: base.cohort.id,
        relationship: true,
        challengeDeadline: addDays(reportedAt, 14),
        createdAt: reportedAt,
      });
      programme = {
        id: stableId('relationship-programme', partnershipKey),
        trainingProgramme: 'full_induction_programme',
        partnership: { id: partnershipId, leadProvider: own.leadProvider, deliveryPartner: own.deliveryPartner, reportedAt },
      };
      this.relationshipProgrammes.set(partnershipKey, programme);
      this.result.rows.inductionProgrammes.push({
        id: programme.id,
        schoolCohortId: schoolCohort.id,
        trainingProgramme: 'full_induction_programme',
        partnershipId,
        createdAt: reportedAt,
      });
    }
    return { schoolCohort, programme };
  }

  private addRecords(profileId: string, records: RecordSpec[], states: StateSpec[], type: ParticipantType): void {
    records.forEach((record, index) => {
      this.result.rows.inductionRecords.push({
        id: stableId('induction-record', profileId, index),
        inductionProgrammeId: record.period.programme.id,
        participantProfileId: profileId,
        scheduleId: record.period.schedule.id,
        startDate: record.start,
        endDate: record.end,
        inductionStatus: record.inductionStatus,
        trainingStatus: record.trainingStatus,
        schoolTransfer: record.schoolTransfer,
        mentorProfileId: type === 'ect' ? (record.mentor?.profileId ?? null) : null,
        appropriateBodyId: type === 'ect' ? record.period.schoolCohort.appropriateBodyId : null,
        createdAt: record.start,
        updatedAt: record.end ?? record.start,
      });
    });
    states.forEach((state, index) => {
      this.result.rows.participantProfileStates.push({ id: stableId('participant-profile-state', profileId, index), participantProfileId: profileId, ...state });
    });
  }

  /** The school's report of the ECT's appropriate body, and usually the body's own claim (now and then naming another). */
  private addClaims(profileId: string, type: ParticipantType, schoolCohort: SchoolCohortInfo, registeredAt: Date, random: Random): void {
    if (type !== 'ect' || !schoolCohort.appropriateBodyId) return;
    this.result.rows.appropriateBodyClaims.push({
      id: stableId('appropriate-body-claim', profileId, 'school'),
      participantProfileId: profileId,
      appropriateBodyId: schoolCohort.appropriateBodyId,
      source: 'school',
      claimedAt: registeredAt,
      createdAt: registeredAt,
    });
    if (!random.chance(0.65)) return;
    const claimedAt = earliest(addDays(registeredAt, random.int(10, 60)), this.context.today);
    this.result.rows.appropriateBodyClaims.push({
      id: stableId('appropriate-body-claim', profileId, 'appropriate-body'),
      participantProfileId: profileId,
      appropriateBodyId: random.chance(0.9) ? schoolCohort.appropriateBodyId : random.pick(this.appropriateBodies.list).id,
      source: 'appropriate_body',
      claimedAt,
      createdAt: claimedAt,
    });
  }

  /** The same ECT registered a second time under another email: their declarations are duplicates. */
  private addDuplicate(key: string, identity: Identity, trn: string | null, original: Prisma.ParticipantProfileCreateManyInput, steps: Step[], base: Period, random: Random): void {
    const [first, ...rest] = identity.fullName.split(' ');
    const profileId = stableId('participant-profile', key, 'duplicate');
    const teacherId = stableId('teacher', key, 'duplicate');
    const registeredAt = addDays(base.start, random.int(1, 30));
    // Some are registered again without their TRN: only the name and date of birth give them away.
    const duplicateTrn = random.chance(0.4) ? null : trn;
    this.result.rows.teachers.push({ id: teacherId, fullName: identity.fullName, email: this.identities.email(first, rest.join(' ')), trn: duplicateTrn, dateOfBirth: identity.dateOfBirth, createdAt: registeredAt });
    this.ectProfiles.push({
      ...original,
      id: profileId,
      teacherId,
      schoolCohortId: base.schoolCohort.id,
      cohortId: base.cohort.id,
      scheduleId: base.schedule.id,
      status: 'active',
      trainingStatus: 'active',
      profileDuplicity: 'secondary',
      inductionCompletionDate: null,
      eligibilityStatus: 'ineligible',
      eligibilityReason: 'duplicate_profile',
      notes: null,
      cohortChangedAfterPaymentsFrozen: false,
      createdAt: registeredAt,
      updatedAt: registeredAt,
    });
    this.addRecords(profileId, [{ period: base, start: registeredAt, end: null, inductionStatus: 'active', trainingStatus: 'active', schoolTransfer: false, mentor: null }], [], 'ect');
    this.result.plans.push({
      profileId,
      teacherId,
      type: 'ect',
      funding: 'duplicate',
      pupilPremiumUplift: original.pupilPremiumUplift ?? false,
      sparsityUplift: original.sparsityUplift ?? false,
      mentorTeacherId: null,
      steps: steps.slice(0, 2),
    });
  }
}

/** Mentors who trained in the early roll-out completed then; others complete with their completed declaration. */
function mentorCompletion(type: ParticipantType, completedAt: Date | null, earlyRollOutCompletion: Date | null): Pick<Prisma.ParticipantProfileCreateManyInput, 'mentorCompletionDate' | 'mentorCompletionReason'> {
  if (type !== 'mentor') return { mentorCompletionDate: null, mentorCompletionReason: null };
  if (earlyRollOutCompletion) return { mentorCompletionDate: earlyRollOutCompletion, mentorCompletionReason: 'completed_during_early_roll_out' };
  if (completedAt) return { mentorCompletionDate: completedAt, mentorCompletionReason: 'completed_declaration_received' };
  return { mentorCompletionDate: null, mentorCompletionReason: null };
}

export function buildParticipants(context: Context, schoolCohorts: SchoolCohorts, schools: Schools, appropriateBodies: AppropriateBodies): Participants {
  return new ParticipantBuilder(context, schoolCohorts, schools, appropriateBodies).build();
}
