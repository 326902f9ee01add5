import { bulkAction } from '../bulk/bulk-action.js';
import { requestTrnChecks } from '../bulk/request-trn-checks.js';
import { confirmAction } from '../confirm/confirm-action.js';
import { moveFromFrozenCohortPage } from '../confirm/move-from-frozen-cohort-page.js';
import { changeCohortAction } from '../participants/change-cohort-action.js';
import { recordAppropriateBodyConfirmationPage } from '../confirm/record-appropriate-body-confirmation-page.js';
import { nav } from '../navigation.js';
import { APPROPRIATE_BODY_PROPERTY, appropriateBodyProperty, withAppropriateBodyPanel } from '../participants/appropriate-body-panel.js';
import { openParticipantPage } from '../participants/open-participant-page.js';
import { recordTrnCheckAnswerPage } from '../trn-checks/record-trn-check-answer-page.js';
import { requestTrnCheckPage } from '../trn-checks/request-trn-check-page.js';
import { defineResource } from './define-resource.js';

// Identity data is masked for the roles that may not see it by every record's serialisation
// (src/admin/record-visibility.ts), here and wherever a teacher is a populated reference.
export const participantResources = () => [
  defineResource({
    model: 'Teacher', table: 'teachers', navigation: nav.participants, readers: 'participants.read', titleProperty: 'fullName',
    searchColumns: ['email', 'trn'],
    list: ['fullName', 'email', 'trn', 'updatedAt'], filter: ['fullName', 'email', 'trn'],
    show: ['id', 'fullName', 'email', 'trn', 'dateOfBirth', 'nationalInsuranceNumber', 'createdAt', 'updatedAt'],
    properties: { fullName: { description: 'Search by name, email or TRN' } },
    actions: { participantPage: openParticipantPage((params) => params.id) },
  }),
  defineResource({
    model: 'ParticipantProfile', table: 'participant_profiles', navigation: nav.participants, readers: 'participants.read', titleProperty: 'id',
    list: ['teacher', 'type', 'cohort', 'schoolCohort', 'trainingStatus', 'status', 'eligibilityStatus'],
    filter: ['teacher', 'type', 'cohort', 'trainingStatus', 'status', 'eligibilityStatus', 'trnValidationState', 'cohortChangedAfterPaymentsFrozen'],
    show: ['id', 'teacher', 'type', 'cohort', 'schoolCohort', 'schedule', 'mentorProfile', 'status', 'trainingStatus',
      'profileDuplicity', 'trnValidationState', 'eligibilityStatus', 'eligibilityReason', 'pupilPremiumUplift', 'sparsityUplift',
      'inductionStartDate', 'inductionCompletionDate', 'mentorCompletionDate', 'mentorCompletionReason', 'notes',
      'cohortChangedAfterPaymentsFrozen', 'archivedAt', 'createdAt', 'updatedAt', APPROPRIATE_BODY_PROPERTY],
    properties: { [APPROPRIATE_BODY_PROPERTY]: appropriateBodyProperty },
    sort: { sortBy: 'updatedAt', direction: 'desc' },
    actions: {
      show: { after: withAppropriateBodyPanel },
      participantPage: openParticipantPage((params) => params.teacher),
      moveFromFrozenCohort: confirmAction(moveFromFrozenCohortPage),
      changeCohort: changeCohortAction,
      recordAppropriateBodyConfirmation: confirmAction(recordAppropriateBodyConfirmationPage),
      requestTrnCheck: confirmAction(requestTrnCheckPage),
      requestTrnChecks: bulkAction(requestTrnChecks),
    },
  }),
  defineResource({
    model: 'TrnCheckRequest', table: 'trn_check_requests', navigation: nav.participants, readers: 'participants.read', titleProperty: 'fullName',
    list: ['fullName', 'state', 'trnGiven', 'reason', 'createdAt', 'adapter', 'trnFound'],
    filter: ['state', 'fullName', 'adapter', 'ticketId', 'createdAt'],
    show: ['fullName', 'state', 'participantProfile', 'dateOfBirth', 'nationalInsuranceNumber', 'trnGiven', 'reason', 'requestedBy', 'createdAt',
      'adapter', 'ticketId', 'sentAt', 'lastPolledAt', 'trnFound', 'failureNote', 'answeredBy', 'answeredAt'],
    sort: { sortBy: 'createdAt', direction: 'asc' },
    properties: { adapter: { availableValues: [{ value: 'back_office', label: 'Back office queue' }, { value: 'zendesk', label: 'Zendesk' }] } },
    actions: { recordTrnCheckAnswer: confirmAction(recordTrnCheckAnswerPage) },
  }),
  defineResource({
    model: 'InductionRecord', table: 'induction_records', navigation: nav.participants, readers: 'participants.read', titleProperty: 'id',
    list: ['participantProfile', 'inductionProgramme', 'startDate', 'endDate', 'inductionStatus', 'trainingStatus', 'schoolTransfer'],
    filter: ['participantProfile', 'inductionStatus', 'trainingStatus', 'schoolTransfer', 'schedule'],
    sort: { sortBy: 'startDate', direction: 'desc' },
  }),
  defineResource({
    model: 'ParticipantProfileState', table: 'participant_profile_states', navigation: nav.participants, readers: 'participants.read',
    titleProperty: 'state', list: ['participantProfile', 'state', 'reason', 'cpdLeadProvider', 'createdAt'],
    filter: ['participantProfile', 'state', 'cpdLeadProvider'], auditTrail: false,
  }),
  defineResource({
    model: 'AppropriateBodyClaim', table: 'appropriate_body_claims', navigation: nav.participants, readers: 'participants.read',
    titleProperty: 'source', list: ['participantProfile', 'appropriateBody', 'source', 'trainingProgramme', 'claimedAt', 'withdrawnAt'],
    filter: ['participantProfile', 'appropriateBody', 'source'],
  }),
];
