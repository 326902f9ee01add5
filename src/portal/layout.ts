// The page shell and the few form parts every portal page uses, in the GOV.UK pattern: a skip link,
// one h1 per page, labels and hints tied to their inputs, and an error summary that links to each field.
import { html, type Html } from './html.js';

export const SERVICE_NAME = 'Check data for delivery partners';

export interface SignedInHeader {
  csrfToken: string;
  /** Shown when the person holds more than one role. */
  changeOrganisation: boolean;
}

export interface PageOptions {
  /** Where the portal is mounted, e.g. /check-data. */
  base: string;
  title: string;
  errors?: FieldProblem[];
  signedIn?: SignedInHeader;
  /** Another service's pages in this shell (the schools' challenge link): its name in the header and title. */
  serviceName?: string;
}

export interface FieldProblem {
  /** The id of the input the message is about. */
  field: string;
  message: string;
}

export function page(options: PageOptions, content: Html): string {
  const { base, signedIn } = options;
  const serviceName = options.serviceName ?? SERVICE_NAME;
  const title = `${options.errors?.length ? 'Error: ' : ''}${options.title} - ${serviceName}`;
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${base}/assets/portal.css">
</head>
<body>
<a href="#main-content" class="skip-link">Skip to main content</a>
<header class="header">
  <div class="header__inner">
    ${options.serviceName ? html`<span class="header__service">${serviceName}</span>` : html`<a href="${base}/" class="header__service">${serviceName}</a>`}
    ${signedIn ? html`<nav class="header__nav" aria-label="Account">
      ${signedIn.changeOrganisation ? html`<a href="${base}/choose-organisation">Change organisation</a>` : ''}
      <form method="post" action="${base}/sign-out">
        ${csrfField(signedIn.csrfToken)}
        <button type="submit" class="link-button">Sign out</button>
      </form>
    </nav>` : ''}
  </div>
</header>
<div class="width-container">
<main id="main-content" tabindex="-1">
${options.errors?.length ? errorSummary(options.errors) : ''}
${content}
</main>
</div>
<footer class="footer"><div class="width-container">Department for Education · Early Career Framework</div></footer>
</body>
</html>`.value;
}

export function errorSummary(errors: FieldProblem[]): Html {
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
  <h2 id="error-summary-title">There is a problem</h2>
  <ul>${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}</ul>
</div>`;
}

export const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}">`;

export interface InputOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value?: string;
  error?: string;
  type?: 'text' | 'email' | 'search';
  autocomplete?: string;
  labelClass?: string;
}

export function textInput(o: InputOptions): Html {
  const describedBy = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="form-group${o.error ? ' form-group--error' : ''}">
  <label for="${o.id}" class="${o.labelClass ?? ''}">${o.label}</label>
  ${o.hint ? html`<span id="${o.id}-hint" class="hint">${o.hint}</span>` : ''}
  ${o.error ? html`<span id="${o.id}-error" class="error-message"><span class="visually-hidden">Error:</span> ${o.error}</span>` : ''}
  <input id="${o.id}" name="${o.name}" type="${o.type ?? 'text'}" value="${o.value ?? ''}"${o.error ? html` class="input--error"` : ''}
    ${describedBy ? html`aria-describedby="${describedBy}"` : ''} ${o.autocomplete ? html`autocomplete="${o.autocomplete}"` : ''} spellcheck="false">
</div>`;
}

export interface SelectOption {
  value: string;
  label: string;
}

export function select(o: { id: string; name: string; label: string; value?: string; options: SelectOption[] }): Html {
  return html`<div class="form-group">
  <label for="${o.id}">${o.label}</label>
  <select id="${o.id}" name="${o.name}">
    ${o.options.map((option) => html`<option value="${option.value}"${option.value === (o.value ?? '') ? html` selected` : ''}>${option.label}</option>`)}
  </select>
</div>`;
}
