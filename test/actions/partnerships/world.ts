// Starting points shared by the partnership tests: a lead provider and delivery partner able to partner a
// school for a cohort, plus helpers to prove a refusal wrote nothing.
import type { Cohort, DeliveryPartner, InductionProgramme, LeadProvider, School, SchoolCohort } from '@prisma/client';
import { db } from '../../../src/db/client.js';
import type { ActorContext } from '../../../src/actions/actor.js';
import {
  createCohort, createDeliveryPartner, createLeadProvider, createParticipant, createProviderRelationship, createSchedule, createSchool,
  type ParticipantWorld,
} from '../../support/factories.js';

export interface ReportWorld {
  cohort: Cohort;
  school: School;
  leadProvider: LeadProvider;
  deliveryPartner: DeliveryPartner;
  api: ActorContext;
  /** A valid POST body for this world. */
  body: { cohort: string; schoolId: string; deliveryPartnerId: string };
}

export function apiContext(leadProvider: LeadProvider): ActorContext {
  return { actor: { kind: 'api', cpdLeadProviderId: leadProvider.cpdLeadProviderId, leadProviderId: leadProvider.id, name: leadProvider.name } };
}

/** A lead provider and a delivery partner with a provider relationship for the cohort, and an eligible school. */
export async function createReportWorld(startYear = 2024, school?: School): Promise<ReportWorld> {
  const cohort = await createCohort(startYear);
  const leadProvider = await createLeadProvider({ cohorts: [cohort] });
  const deliveryPartner = await createDeliveryPartner();
  await createProviderRelationship(leadProvider, deliveryPartner, cohort);
  const theSchool = school ?? (await createSchool({ primaryContactEmail: 'head@school.example' }));
  return {
    cohort,
    school: theSchool,
    leadProvider,
    deliveryPartner,
    api: apiContext(leadProvider),
    body: { cohort: String(startYear), schoolId: theSchool.id, deliveryPartnerId: deliveryPartner.id },
  };
}

/** Row counts of everything a partnership action may write. */
export async function writtenRows() {
  const d = db();
  const [partnerships, schoolCohorts, programmes, inductionRecords, audits, emails] = await Promise.all([
    d.partnership.count(),
    d.schoolCohort.count(),
    d.inductionProgramme.count(),
    d.inductionRecord.count(),
    d.auditEvent.count(),
    d.emailOutbox.count(),
  ]);
  return { partnerships, schoolCohorts, programmes, inductionRecords, audits, emails };
}

/** An ECT training under `programme` (the factory only reads the cohort, school cohort, programme and schedule). */
export async function enrolParticipant(w: ReportWorld, schoolCohort: SchoolCohort, programme: InductionProgramme, startDate?: Date) {
  const world = { ...w, schoolCohort, programme, schedule: await createSchedule(w.cohort) } as unknown as ParticipantWorld;
  return createParticipant(world, startDate ? { startDate } : {});
}
