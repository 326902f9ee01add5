import { updateSchool } from '../../actions/schools/update-school.js';
import { confirmAction } from '../confirm/confirm-action.js';
import { challengePartnershipPage } from '../confirm/challenge-partnership-page.js';
import { changeInductionProgrammePage } from '../confirm/change-induction-programme-page.js';
import { replaceInductionTutorPage } from '../confirm/replace-induction-tutor-page.js';
import { giasImport } from '../imports/gias-import.js';
import { importAction } from '../imports/import-action.js';
import { pupilPremiumImport } from '../imports/pupil-premium-import.js';
import { organisationUsersLink } from '../data-quality/organisation-users-link.js';
import { nav } from '../navigation.js';
import { COHORTS_PROPERTY, cohortsProperty, withCohortsTab } from '../schools/cohorts-tab.js';
import { PARTICIPANTS_PROPERTY, participantsProperty, withParticipants } from '../schools/participants-section.js';
import { PUPIL_PREMIUM_PROPERTY, pupilPremiumProperty, withPupilPremiums } from '../schools/pupil-premium-section.js';
import { defineResource } from './define-resource.js';

export const schoolResources = () => [
  defineResource({
    model: 'School', table: 'schools', navigation: nav.schools, readers: 'everyone', searchColumns: ['urn'],
    list: ['urn', 'name', 'localAuthorityName', 'schoolTypeName', 'schoolStatusName'],
    filter: ['name', 'urn', 'localAuthorityName', 'schoolTypeCode', 'schoolStatusCode', 'section41Approved'],
    show: ['urn', 'name', 'ukprn', 'schoolTypeCode', 'schoolTypeName', 'schoolStatusCode', 'schoolStatusName',
      'localAuthorityCode', 'localAuthorityName', 'administrativeDistrictCode', 'administrativeDistrictName', 'postcode',
      'primaryContactEmail', 'secondaryContactEmail', 'inductionTutorName', 'inductionTutorEmail', 'section41Approved', 'createdAt', 'updatedAt', COHORTS_PROPERTY, PARTICIPANTS_PROPERTY, PUPIL_PREMIUM_PROPERTY],
    edit: { permission: 'schools.edit', operation: updateSchool, properties: ['name', 'primaryContactEmail', 'secondaryContactEmail', 'section41Approved'] },
    properties: { name: { description: 'Search by name or URN' }, [COHORTS_PROPERTY]: cohortsProperty, [PARTICIPANTS_PROPERTY]: participantsProperty, [PUPIL_PREMIUM_PROPERTY]: pupilPremiumProperty },
    sort: { sortBy: 'name', direction: 'asc' },
    actions: { show: { after: [withCohortsTab, withParticipants, withPupilPremiums] }, importGias: importAction(giasImport), replaceInductionTutor: confirmAction(replaceInductionTutorPage) },
  }),
  defineResource({
    model: 'PupilPremium', table: 'pupil_premiums', navigation: nav.schools, readers: 'everyone', titleProperty: 'startYear',
    list: ['school', 'startYear', 'pupilPremiumIncentive', 'sparsityIncentive', 'updatedAt'],
    filter: ['school', 'startYear', 'pupilPremiumIncentive', 'sparsityIncentive'],
    actions: { import: importAction(pupilPremiumImport) },
  }),
  defineResource({
    model: 'SchoolCohort', table: 'school_cohorts', navigation: nav.schools, readers: 'everyone', titleProperty: 'id',
    list: ['school', 'cohort', 'inductionProgrammeChoice', 'appropriateBody', 'optOutOfUpdates'],
    filter: ['school', 'cohort', 'inductionProgrammeChoice', 'appropriateBody'],
    actions: { changeInductionProgramme: confirmAction(changeInductionProgrammePage) },
  }),
  defineResource({
    model: 'Partnership', table: 'partnerships', navigation: nav.schools, readers: 'everyone', titleProperty: 'id',
    list: ['school', 'leadProvider', 'deliveryPartner', 'cohort', 'relationship', 'challengedAt', 'challengeReason'],
    filter: ['school', 'leadProvider', 'deliveryPartner', 'cohort', 'relationship', 'challengeReason', 'challengedAt'],
    show: ['school', 'leadProvider', 'deliveryPartner', 'cohort', 'relationship', 'pending', 'challengeDeadline',
      'challengedAt', 'challengeReason', 'reportId', 'createdAt', 'updatedAt'],
    sort: { sortBy: 'updatedAt', direction: 'desc' },
    actions: { challenge: confirmAction(challengePartnershipPage) },
  }),
  defineResource({
    model: 'InductionProgramme', table: 'induction_programmes', navigation: nav.schools, readers: 'everyone', titleProperty: 'trainingProgramme',
    list: ['schoolCohort', 'trainingProgramme', 'partnership', 'createdAt'], filter: ['trainingProgramme', 'schoolCohort', 'partnership'],
  }),
  defineResource({
    model: 'AppropriateBody', table: 'appropriate_bodies', navigation: nav.schools, readers: 'everyone',
    list: ['name', 'bodyType', 'disableFromYear', 'selectableBySchools'], sort: { sortBy: 'name', direction: 'asc' },
    actions: { users: organisationUsersLink('appropriateBody') },
  }),
];
