// Each kind of audit event in words, as the audit log page and its download say it: one table keyed by the
// event's name (every kind of event is listed in src/actions/audit/events.ts; test/actions/audit.test.ts
// checks both lists name the same events). A name missing from the table still reads as words
// ("school.updated" → "School updated").

export const AUDIT_EVENT_WORDS: Readonly<Record<string, string>> = {
  'api_token.created': 'API token created',
  'api_token.revoked': 'API token revoked',
  'appropriate_body.imported': 'Appropriate bodies imported',
  'appropriate_body_claim.recorded': 'Appropriate body claim recorded',
  'approval.approved': 'Request approved',
  'approval.rejected': 'Request rejected',
  'call_off_contract.created': 'Call-off contract created',
  'check_data.downloaded': 'Check data file downloaded',
  'cohort.created': 'Cohort created',
  'cohort.updated': 'Cohort changed',
  'cohort_setup.imported': 'Cohort set-up imported',
  'declaration.clawback_requested': 'Declaration to be clawed back',
  'declaration.clawback_requested_for_approval': 'Clawback requested for approval',
  'declaration.submitted': 'Declaration submitted',
  'declaration.voided': 'Declaration voided',
  'delivery_partner.created': 'Delivery partner added',
  'delivery_partner.discarded': 'Delivery partner discarded',
  'delivery_partner.relationships_changed': "Delivery partner's lead providers changed",
  'delivery_partner.updated': 'Delivery partner changed',
  'export.downloaded': 'Export downloaded',
  'gias.imported': 'GIAS school data imported',
  'job.run_requested': 'Job run requested',
  'lead_provider.updated': 'Lead provider changed',
  'lead_provider_cohort.created': 'Lead provider added to a cohort',
  'list.exported': 'List downloaded',
  'maintenance.switched_off': 'Maintenance mode switched off',
  'maintenance.switched_on': 'Maintenance mode switched on',
  'mentor_call_off_contract.created': 'Mentor call-off contract created',
  'participant.archived': 'Participant removed (archived)',
  'participant.cohort_changed': "Participant's cohort changed",
  'participant.deferred': 'Participant deferred',
  'participant.details_changed': "Participant's name or email changed",
  'participant.identity_changed': "Participant's TRN, date of birth or NI number changed",
  'participant.merged': 'Duplicate participant merged in',
  'participant.merged_into': 'Participant merged into another',
  'participant.moved_from_frozen_cohort': 'Participant moved out of a frozen cohort',
  'participant.note_added': 'Note added to participant',
  'participant.provider_changed': "Participant's lead provider or delivery partner changed",
  'participant.resumed': 'Participant resumed',
  'participant.schedule_changed': "Participant's schedule changed",
  'participant.transferred': 'Participant transferred to another school',
  'participant.trn_check_answered': "Participant's TRN check answered",
  'participant.trn_check_requested': 'TRN check requested for participant',
  'participant.withdrawn': 'Participant withdrawn',
  'partnership.challenged': 'Partnership challenged',
  'partnership.reported': 'Partnership reported',
  'portal_role.created': 'Portal role given',
  'portal_user.created': 'Portal user added',
  'portal_user.disabled': 'Portal user disabled',
  'portal_user.enabled': 'Portal user enabled',
  'portal_user.sign_in_link_requested': 'Portal sign-in link requested',
  'portal_user.signed_in': 'Portal user signed in',
  'portal_user.updated': 'Portal user changed',
  'pupil_premium.flags_changed': 'Pupil premium or sparsity changed',
  'pupil_premium.imported': 'Pupil premium and sparsity imported',
  'saved_filter.deleted': 'Saved filter deleted',
  'saved_filter.saved': 'Filter saved',
  'schedule.created': 'Schedule created',
  'schedule.milestones_added': 'Milestones added to schedule',
  'schedule.updated': 'Schedule changed',
  'school.created_from_gias': 'School added from GIAS',
  'school.induction_tutor_added': 'Induction tutor added',
  'school.induction_tutor_replaced': 'Induction tutor replaced',
  'school.updated': 'School changed',
  'school.updated_from_gias': 'School changed from GIAS',
  'school_cohort.induction_programme_changed': 'Induction programme changed',
  'school_cohort.updated': 'School cohort changed',
  'statement.adjustment_added': 'Adjustment added',
  'statement.adjustment_changed': 'Adjustment changed',
  'statement.adjustment_removed': 'Adjustment removed',
  'statement.adjustment_requested': 'Adjustment requested for approval',
  'statement.authorisation_requested': 'Payment authorisation requested',
  'statement.authorised_for_payment': 'Statement authorised for payment',
  'statement.created': 'Statements created',
  'statement.marked_payable': 'Statement marked payable',
  'teacher.trn_confirmed_by_tra': 'TRN confirmed by the TRA',
  'trn_check.not_found': 'TRN check answered: no TRN found',
  'trn_check.requested': 'TRN check requested',
  'trn_check.sent': 'TRN check sent to the TRA',
  'trn_check.trn_found': 'TRN check answered: TRN found',
  'user.created': 'User added',
  'user.disabled': 'User disabled',
  'user.enabled': 'User enabled',
  'user.role_changed': "User's role changed",
  'user.sign_in_refused': 'Sign-in refused',
  'user.signed_in': 'Signed in',
  'user.updated': 'User changed',
};

/** "participant.note_added" → "Participant note added", for an event the table does not name. */
const fromName = (action: string) => {
  const words = action.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const eventInWords = (action: string): string =>
  Object.hasOwn(AUDIT_EVENT_WORDS, action) ? AUDIT_EVENT_WORDS[action] : fromName(action);

/** The kinds of event a person can pick from, by their words. */
export const eventKinds = (): { value: string; label: string }[] =>
  Object.entries(AUDIT_EVENT_WORDS).map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));

export interface FieldChange { field: string; label: string; before?: string; after?: string }

/** How a page says a stored text value of a field (an enum value or a date in words); text stays as it is without one. */
export type SayValue = (value: string, field: string) => string;

/** A value as a person reads it: nothing as "(none)", yes/no, text through `say`, anything else as JSON. */
export function valueInWords(value: unknown, say: SayValue = (v) => v, field = ''): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return say(value, field);
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/**
 * What changed, field by field, from an event's (already masked) before and after. A value that is not a
 * record (masked whole, or a plain value) is one change without a field.
 */
export function changesInWords(before: unknown, after: unknown, label: (field: string) => string, say?: SayValue): FieldChange[] {
  const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if ((before !== null && before !== undefined && !isRecord(before)) || (after !== null && after !== undefined && !isRecord(after))) {
    return [{
      field: '', label: '',
      ...(before !== null && before !== undefined ? { before: valueInWords(before, say) } : {}),
      ...(after !== null && after !== undefined ? { after: valueInWords(after, say) } : {}),
    }];
  }
  const b = isRecord(before) ? before : undefined;
  const a = isRecord(after) ? after : undefined;
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return fields.map((field) => ({
    field, label: label(field),
    ...(b && field in b ? { before: valueInWords(b[field], say, field) } : {}),
    ...(a && field in a ? { after: valueInWords(a[field], say, field) } : {}),
  }));
}

/** The changes as one line of text (the download's "Changes" column). */
export const changesAsText = (changes: FieldChange[]): string =>
  changes.map((c) => {
    const value = c.before !== undefined && c.after !== undefined ? `${c.before} → ${c.after}` : c.after !== undefined ? c.after : `${c.before} (removed)`;
    return c.label ? `${c.label}: ${value}` : value;
  }).join('; ');
