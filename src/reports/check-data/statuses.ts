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
