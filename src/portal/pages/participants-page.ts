// The participants table (as the DfE's app/controllers/delivery_partners/participants_controller.rb): search, filters, 50 a page, and a download link
// that carries exactly the same search and filters.
import { checkDataFilterParams, type CheckDataFilters } from '../../reports/check-data/filters.js';
import type { CheckDataPage } from '../../reports/check-data/participants-query.js';
import { PAGE_SIZE } from '../../reports/check-data/participants-query.js';
import { CHECK_DATA_COVERAGE_NOTICE } from '../../reports/check-data/coverage.js';
import { ROLE_LABELS, STATUS_IDS, STATUS_LABELS, statusDescription, statusOf, type StatusId } from '../../reports/check-data/statuses.js';
import { html, type Html } from '../html.js';
import { page, select, textInput, type SignedInHeader } from '../layout.js';

const TAG_COLOURS: Record<StatusId, string> = {
  contacted_for_information: 'grey',
  dfe_checking_eligibility: 'yellow',
  not_eligible_for_funded_training: 'red',
  checking_qts: 'orange',
  training_or_eligible_for_training: 'green',
  participant_deferred: 'purple',
  no_longer_being_trained: 'grey',
  induction_completed: 'blue',
};

export interface ParticipantsPageData {
  base: string;
  deliveryPartnerName: string;
  filters: CheckDataFilters;
  results: CheckDataPage;
  academicYears: number[];
  signedIn: SignedInHeader;
}

const queryString = (pairs: [string, string][]) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : '');

function filterForm(d: ParticipantsPageData): Html {
  const f = d.filters;
  const anyFilter = checkDataFilterParams(f).length > 0;
  return html`<form method="get" action="${d.base}/participants" class="filters" role="search">
  ${textInput({ id: 'query', name: 'query', type: 'search', label: 'Search', hint: 'For example, school, participant name or teacher reference number (TRN)', value: f.query })}
  <div class="filters__row">
    ${select({ id: 'role', name: 'role', label: 'Role', value: f.role, options: [{ value: '', label: 'All roles' }, ...Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))] })}
    ${select({ id: 'academic_year', name: 'academic_year', label: 'Academic year', value: f.academicYear, options: [{ value: '', label: 'All academic years' }, ...d.academicYears.map((y) => ({ value: String(y), label: String(y) }))] })}
    ${select({ id: 'status', name: 'status', label: 'Status', value: f.status, options: [{ value: '', label: 'All statuses' }, ...STATUS_IDS.map((id) => ({ value: id, label: STATUS_LABELS[id] }))] })}
  </div>
  <button type="submit" class="button">Search</button>
  ${anyFilter ? html`<a href="${d.base}/participants">Clear search and filters</a>` : ''}
</form>`;
}

function table(d: ParticipantsPageData): Html {
  const { rows } = d.results;
  return html`<div class="table-wrapper"><table>
  <caption class="visually-hidden">Participants</caption>
  <thead><tr>
    <th scope="col">Full name</th><th scope="col">Email address</th><th scope="col">TRN</th><th scope="col">Role</th>
    <th scope="col">Lead provider</th><th scope="col">School</th><th scope="col">School unique reference number</th>
    <th scope="col">Academic year</th><th scope="col">Status</th>
  </tr></thead>
  <tbody>
  ${rows.length ? rows.map((row) => {
    const status = statusOf(row.recordState);
    return html`<tr>
    <td>${row.fullName}</td><td>${row.email}</td><td>${row.trn}</td><td>${ROLE_LABELS[row.role]}</td>
    <td>${row.leadProvider}</td><td>${row.school}</td><td>${row.schoolUrn}</td><td>${row.academicYear}</td>
    <td><strong class="tag tag--${TAG_COLOURS[status]}">${STATUS_LABELS[status]}</strong>
      <p class="body-s status-description">${statusDescription(status, row.inductionCompletionDate)}</p></td>
  </tr>`;
  }) : html`<tr><td colspan="9">No results found</td></tr>`}
  </tbody>
</table></div>`;
}

/** Page numbers around the current one, with the first and last, gaps shown as an ellipsis. */
function pageNumbers(current: number, count: number): (number | null)[] {
  const wanted = [...new Set([1, current - 1, current, current + 1, count])].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  return wanted.flatMap((n, i) => (i > 0 && n - wanted[i - 1] > 1 ? [null, n] : [n]));
}

function pagination(d: ParticipantsPageData): Html {
  const { page: current, pageCount } = d.results;
  if (pageCount <= 1) return html``;
  const link = (n: number) => `${d.base}/participants${queryString([...checkDataFilterParams(d.filters), ['page', String(n)]])}`;
  return html`<nav class="pagination" aria-label="Pagination"><ul>
  ${current > 1 ? html`<li><a href="${link(current - 1)}" rel="prev">Previous<span class="visually-hidden"> page</span></a></li>` : ''}
  ${pageNumbers(current, pageCount).map((n) => n === null
    ? html`<li><span>…</span></li>`
    : html`<li><a href="${link(n)}" aria-label="Page ${n}"${n === current ? html` aria-current="page"` : ''}>${n}</a></li>`)}
  ${current < pageCount ? html`<li><a href="${link(current + 1)}" rel="next">Next<span class="visually-hidden"> page</span></a></li>` : ''}
</ul></nav>`;
}

export function participantsPage(d: ParticipantsPageData): string {
  const { total, page: current, rows } = d.results;
  const first = (current - 1) * PAGE_SIZE + 1;
  const summary = rows.length
    ? html`Showing <strong>${first}</strong> to <strong>${first + rows.length - 1}</strong> of <strong>${total}</strong> participants`
    : html`<strong>0</strong> participants`;
  return page({ base: d.base, title: `${d.deliveryPartnerName} participants`, signedIn: d.signedIn }, html`
<span class="caption">Delivery partner</span>
<h1>${d.deliveryPartnerName} participants</h1>
<div class="notification" role="region" aria-labelledby="coverage-title">
  <h2 class="notification__title" id="coverage-title">Important</h2>
  <p class="notification__content">${CHECK_DATA_COVERAGE_NOTICE}</p>
</div>
${filterForm(d)}
<div class="results-bar">
  <p role="status" class="body-s">${summary}</p>
  <p><a href="${d.base}/participants.csv${queryString(checkDataFilterParams(d.filters))}" download>Download (csv)</a></p>
</div>
${table(d)}
${pagination(d)}`);
}
