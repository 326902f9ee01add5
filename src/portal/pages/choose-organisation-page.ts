// A person who may act for several organisations picks one for this session (each role's data is
// kept apart). The choice is the PortalRole's id, checked against their own roles on submit.
import { PORTAL_ROLE_KIND_LABELS, type PortalRoleChoice } from '../../actions/portal/portal-roles.js';
import { html } from '../html.js';
import { csrfField, page, type SignedInHeader } from '../layout.js';

export const CHOOSE_ORGANISATION_ERROR = 'Select the organisation you want to check data for';

export function chooseOrganisationPage(o: { base: string; roles: PortalRoleChoice[]; chosenId?: string; error?: boolean; signedIn: SignedInHeader }): string {
  const firstId = `role-${o.roles[0]?.id}`;
  return page({ base: o.base, title: 'Which organisation do you want to check data for?', signedIn: o.signedIn, errors: o.error ? [{ field: firstId, message: CHOOSE_ORGANISATION_ERROR }] : [] }, html`
<form method="post" action="${o.base}/choose-organisation" novalidate>
  ${csrfField(o.signedIn.csrfToken)}
  <div class="form-group${o.error ? ' form-group--error' : ''}">
    <fieldset${o.error ? html` aria-describedby="role-error"` : ''}>
      <legend class="legend-l"><h1 class="legend-heading">Which organisation do you want to check data for?</h1></legend>
      ${o.error ? html`<span id="role-error" class="error-message"><span class="visually-hidden">Error:</span> ${CHOOSE_ORGANISATION_ERROR}</span>` : ''}
      ${o.roles.map((role) => html`<div class="radios__item">
        <input type="radio" id="role-${role.id}" name="role" value="${role.id}" aria-describedby="role-${role.id}-hint"${role.id === o.chosenId ? html` checked` : ''}>
        <div>
          <label for="role-${role.id}">${role.organisationName}</label>
          <span id="role-${role.id}-hint" class="hint">${PORTAL_ROLE_KIND_LABELS[role.kind]}</span>
        </div>
      </div>`)}
    </fieldset>
  </div>
  <button type="submit" class="button">Continue</button>
</form>`);
}
