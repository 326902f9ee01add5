// Valid rows with sensible defaults, for tests. Every factory takes overrides and makes unique names,
// so tests in one database never collide. They write through the Prisma client directly: they build
// the world a test starts from, not the behaviour under test.
import { randomUUID } from 'node:crypto';
import type {
  Cohort, DeclarationState, DeclarationType, DeliveryPartner, InductionProgramme, LeadProvider, LineItemState, ParticipantType,
  Partnership, Prisma, Role, Schedule, School, SchoolCohort, Statement,
} from '@prisma/client';
import { db } from '../../src/db/client.js';
import { hashPassword } from '../../src/auth/password.js';
import type { ActorContext } from '../../src/actions/actor.js';

let counter = 0;
const unique = () => `${++counter}-${randomUUID().slice(0, 6)}`;
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function userContext(role: Role, id = randomUUID()): ActorContext {
  return { actor: { kind: 'user', id, email: `${role}@example.com`, role } };
}

export async function createUser(role: Role, overrides: Partial<Prisma.UserUncheckedCreateInput> & { password?: string } = {}) {
  const { password, ...rest } = overrides;
  return db().user.create({
    data: {
      email: `${role}-${unique()}@example.com`,
      fullName: `Test ${role}`,
      role,
      passwordHash: password ? await hashPassword(password) : null,
      ...rest,
    },
  });
}

export async function createCohort(startYear: number, overrides: Partial<Prisma.CohortUncheckedCreateInput> = {}): Promise<Cohort> {
  const existing = await db().cohort.findUnique({ where: { startYear } });
  if (existing) return existing;
  return db().cohort.create({
    data: {
      startYear,
      registrationStartDate: date(`${startYear}-05-10`),
      academicYearStartDate: date(`${startYear}-09-01`),
      automaticAssignmentPeriodEndDate: date(`${startYear + 1}-03-31`),
      mentorFunding: startYear >= 2025,
      detailedEvidenceTypes: startYear >= 2025,
      ...overrides,
    },
  });
}

export async function createLeadProvider(overrides: { name?: string; vatChargeable?: boolean; cohorts?: Cohort[] } = {}): Promise<LeadProvider> {
  const name = overrides.name ?? `Lead Provider ${unique()}`;
  const cpd = await db().cpdLeadProvider.create({ data: { name } });
  const leadProvider = await db().leadProvider.create({
    data: { name, cpdLeadProviderId: cpd.id, vatChargeable: overrides.vatChargeable ?? true },
  });
  for (const cohort of overrides.cohorts ?? []) {
    await db().leadProviderCohort.create({ data: { leadProviderId: leadProvider.id, cohortId: cohort.id } });
  }
  return leadProvider;
}

export async function createDeliveryPartner(overrides: Partial<Prisma.DeliveryPartnerUncheckedCreateInput> = {}): Promise<DeliveryPartner> {
  return db().deliveryPartner.create({ data: { name: `Delivery Partner ${unique()}`, ...overrides } });
}

export async function createProviderRelationship(leadProvider: LeadProvider, deliveryPartner: DeliveryPartner, cohort: Cohort) {
  return db().providerRelationship.create({
    data: { leadProviderId: leadProvider.id, deliveryPartnerId: deliveryPartner.id, cohortId: cohort.id },
  });
}

let urnCounter = 900000;
export async function createSchool(overrides: Partial<Prisma.SchoolUncheckedCreateInput> = {}): Promise<School> {
  const urn = String(++urnCounter + Math.floor(Math.random() * 50) * 1000).slice(-6);
  return db().school.create({
    data: {
      urn,
      name: `Test School ${unique()}`,
      schoolTypeCode: 1,
      schoolTypeName: 'Community school',
      schoolStatusCode: 1,
      schoolStatusName: 'Open',
      administrativeDistrictCode: 'E09000001',
      administrativeDistrictName: 'City of London',
      localAuthorityName: 'City of London',
      ...overrides,
    },
  });
}

