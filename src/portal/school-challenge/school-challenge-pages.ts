// The pages a school's challenge link leads to, worded as the DfE's (app/views/challenge_partnerships/*.html.erb).
import { CHALLENGE_REASON_LABELS, CHALLENGE_REASONS } from '../../actions/partnerships/challenge-reasons.js';
import { academicYearLabel } from '../../actions/partnerships/partnership-emails.js';
import type { SchoolChallenge } from '../../actions/partnerships/challenge-partnership-as-school.js';
import { html } from '../html.js';
import { csrfField, page } from '../layout.js';

export const SCHOOL_SERVICE_NAME = 'Manage training for early career teachers';
export const SUPPORT_EMAIL = 'continuing-professional-development@digital.education.gov.uk';

const supportLink = html`<a href="mailto:${SUPPORT_EMAIL}">${SUPPORT_EMAIL}</a>`;
const longDate = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

export function reportPage(o: { base: string; token: string; csrfToken: string; challenge: SchoolChallenge; reason?: string; error?: string }): string {
  const c = o.challenge;
  const firstId = `reason-${CHALLENGE_REASONS[0]}`;
  return page({ base: o.base, title: 'Report provider error', serviceName: SCHOOL_SERVICE_NAME, errors: o.error ? [{ field: firstId, message: o.error }] : [] }, html`
<h1>Report that your school has been signed up incorrectly</h1>
<p>${c.schoolName} has received a confirmation from ${c.deliveryPartnerName}, with ${c.leadProviderName}, for the ${academicYearLabel(c.academicYearStart)} academic year, but you believe this is incorrect.</p>
${c.challengeDeadline ? html`<p>You can report this until ${longDate(c.challengeDeadline)}.</p>` : ''}
<form method="post" action="${o.base}/" novalidate>
  ${csrfField(o.csrfToken)}
  <input type="hidden" name="token" value="${o.token}">
  <div class="form-group${o.error ? ' form-group--error' : ''}">
    <fieldset${o.error ? html` aria-describedby="reason-error"` : ''}>
      <legend class="legend-m">Tell us why</legend>
      ${o.error ? html`<span id="reason-error" class="error-message"><span class="visually-hidden">Error:</span> ${o.error}</span>` : ''}
      ${CHALLENGE_REASONS.map((reason) => html`<div class="radios__item">
        <input type="radio" id="reason-${reason}" name="reason" value="${reason}"${reason === o.reason ? html` checked` : ''}>
        <label for="reason-${reason}">${CHALLENGE_REASON_LABELS[reason]}</label>
      </div>`)}
    </fieldset>
  </div>
  <button type="submit" class="button">Submit</button>
</form>`);
}

export const linkExpiredPage = (base: string) =>
  page({ base, title: 'Error: Expired report link', serviceName: SCHOOL_SERVICE_NAME }, html`
<h1>This link has expired</h1>
<p>The time to report that your school has been signed up incorrectly has passed.</p>
<p>Contact: ${supportLink}</p>`);

export const alreadyChallengedPage = (base: string, schoolName: string) =>
  page({ base, title: 'Error: mistake reported', serviceName: SCHOOL_SERVICE_NAME }, html`
<h1>Someone at ${schoolName} has already reported this issue</h1>
<p>If you still need to report that your school has been confirmed incorrectly contact: ${supportLink}</p>`);

export const reportSubmittedPage = (base: string) =>
  page({ base, title: 'Complete - error reported', serviceName: SCHOOL_SERVICE_NAME }, html`
<div class="panel" data-test="success-panel"><h1>Your report has been submitted</h1></div>
<h2>What happens next</h2>
<ul>
  <li>the training partner will be notified</li>
  <li>they may also contact you to discuss any issues</li>
  <li>if you do not hear from a training provider, your issue will be resolved directly</li>
</ul>`);

export const linkNotFoundPage = (base: string) =>
  page({ base, title: 'Page not found', serviceName: SCHOOL_SERVICE_NAME }, html`
<h1>Page not found</h1>
<p>Check the link in your email is complete. If it still does not work, contact: ${supportLink}</p>`);
