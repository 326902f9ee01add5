// The pages of signing in by email link. "Check your email" reads the same whether or not the address
// belongs to anyone, so the service never confirms who has access.
import { html } from '../html.js';
import { csrfField, page, textInput, type FieldProblem } from '../layout.js';

export function signInPage(o: { base: string; csrfToken: string; email?: string; error?: string; signedOut?: boolean }): string {
  const errors: FieldProblem[] = o.error ? [{ field: 'email', message: o.error }] : [];
  return page({ base: o.base, title: 'Sign in', errors }, html`
${o.signedOut ? html`<div class="notification" role="region" aria-labelledby="notification-title">
  <h2 class="notification__title" id="notification-title">Important</h2>
  <div class="notification__content"><p>You have signed out.</p></div>
</div>` : ''}
<h1>Sign in to check data</h1>
<p>Use this service to see the early career teachers (ECTs) and mentors that schools have registered with your organisation, and to download them.</p>
<p>Only people approved by the Department for Education can sign in. To get access, ask your organisation to contact DfE support.</p>
<form method="post" action="${o.base}/sign-in" novalidate>
  ${csrfField(o.csrfToken)}
  ${textInput({ id: 'email', name: 'email', type: 'email', label: 'Email address', hint: 'We will email you a link to sign in.', value: o.email, error: o.error, autocomplete: 'email' })}
  <button type="submit" class="button">Continue</button>
</form>`);
}

export function checkEmailPage(o: { base: string; email: string; minutes: number }): string {
  return page({ base: o.base, title: 'Check your email' }, html`
<h1>Check your email</h1>
<p>If ${o.email} is registered with this service, we have sent an email with a link to sign in.</p>
<p>The link works once and expires after ${o.minutes} minutes.</p>
<p>If you have not received an email after a few minutes, check your spam or junk folder, or <a href="${o.base}/">ask for another link</a>.</p>`);
}

/** Opening the link only shows this button: a mail scanner following the link does not use it up. */
export function confirmSignInPage(o: { base: string; csrfToken: string; token: string }): string {
  return page({ base: o.base, title: 'Sign in' }, html`
<h1>Sign in to check data</h1>
<p>Select continue to sign in.</p>
<form method="post" action="${o.base}/sign-in/confirm">
  ${csrfField(o.csrfToken)}
  <input type="hidden" name="token" value="${o.token}">
  <button type="submit" class="button">Continue</button>
</form>`);
}

export function linkNotValidPage(o: { base: string; minutes: number }): string {
  return page({ base: o.base, title: 'This link has expired or has already been used' }, html`
<h1>This link has expired or has already been used</h1>
<p>Each sign-in link works once and expires after ${o.minutes} minutes.</p>
<p><a href="${o.base}/">Ask for a new link</a></p>`);
}