export async function createSchoolCohort(
  school: School,
  cohort: Cohort,
  overrides: Partial<Prisma.SchoolCohortUncheckedCreateInput> = {},
): Promise<SchoolCohort> {
  return db().schoolCohort.create({
    data: { schoolId: school.id, cohortId: cohort.id, inductionProgrammeChoice: 'full_induction_programme', ...overrides },
  });
}

const MILESTONES: [DeclarationType, string][] = [
  ['started', 'Output 1 - Participant Start'],
  ['retained_1', 'Output 2 - Retention Point 1'],
  ['retained_2', 'Output 3 - Retention Point 2'],
  ['retained_3', 'Output 4 - Retention Point 3'],
  ['retained_4', 'Output 5 - Retention Point 4'],
  ['completed', 'Output 6 - Participant Completion'],
  ['extended_1', 'Output 7 - Extended Point 1'],
  ['extended_2', 'Output 8 - Extended Point 2'],
  ['extended_3', 'Output 9 - Extended Point 3'],
];

/** A schedule whose milestones are all open from the cohort's start (milestone dates left open). */
export async function createSchedule(cohort: Cohort, identifier = 'ecf-standard-september'): Promise<Schedule> {
  const existing = await db().schedule.findUnique({ where: { scheduleIdentifier_cohortId: { scheduleIdentifier: identifier, cohortId: cohort.id } } });
  if (existing) return existing;
  return db().schedule.create({
    data: {
      scheduleIdentifier: identifier,
      name: identifier.replace(/^ecf-/, 'ECF ').replace(/-/g, ' '),
      type: identifier.includes('replacement') ? 'mentor' : 'ecf',
      cohortId: cohort.id,
      milestones: {
        create: MILESTONES.map(([declarationType, name]) => ({
          name,
          declarationType,
          startDate: date(`${cohort.startYear}-06-01`),
        })),
      },
    },
  });
}

export async function createPartnership(
  parts: { school: School; leadProvider: LeadProvider; deliveryPartner: DeliveryPartner; cohort: Cohort },
  overrides: Partial<Prisma.PartnershipUncheckedCreateInput> = {},
): Promise<Partnership> {
  return db().partnership.create({
    data: {
      schoolId: parts.school.id,
      leadProviderId: parts.leadProvider.id,
      deliveryPartnerId: parts.deliveryPartner.id,
      cohortId: parts.cohort.id,
      challengeDeadline: new Date(Date.now() + 14 * 86_400_000),
      ...overrides,
    },
  });
}

/** A school cohort on a full induction programme with this partnership as its default. */
export async function createFipProgramme(schoolCohort: SchoolCohort, partnership: Partnership | null): Promise<InductionProgramme> {
  const programme = await db().inductionProgramme.create({
    data: { schoolCohortId: schoolCohort.id, trainingProgramme: 'full_induction_programme', partnershipId: partnership?.id ?? null },
  });
  await db().schoolCohort.update({ where: { id: schoolCohort.id }, data: { defaultInductionProgrammeId: programme.id } });
  return programme;
}

export interface ParticipantWorld {
  cohort: Cohort;
  school: School;
  leadProvider: LeadProvider;
  deliveryPartner: DeliveryPartner;
  partnership: Partnership;
  schoolCohort: SchoolCohort;
  programme: InductionProgramme;
  schedule: Schedule;
}

