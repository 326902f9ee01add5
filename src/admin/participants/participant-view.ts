// The participant page's data: the record, masked for roles that do not need identity data, what each lead
// provider's API returns for the person, what the signed-in user may do, and the choices their forms offer.
import type { Role } from '@prisma/client';
import { can } from '../../actions/authz.js';
import { DEFERRAL_REASONS } from '../../actions/participants/lead-provider/training-status-rules.js';
import { withdrawalReasons } from '../../rules/programme-type-names.js';
import { findParticipant } from '../../api/resources/participants.js';
import { db } from '../../db/client.js';
import { participantRecord, type ParticipantRecord } from '../../reports/participants/participant-record.js';
import { visibleRecord } from '../../actions/field-visibility.js';
import { eventSummary } from '../audit-log/audit-log-rows.js';
import { visibleAuditValueFor } from '../model-readers.js';
import { seesIdentity } from './identity-visibility.js';

/** Each lead provider the person has trained with, and the v3 participant resource it would get (null: not visible). */
async function apiViews(record: ParticipantRecord) {
  const ids = [...new Set(record.profiles.flatMap((p) => p.inductionRecords.map((r) => r.leadProviderId)).filter((id): id is string => !!id))];
  const leadProviders = await db().leadProvider.findMany({ where: { id: { in: ids } }, orderBy: { name: 'asc' } });
  return Promise.all(leadProviders.map(async (lp) => ({
    leadProvider: lp.name,
    resource: await findParticipant({ leadProviderId: lp.id, cpdLeadProviderId: lp.cpdLeadProviderId, name: lp.name }, record.teacher.id),
  })));
}

/** Lead provider and delivery partner pairs with a live relationship in each of the person's cohorts. */
async function providerChoices(cohorts: number[]) {
  const relationships = await db().providerRelationship.findMany({
    where: { discardedAt: null, cohort: { startYear: { in: cohorts } }, deliveryPartner: { discardedAt: null } },
    include: { leadProvider: true, deliveryPartner: true, cohort: true },
    orderBy: [{ leadProvider: { name: 'asc' } }, { deliveryPartner: { name: 'asc' } }],
  });
  return relationships.map((r) => ({
    cohort: r.cohort.startYear,
    value: `${r.leadProviderId}|${r.deliveryPartnerId}`,
    label: `${r.leadProvider.name} with ${r.deliveryPartner.name}`,
  }));
}

export async function participantView(teacherId: string, role: Role) {
  const record = await participantRecord(teacherId);
  if (!record) return null;
  record.teacher = visibleRecord(role, 'Teacher', record.teacher);
  const audit = record.audit.map((event) => ({
    ...event, ...eventSummary(role, event),
    before: visibleAuditValueFor(role, event.subjectType, event.before), after: visibleAuditValueFor(role, event.subjectType, event.after),
  }));
  const changeProvider = can(role, 'participants.change_provider');
  return {
    ...record,
    audit,
    apiViews: await apiViews(record),
    permissions: { edit: can(role, 'participants.edit'), changeProvider, seesIdentity: seesIdentity(role) },
    choices: {
      deferralReasons: DEFERRAL_REASONS,
      withdrawalReasons: withdrawalReasons(),
      providers: changeProvider ? await providerChoices([...new Set(record.profiles.map((p) => p.cohort))]) : [],
    },
  };
}
