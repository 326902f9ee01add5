// The school page's Cohorts section: findSchoolCohorts for the record, with the links to act on each cohort for
// the roles that may (the actions re-check anyway).
import type { ActionContext, ActionRequest, ActionResponse, PropertyOptions } from 'adminjs';
import { can } from '../../actions/authz.js';
import { findSchoolCohorts, type SchoolCohortSummary } from '../../actions/partnerships/find-school-cohorts.js';
import { Components } from '../components/index.js';
import { roleOf } from '../rbac.js';

export const COHORTS_PROPERTY = 'cohorts';

export interface CohortsTab {
  cohorts: (SchoolCohortSummary & {
    changeProgrammeUrl: string | null;
    partnerships: (SchoolCohortSummary['partnerships'][number] & { url: string; challengeUrl: string | null })[];
  })[];
}

/** The virtual property that carries the tab on the show page. */
export const cohortsProperty: PropertyOptions = {
  type: 'mixed',
  isVisible: { list: false, filter: false, show: true, edit: false },
  components: { show: Components.SchoolCohorts },
};

export async function withCohortsTab(response: ActionResponse, _request: ActionRequest, { record, currentAdmin, h }: ActionContext) {
  if (!record || !response.record) return response;
  const role = roleOf(currentAdmin);
  const mayChallenge = !!role && can(role, 'partnerships.challenge_late');
  const mayChangeProgramme = !!role && can(role, 'partnerships.edit');
  const cohorts = await findSchoolCohorts(String(record.id()));
  const tab: CohortsTab = {
    cohorts: cohorts.map((cohort) => ({
      ...cohort,
      changeProgrammeUrl: mayChangeProgramme && cohort.schoolCohortId
        ? h.recordActionUrl({ resourceId: 'SchoolCohort', recordId: cohort.schoolCohortId, actionName: 'changeInductionProgramme' })
        : null,
      partnerships: cohort.partnerships.map((p) => ({
        ...p,
        url: h.recordActionUrl({ resourceId: 'Partnership', recordId: p.id, actionName: 'show' }),
        // As on the partnership page: a challenged or relationship partnership cannot be challenged.
        challengeUrl: mayChallenge && (p.state === 'active' || p.state === 'pending')
          ? h.recordActionUrl({ resourceId: 'Partnership', recordId: p.id, actionName: 'challenge' })
          : null,
      })),
    })),
  };
  response.record.params[COHORTS_PROPERTY] = JSON.stringify(tab);
  return response;
}
