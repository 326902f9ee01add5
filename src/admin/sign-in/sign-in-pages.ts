// The pages of single sign-on that are not AdminJS's: why someone was not let in, and what to do.
import { html, type Html } from '../../portal/html.js';

function page(title: string, body: Html): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - ECF back office</title>
<style>
  body { font-family: Roboto, Arial, sans-serif; background: #f6f7fb; color: #1c1c38; margin: 0; }
  main { max-width: 640px; margin: 64px auto; background: #fff; padding: 32px 40px; box-shadow: 0 15px 24px 0 rgba(137, 138, 154, .15); }
  h1 { font-size: 24px; font-weight: 500; margin: 0 0 16px; }
  p { line-height: 1.5; }
  a.button { display: inline-block; background: #3040d6; color: #fff; padding: 10px 20px; text-decoration: none; border-radius: 4px; }
</style>
</head>
<body><main>
<h1>${title}</h1>
${body}
</main></body>
</html>`.toString();
}

export type RefusalReason = 'email_not_verified' | 'unknown_user' | 'disabled' | 'password_sign_in_off' | 'failed' | 'unavailable';

export interface RefusalPage {
  status: number;
  html: string;
}

/** base is the back office's root (/admin); provider is the provider's name as staff know it. */
export function refusalPage(reason: RefusalReason, o: { base: string; provider: string; email?: string }): RefusalPage {
  const again = html`<p><a class="button" href="${o.base}/login">Back to sign in</a></p>`;
  const as = o.email ? html` as <strong>${o.email}</strong>` : '';
  switch (reason) {
    case 'unknown_user':
      return { status: 403, html: page('You do not have an account for the ECF back office', html`
<p>You signed in to ${o.provider}${as}, but no back-office account has this email address.</p>
<p>To get access, ask an admin of the ECF back office to add you as a user with this email address (Access, then Users), then sign in again.
If you already have an account under another email address, ask them to change its email to this one.</p>
${again}`) };
    case 'disabled':
      return { status: 403, html: page('Your back-office account is disabled', html`
<p>You signed in to ${o.provider}${as}, but the back-office account with this email address has been disabled.</p>
<p>If you still need access, ask an admin of the ECF back office to enable your account, then sign in again.</p>
${again}`) };
    case 'email_not_verified':
      return { status: 403, html: page(`${o.provider} has not confirmed your email address`, html`
<p>You signed in to ${o.provider}${as}, but it has not confirmed that this email address is yours, so the back office cannot tell which account is yours.</p>
<p>Confirm your email address with ${o.provider} (follow the link in the email it sent you, or ask your ${o.provider} administrator), then sign in again.</p>
${again}`) };
    case 'password_sign_in_off':
      return { status: 403, html: page('Sign in with ' + o.provider, html`
<p>Signing in with a password is switched off for this service. Sign in with your ${o.provider} account instead.</p>
${again}`) };
    case 'unavailable':
      return { status: 503, html: page(`${o.provider} cannot be reached`, html`
<p>The back office could not reach ${o.provider} to sign you in. Try again in a few minutes.</p>
<p>If this keeps happening, tell the service's support team.</p>
${again}`) };
    case 'failed':
      return { status: 400, html: page('Sign-in did not complete', html`
<p>Your sign-in with ${o.provider} did not complete: it was cancelled, took too long, or was started in another browser tab.</p>
<p>Start again from the sign-in page.</p>
${again}`) };
  }
}
