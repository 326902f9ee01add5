// The eight statuses a delivery partner sees, and which of the DfE's training record states
// (TrainingRecordState#record_state) each one covers, as in the DfE's delivery partner status tags.

export const STATUS_LABELS = {
  contacted_for_information: 'Contacted for information',
  dfe_checking_eligibility: 'DfE checking eligibility',
  not_eligible_for_funded_training: 'Not eligible for funded training',
  checking_qts: 'Checking QTS',
  training_or_eligible_for_training: 'Training or eligible for training',
  participant_deferred: 'Participant deferred',
  no_longer_being_trained: 'No longer being trained',
  induction_completed: 'Induction completed',
} as const;

export type StatusId = keyof typeof STATUS_LABELS;
export const STATUS_IDS = Object.keys(STATUS_LABELS) as StatusId[];
export const isStatusId = (value: string): value is StatusId => (STATUS_IDS as string[]).includes(value);

const ELIGIBILITY_CHECK = "We're checking this participant's details with the Teaching Regulation Agency to make sure they're eligible for funding.";
const NOT_ELIGIBLE = 'We’ve checked this participant’s details and found they’re not eligible for this programme.';

/**
 * What each status means, shown beside its label as the DfE's portal does for ECTs and mentors alike, early
 * roll-out mentors included (config/locales/status_tags/delivery_partner_participant_status.yml; every record
 * state of one status shares its words). A completed induction names its date.
 */
export function statusDescription(status: StatusId, inductionCompletionDate: Date | null): string {
  switch (status) {
    case 'contacted_for_information':
    case 'dfe_checking_eligibility':
      return ELIGIBILITY_CHECK;
    case 'not_eligible_for_funded_training':
      return NOT_ELIGIBLE;
    case 'checking_qts':
      return 'This ECT does not have qualified teacher status (QTS) yet. They need this to be eligible for funded training. We’ll keep checking their status and notify you if something changes.';
    case 'training_or_eligible_for_training':
      return 'We’ve confirmed this participant is eligible for this programme. Your training provider will contact them directly.';
    case 'participant_deferred':
      // The DfE's text misspells "participant"; ours does not.
      return 'Your provider has reported that this participant has deferred. Contact the provider if you think this is wrong.';
    case 'no_longer_being_trained':
      return 'Your provider reported they’re not training this participant. Ask them to update us if you think this is wrong.';
    case 'induction_completed':
      return `The Teaching Regulation Agency has recorded that this ECT completed their induction on ${inductionCompletionDate ? longDate(inductionCompletionDate) : ''}.`;
  }
}

/** "5 March 2025", as the DfE writes a day. */
const longDate = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Every record state our query can produce, with the status it shows as. */
export const RECORD_STATE_STATUS = {
  validation_not_started: 'contacted_for_information',
  different_trn: 'dfe_checking_eligibility',
  tra_record_not_found: 'dfe_checking_eligibility',
  checks_not_complete: 'dfe_checking_eligibility',
  active_flags: 'dfe_checking_eligibility',
  no_induction_start: 'dfe_checking_eligibility',
  not_allowed: 'not_eligible_for_funded_training',
  duplicate_profile: 'not_eligible_for_funded_training',
  exempt_from_induction: 'not_eligible_for_funded_training',
  previous_induction: 'not_eligible_for_funded_training',
  active_mentoring_ero: 'not_eligible_for_funded_training',
  not_yet_mentoring_ero: 'not_eligible_for_funded_training',
  not_qualified: 'checking_qts',
  registered_for_fip_training: 'training_or_eligible_for_training',
  active_fip_training: 'training_or_eligible_for_training',
  registered_for_cip_training: 'training_or_eligible_for_training',
  active_cip_training: 'training_or_eligible_for_training',
  registered_for_diy_training: 'training_or_eligible_for_training',
  active_diy_training: 'training_or_eligible_for_training',
  active_mentoring: 'training_or_eligible_for_training',
  not_yet_mentoring: 'training_or_eligible_for_training',
  leaving: 'training_or_eligible_for_training',
  joining: 'training_or_eligible_for_training',
  deferred_training: 'participant_deferred',
  withdrawn_training: 'no_longer_being_trained',
  left: 'no_longer_being_trained',
  withdrawn_programme: 'no_longer_being_trained',
  no_longer_involved: 'no_longer_being_trained',
  not_registered_for_training: 'no_longer_being_trained',
  completed_training: 'induction_completed',
} as const satisfies Record<string, StatusId>;

export type RecordState = keyof typeof RECORD_STATE_STATUS;

export function statusOf(recordState: RecordState): StatusId {
  return RECORD_STATE_STATUS[recordState];
}

/** The record states a status filter matches. */
export function recordStatesFor(status: StatusId): RecordState[] {
  return (Object.keys(RECORD_STATE_STATUS) as RecordState[]).filter((state) => RECORD_STATE_STATUS[state] === status);
}

export const ROLE_LABELS = { ect: 'Early career teacher', mentor: 'Mentor' } as const;
