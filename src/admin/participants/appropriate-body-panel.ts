// The participant page's appropriate body panel: what the school reported, what the body confirmed, and the one
// in effect, for the appropriate body and the training programme type alike.
import type { ActionContext, ActionRequest, ActionResponse, PropertyOptions } from 'adminjs';
import { resolveAppropriateBody } from '../../actions/appropriate-bodies/find-appropriate-body-resolutions.js';
import { ECTS_ONLY } from '../../actions/appropriate-bodies/record-appropriate-body-claim.js';
import { Components } from '../components/index.js';

export const APPROPRIATE_BODY_PROPERTY = 'appropriateBodyPanel';

export const appropriateBodyProperty: PropertyOptions = {
  type: 'mixed',
  isVisible: { list: false, filter: false, show: true, edit: false },
  components: { show: Components.AppropriateBodyPanel },
};

export async function withAppropriateBodyPanel(response: ActionResponse, _request: ActionRequest, { record }: ActionContext) {
  if (!record || !response.record) return response;
  const resolution = await resolveAppropriateBody(String(record.id()));
  response.record.params[APPROPRIATE_BODY_PROPERTY] = JSON.stringify(resolution ?? { notApplicable: ECTS_ONLY });
  return response;
}
