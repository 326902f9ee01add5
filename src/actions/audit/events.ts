// Every kind of audit event, by name. A name is "<singular noun>.<what happened>" in snake case (the noun is
// what the event is about, e.g. `school.updated`, `statement.marked_payable`); once written, a name is
// history that people search, so a rename goes with a migration that rewrites the stored events
// (prisma/migrations/*_audit_ip_and_event_names). Each entry says which kinds of record an event is about
// (its subjectType); the data an event carries is typed below where callers share its shape.
import type { Prisma } from '@prisma/client';

/** What an event is about when it is not one record the back office shows (src/actions/field-visibility.ts maps these to models). */
type ImportSubject = 'SchoolImport' | 'CohortSetupImport';
type Subject = Prisma.ModelName | ImportSubject | 'Job' | 'Export';

export const AUDIT_EVENTS = {
  'api_token.created': ['ApiToken'],
  'api_token.revoked': ['ApiToken'],
  'appropriate_body.imported': ['AppropriateBody'],
  'appropriate_body_claim.recorded': ['ParticipantProfile'],
  'approval.approved': ['Statement', 'Declaration'],
  'approval.rejected': ['Statement', 'Declaration'],
  'call_off_contract.created': ['CallOffContract'],
  'check_data.downloaded': ['DeliveryPartner'],
  'cohort.created': ['Cohort'],
  'cohort.updated': ['Cohort'],
  'cohort_setup.imported': ['CohortSetupImport'],
  'declaration.clawback_requested': ['Declaration'],
  'declaration.clawback_requested_for_approval': ['Declaration'],
  'declaration.submitted': ['Declaration'],
  'declaration.voided': ['Declaration'],
  'delivery_partner.created': ['DeliveryPartner'],
  'delivery_partner.discarded': ['DeliveryPartner'],
  'delivery_partner.relationships_changed': ['DeliveryPartner'],
  'delivery_partner.updated': ['DeliveryPartner'],
  'export.downloaded': ['Export'],
  'gias.imported': ['SchoolImport'],
  'job.run_requested': ['Job'],
  'lead_provider.updated': ['LeadProvider'],
  'lead_provider_cohort.created': ['LeadProviderCohort'],
  /** About the listed kind of record (the back office's resource), whichever it is. */
  'list.exported': 'any',
  'maintenance.switched_off': ['Setting'],
  'maintenance.switched_on': ['Setting'],
  'mentor_call_off_contract.created': ['MentorCallOffContract'],
  'participant.archived': ['ParticipantProfile'],
  'participant.cohort_changed': ['ParticipantProfile'],
  'participant.deferred': ['ParticipantProfile'],
  'participant.details_changed': ['Teacher'],
  'participant.identity_changed': ['Teacher'],
  'participant.merged': ['Teacher'],
  'participant.merged_into': ['Teacher'],
  'participant.moved_from_frozen_cohort': ['ParticipantProfile'],
  'participant.note_added': ['ParticipantProfile'],
  'participant.provider_changed': ['ParticipantProfile'],
  'participant.resumed': ['ParticipantProfile'],
  'participant.schedule_changed': ['ParticipantProfile'],
  'participant.transferred': ['ParticipantProfile'],
  'participant.trn_check_answered': ['ParticipantProfile'],
  'participant.trn_check_requested': ['ParticipantProfile'],
  'participant.withdrawn': ['ParticipantProfile'],
  'partnership.challenged': ['Partnership'],
  'partnership.reported': ['Partnership'],
  'portal_role.created': ['PortalUser'],
  'portal_user.created': ['PortalUser'],
  'portal_user.disabled': ['PortalUser'],
  'portal_user.enabled': ['PortalUser'],
  'portal_user.sign_in_link_requested': ['PortalUser'],
  'portal_user.signed_in': ['PortalUser'],
  'portal_user.updated': ['PortalUser'],
  'pupil_premium.flags_changed': ['Cohort'],
  'pupil_premium.imported': ['Cohort'],
  'saved_filter.deleted': ['SavedFilter'],
  'saved_filter.saved': ['SavedFilter'],
  'schedule.created': ['Schedule'],
  'schedule.milestones_added': ['Schedule'],
  'schedule.updated': ['Schedule'],
  'school.created_from_gias': ['School'],
  'school.induction_tutor_added': ['School'],
  'school.induction_tutor_replaced': ['School'],
  'school.updated': ['School'],
  'school.updated_from_gias': ['School'],
  'school_cohort.induction_programme_changed': ['SchoolCohort'],
  'school_cohort.updated': ['SchoolCohort'],
  'statement.adjustment_added': ['Statement'],
  'statement.adjustment_changed': ['Statement'],
  'statement.adjustment_removed': ['Statement'],
  'statement.adjustment_requested': ['Statement'],
  'statement.authorisation_requested': ['Statement'],
  'statement.authorised_for_payment': ['Statement'],
  /** One event per cohort, listing the statements a cohort setup import created for it. */
  'statement.created': ['Cohort'],
  'statement.marked_payable': ['Statement'],
  'teacher.trn_confirmed_by_tra': ['Teacher'],
  'trn_check.not_found': ['TrnCheckRequest'],
  'trn_check.requested': ['TrnCheckRequest'],
  'trn_check.sent': ['TrnCheckRequest'],
  'trn_check.trn_found': ['TrnCheckRequest'],
  'user.created': ['User'],
  'user.disabled': ['User'],
  'user.enabled': ['User'],
  'user.role_changed': ['User'],
  'user.sign_in_refused': ['User'],
  'user.signed_in': ['User'],
  'user.updated': ['User'],
} as const satisfies Record<string, readonly Subject[] | 'any'>;

