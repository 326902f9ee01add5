// The school page's pupil premium and sparsity section: the school's flags for each cohort start year.
import type { ActionContext, ActionRequest, ActionResponse, PropertyOptions } from 'adminjs';
import { findUpliftFlagsByYear } from '../../actions/schools/find-uplift-flags.js';
import { Components } from '../components/index.js';

export const PUPIL_PREMIUM_PROPERTY = 'pupilPremiumsByYear';

/** The virtual property that carries the section on the show page. */
export const pupilPremiumProperty: PropertyOptions = {
  type: 'mixed',
  isVisible: { list: false, filter: false, show: true, edit: false },
  components: { show: Components.SchoolPupilPremium },
};

export async function withPupilPremiums(response: ActionResponse, _request: ActionRequest, { record }: ActionContext) {
  if (!record || !response.record) return response;
  response.record.params[PUPIL_PREMIUM_PROPERTY] = JSON.stringify(await findUpliftFlagsByYear(String(record.id())));
  return response;
}
