import type { ActionContext, ActionRequest, ActionResponse } from 'adminjs';
import { findCohortOverview } from '../../actions/cohorts/find-cohort-overview.js';
import { Components } from '../components/index.js';
import { cohortSetupImport } from '../imports/cohort-setup-import.js';
import { importAction } from '../imports/import-action.js';
import { nav } from '../navigation.js';
import { allowReaders } from '../rbac.js';
import { defineResource } from './define-resource.js';

const OVERVIEW_PROPERTY = 'cohortOverview';

/** The cohort page's lead providers, contracts (for those who may read them), schedules and statements. */
async function withOverview(response: ActionResponse, _request: ActionRequest, context: ActionContext) {
  const id = context.record?.id();
  if (!id || !response.record) return response;
  const overview = await findCohortOverview(String(id), { withContracts: allowReaders('contracts.read')(context) });
  response.record.params[OVERVIEW_PROPERTY] = JSON.stringify(overview);
  return response;
}

export const cohortResources = () => [
  defineResource({
    model: 'Cohort', table: 'cohorts', navigation: nav.cohorts, readers: 'everyone', titleProperty: 'startYear',
    list: ['startYear', 'registrationStartDate', 'academicYearStartDate', 'paymentsFrozenAt', 'mentorFunding'],
    show: ['startYear', 'registrationStartDate', 'academicYearStartDate', 'automaticAssignmentPeriodEndDate',
      'paymentsFrozenAt', 'mentorFunding', 'detailedEvidenceTypes', 'createdAt', 'updatedAt', OVERVIEW_PROPERTY],
    properties: {
      [OVERVIEW_PROPERTY]: { type: 'mixed', isVisible: { list: false, filter: false, show: true, edit: false }, components: { show: Components.CohortOverview } },
    },
    sort: { sortBy: 'startYear', direction: 'desc' },
    actions: { importSetup: importAction(cohortSetupImport), show: { after: [withOverview] } },
  }),
  defineResource({
    model: 'Schedule', table: 'schedules', navigation: nav.cohorts, readers: 'everyone',
    list: ['name', 'scheduleIdentifier', 'type', 'cohort'], filter: ['scheduleIdentifier', 'type', 'cohort'],
  }),
  defineResource({
    model: 'Milestone', table: 'milestones', navigation: nav.cohorts, readers: 'everyone',
    list: ['schedule', 'name', 'declarationType', 'startDate', 'milestoneDate', 'paymentDate'],
    filter: ['schedule', 'declarationType'],
  }),
  defineResource({
    model: 'CallOffContract', table: 'call_off_contracts', navigation: nav.cohorts, readers: 'contracts.read',
    titleProperty: 'version',
    list: ['leadProvider', 'cohort', 'version', 'recruitmentTarget', 'setUpFee', 'monthlyServiceFee', 'upliftAmount'],
    filter: ['leadProvider', 'cohort', 'version'],
    money: ['setUpFee', 'monthlyServiceFee', 'upliftAmount'],
  }),
  defineResource({
    model: 'ParticipantBand', table: 'participant_bands', navigation: nav.cohorts, readers: 'contracts.read',
    titleProperty: 'id',
    list: ['callOffContract', 'min', 'max', 'perParticipant', 'outputPaymentPercentage', 'serviceFeePercentage'],
    filter: ['callOffContract'], money: ['perParticipant'],
  }),
  defineResource({
    model: 'MentorCallOffContract', table: 'mentor_call_off_contracts', navigation: nav.cohorts, readers: 'contracts.read',
    titleProperty: 'version',
    list: ['leadProvider', 'cohort', 'version', 'recruitmentTarget', 'paymentPerParticipant'],
    filter: ['leadProvider', 'cohort'], money: ['paymentPerParticipant'],
  }),
];