/** Everything a participant needs: cohort, school, lead provider with relationship, partnership, programme, schedule. */
export async function createParticipantWorld(startYear = 2024, overrides: Partial<ParticipantWorld> = {}): Promise<ParticipantWorld> {
  const cohort = overrides.cohort ?? (await createCohort(startYear));
  const school = overrides.school ?? (await createSchool());
  const leadProvider = overrides.leadProvider ?? (await createLeadProvider({ cohorts: [cohort] }));
  const deliveryPartner = overrides.deliveryPartner ?? (await createDeliveryPartner());
  if (!overrides.leadProvider || !overrides.deliveryPartner) await createProviderRelationship(leadProvider, deliveryPartner, cohort);
  const partnership = overrides.partnership ?? (await createPartnership({ school, leadProvider, deliveryPartner, cohort }));
  const schoolCohort = overrides.schoolCohort ?? (await createSchoolCohort(school, cohort));
  const programme = overrides.programme ?? (await createFipProgramme(schoolCohort, partnership));
  const schedule = overrides.schedule ?? (await createSchedule(cohort));
  return { cohort, school, leadProvider, deliveryPartner, partnership, schoolCohort, programme, schedule };
}

export async function createParticipant(
  world: ParticipantWorld,
  overrides: { type?: ParticipantType; fullName?: string; trn?: string; startDate?: Date; profile?: Partial<Prisma.ParticipantProfileUncheckedCreateInput> } = {},
) {
  const id = unique();
  const teacher = await db().teacher.create({
    data: { fullName: overrides.fullName ?? `Participant ${id}`, email: `participant-${id}@example.com`, trn: overrides.trn ?? String(1000000 + counter) },
  });
  const profile = await db().participantProfile.create({
    data: {
      type: overrides.type ?? 'ect',
      teacherId: teacher.id,
      schoolCohortId: world.schoolCohort.id,
      cohortId: world.cohort.id,
      scheduleId: world.schedule.id,
      trnValidationState: 'valid',
      ...overrides.profile,
    },
  });
  const inductionRecord = await db().inductionRecord.create({
    data: {
      inductionProgrammeId: world.programme.id,
      participantProfileId: profile.id,
      scheduleId: world.schedule.id,
      startDate: overrides.startDate ?? new Date(`${world.cohort.startYear}-09-01T00:00:00Z`),
    },
  });
  return { teacher, profile, inductionRecord };
}

export async function createStatement(
  leadProvider: LeadProvider,
  cohort: Cohort,
  overrides: Partial<Prisma.StatementUncheckedCreateInput> = {},
): Promise<Statement> {
  return db().statement.create({
    data: {
      name: `Statement ${unique()}`,
      cpdLeadProviderId: leadProvider.cpdLeadProviderId,
      cohortId: cohort.id,
      deadlineDate: date(`${cohort.startYear + 1}-01-31`),
      paymentDate: date(`${cohort.startYear + 1}-02-25`),
      ...overrides,
    },
  });
}

/** A declaration in the given state with its state history, on a statement when given. */
export async function createDeclaration(
  participant: { teacher: { id: string }; profile: { id: string; type: ParticipantType; cohortId: string } },
  leadProvider: LeadProvider,
  overrides: { declarationType?: DeclarationType; state?: DeclarationState; statement?: Statement; declarationDate?: Date; deliveryPartnerId?: string } = {},
) {
  const state = overrides.state ?? 'eligible';
  const declaration = await db().declaration.create({
    data: {
      type: participant.profile.type,
      participantProfileId: participant.profile.id,
      teacherId: participant.teacher.id,
      cpdLeadProviderId: leadProvider.cpdLeadProviderId,
      cohortId: participant.profile.cohortId,
      deliveryPartnerId: overrides.deliveryPartnerId ?? null,
      declarationType: overrides.declarationType ?? 'started',
      declarationDate: overrides.declarationDate ?? new Date(Date.now() - 86_400_000),
      courseIdentifier: participant.profile.type === 'ect' ? 'ecf_induction' : 'ecf_mentor',
      evidenceHeld: 'training-event-attended',
      state,
      states: { create: [{ state: 'submitted' }, ...(state === 'submitted' ? [] : [{ state }])] },
    },
  });
  if (overrides.statement && state !== 'submitted') {
    // Every declaration state but `submitted` is also a line item state.
    await db().statementLineItem.create({ data: { statementId: overrides.statement.id, declarationId: declaration.id, state: state as LineItemState } });
  }
  return declaration;
}
