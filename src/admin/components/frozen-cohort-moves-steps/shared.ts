// What the pieces of the frozen cohort moves page share: the page API's shapes, labels and small helpers.
import { ApiClient } from 'adminjs';

export type Status = 'eligible' | 'blocked' | 'already_moved';
export type NotEligibleBecause = 'completed_training' | 'paid_for_completion' | 'no_billable_declarations';
export interface Candidate {
  participantProfileId: string; fullName: string; trn: string | null; participantType: 'ect' | 'mentor';
  sourceCohortStartYear: number; scheduleIdentifier: string; schoolName: string | null; schoolUrn: string | null;
  leadProviderName: string | null; targetLeadProviderName: string | null; billableDeclarations: number;
  status: Status; reasons: string[]; notEligibleBecause: NotEligibleBecause | null;
}
export interface Destination { startYear: number; scheduleIdentifier: string | null }
export interface CandidatesPage { rows: Candidate[]; total: number; page: number; perPage: number; counts: Record<Status, number>; destination: Destination }
export interface Preview { destination: Destination; counts: Record<Status, number>; reasons: { reason: string; count: number }[]; rows: Candidate[]; total: number; page: number; perPage: number }
export type Outcome = 'moved' | 'would_move' | 'unchanged' | 'refused' | 'failed';
export interface OutcomeRow { participantProfileId: string; outcome: Outcome; message: string; fullName: string | null; trn: string | null; schoolName: string | null; schoolUrn: string | null; cohortStartYear: number | null }
export interface RunView {
  state: 'starting' | 'running' | 'succeeded' | 'failed'; done: number; total: number | null; error: string | null;
  counts: Record<Outcome, number>; rows: OutcomeRow[]; page: number; perPage: number; totalRows: number;
}
export interface Option { value: string; label: string }
export interface Filters { leadProvider: Option | null; school: Option | null; search: string; status: Status | '' }

export const PAGE = 'frozenCohortMoves';
export const api = new ApiClient();

export const NO_WRAP = { whiteSpace: 'nowrap' } as const;
export const count = (n: number) => n.toLocaleString('en-GB');
export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

export function filterParams(filters: Filters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.leadProvider) params.leadProviderId = filters.leadProvider.value;
  if (filters.school) params.schoolId = filters.school.value;
  if (filters.search.trim()) params.search = filters.search.trim();
  if (filters.status) params.status = filters.status;
  return params;
}

/** Sends a form to the page's handler (src/admin/participants/frozen-cohort-moves-page.ts). */
export async function postToPage<T>(fields: Record<string, string>): Promise<T> {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return (await api.getPage({ pageName: PAGE, method: 'post', data })).data as T;
}
