// Pages for when something stops the person: GOV.UK wording, a way on where there is one.
import { plannedEndLabel } from '../../actions/maintenance/maintenance-mode.js';
import { html } from '../html.js';
import { page, type SignedInHeader } from '../layout.js';

const simple = (base: string, title: string, paragraphs: ReturnType<typeof html>[], signedIn?: SignedInHeader) =>
  page({ base, title, signedIn }, html`<h1>${title}</h1>${paragraphs.map((p) => html`<p>${p}</p>`)}`);

export const notFoundPage = (base: string) =>
  simple(base, 'Page not found', [html`If you typed the web address, check it is correct.`, html`<a href="${base}/">Go to the start page</a>`]);

export const tooManyRequestsPage = (base: string, minutes: number) =>
  simple(base, 'You have asked for too many sign-in links', [html`Wait ${minutes} minutes, then try again.`]);

export const formExpiredPage = (base: string) =>
  simple(base, 'Sorry, there is a problem', [
    html`Your form could not be sent. This can happen if you leave a page open for a long time or sign in somewhere else.`,
    html`<a href="${base}/">Go to the start page</a> and try again.`,
  ]);

export const serviceErrorPage = (base: string, requestId?: string) =>
  simple(base, 'Sorry, there is a problem with the service', [
    html`Try again later.`,
    ...(requestId ? [html`If it keeps happening, contact DfE support and quote this reference: <strong>${requestId}</strong>`] : []),
  ]);

export interface UnavailableNotice {
  message: string;
  /** The planned end. */
  until?: Date | null;
}

export const unavailablePage = (base: string, notice?: UnavailableNotice) =>
  simple(base, 'Sorry, the service is unavailable', [
    ...(notice ? [html`${notice.message}`] : []),
    notice?.until ? html`You will be able to use the service from ${plannedEndLabel(notice.until)} (UK time).` : html`You will be able to use the service later.`,
  ]);

export const noAccessPage = (base: string, signedIn: SignedInHeader) =>
  simple(base, 'You do not have access to check data', [
    html`Your account is not linked to a delivery partner or an appropriate body.`,
    html`To get access, ask your organisation to contact DfE support.`,
  ], signedIn);

export const appropriateBodyNotAvailablePage = (base: string, name: string, signedIn: SignedInHeader) =>
  simple(base, `${name}: appropriate body data is not available here yet`, [
    html`This service shows data for delivery partners. Checking data as an appropriate body is not available yet.`,
    ...(signedIn.changeOrganisation ? [html`<a href="${base}/choose-organisation">Choose another organisation</a>`] : []),
  ], signedIn);