export type AuditAction = keyof typeof AUDIT_EVENTS;

type SubjectOf<A extends AuditAction> = (typeof AUDIT_EVENTS)[A] extends readonly (infer S)[] ? S : string;

/** What most events carry: the changed fields before and after, and why. */
export interface AuditChanges {
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** A summary of one file import, for the events written when an import is applied. */
interface ImportSummary { file: string; rows: number }

/** Events whose data several writers share, typed; every other event carries AuditChanges. */
interface TypedData {
  'gias.imported': { after: ImportSummary & { added: number; closed: number; changed: number; unchanged: number }; reason: string };
  'pupil_premium.imported': {
    after: ImportSummary & { startYear: number; created: number; updated: number; unchanged: number; flags: unknown; unknownUrns: number; warnings: number };
    reason: string;
  };
  'appropriate_body.imported': { after: ImportSummary & { created: number } };
  'cohort_setup.imported': { after: { files: { kind: string; file: string; rows: number }[]; counts: unknown; warnings: number }; reason: string };
  'statement.created': { after: { cohort: number; statements: unknown[] }; reason?: string | null };
}

export type AuditData<A extends AuditAction> = A extends keyof TypedData ? TypedData[A] & Omit<AuditChanges, keyof TypedData[A]> : AuditChanges;

/** One audit event's fields: the union of every kind, discriminated by `action`. */
export type AuditEventFields = { [A in AuditAction]: { action: A; subjectType: SubjectOf<A>; subjectId: string } & AuditData<A> }[AuditAction];

declare const BUILT: unique symbol;
/** An audit event made by its builder (`auditEvents` below): recordAudit takes no other, so none is written by hand. */
export type AuditEvent = AuditEventFields & { readonly [BUILT]: true };

/** The event `action` about one record: its subject type is the event's own when it has just one (callers use `auditEvents`). */
function auditEvent<A extends AuditAction>(
  action: A,
  subject: (typeof AUDIT_EVENTS)[A] extends readonly [infer Only] ? { subjectId: string; subjectType?: Only } : { subjectId: string; subjectType: SubjectOf<A> },
  data: AuditData<A>,
): AuditEvent {
  const kinds = AUDIT_EVENTS[action] as readonly string[] | 'any';
  const subjectType = subject.subjectType ?? (kinds === 'any' ? undefined : kinds[0]);
  if (subjectType === undefined) throw new Error(`The audit event ${action} needs a subject type`);
  return { action, subjectType, subjectId: subject.subjectId, ...data } as AuditEvent;
}

/** The subject types an event may be about ('any' for an event about whichever kind of record it names). */
export const subjectTypesOf = (action: AuditAction): readonly string[] | 'any' => AUDIT_EVENTS[action];

export const isAuditAction = (name: string): name is AuditAction => Object.hasOwn(AUDIT_EVENTS, name);

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
/** An event's builder name: `partnership.challenged` is `partnershipChallenged`. */
type BuilderName<A extends string> = A extends `${infer Noun}.${infer Verb}` ? `${CamelCase<Noun>}${Capitalize<CamelCase<Verb>>}` : never;

/** What a builder takes: the record the event is about (its type only when the event may be about several) and the event's data. */
export type AuditEventInput<A extends AuditAction> = ((typeof AUDIT_EVENTS)[A] extends readonly [infer Only]
  ? { subjectId: string; subjectType?: Only }
  : { subjectId: string; subjectType: SubjectOf<A> }) & AuditData<A>;

type AuditEventBuilders = { [A in AuditAction as BuilderName<A>]: (input: AuditEventInput<A>) => AuditEvent };

const builderName = (action: string) => action.replace(/[._]([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/**
 * One named builder per event, so a caller can neither misspell an event nor give it another event's data:
 * `auditEvents.partnershipChallenged({ subjectId, before, after, reason })`.
 */
export const auditEvents = Object.fromEntries(
  (Object.keys(AUDIT_EVENTS) as AuditAction[]).map((action) => [
    builderName(action),
    ({ subjectId, subjectType, ...data }: { subjectId: string; subjectType?: string } & AuditChanges) =>
      auditEvent(action, { subjectId, subjectType } as never, data as never),
  ]),
) as AuditEventBuilders;
