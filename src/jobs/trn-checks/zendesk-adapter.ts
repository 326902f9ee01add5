// Manual TRN checks as tickets in a Zendesk-style API (the TRA's support desk): a ticket per check with
// the participant's details; when the ticket is solved, its latest reply is the answer: a TRN (a line
// such as "TRN: 1234567", or a 7-digit number) or, without one, the note of why no record was found.
import type { TrnCheckRequest } from '@prisma/client';
import { Trn } from '../../actions/trn-checks/trn.js';
import type { TicketAdapter, TrnCheckAnswer } from './ticket-adapter.js';

export interface ZendeskSettings {
  url: string;
  email: string;
  token: string;
}

const TIMEOUT_MS = 30_000;
const ANSWERED = new Set(['solved', 'closed']);
export const TRN_CHECK_TAG = 'ecf-manual-trn-check';

const isoDate = (date: Date | null) => date?.toISOString().slice(0, 10) ?? 'not given';

export function ticketBody(request: TrnCheckRequest): string {
  return [
    'Please search DQT for this teacher and reply with their TRN, or a note of why no record was found.',
    '',
    `Full name: ${request.fullName}`,
    `Date of birth: ${isoDate(request.dateOfBirth)}`,
    `National Insurance number: ${request.nationalInsuranceNumber ?? 'not given'}`,
    `TRN given: ${request.trnGiven ?? 'not given'}`,
    ...(request.reason ? [`Why it could not be validated: ${request.reason}`] : []),
    '',
    `Reference: ${request.id}`,
  ].join('\n');
}

/** The TRN in a reply, if it names one. */
export function answerFromReply(body: string): TrnCheckAnswer {
  const match = /\bTRN\b\D{0,5}(\d{5,7})\b/i.exec(body) ?? /(?<!\d)(\d{7})(?!\d)/.exec(body);
  const trn = match ? Trn.safeParse(match[1]) : undefined;
  return trn?.success ? { trn: trn.data } : { failureNote: body.trim() || 'No record found (no note given).' };
}

export function zendeskAdapter(settings: ZendeskSettings): TicketAdapter {
  const base = settings.url.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${settings.email}/token:${settings.token}`).toString('base64')}`;

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`Zendesk ${method} ${path} answered ${response.status} ${response.statusText}`);
    return (await response.json()) as T;
  }

  return {
    name: 'zendesk',
    async createTicket(request) {
      const { ticket } = await call<{ ticket: { id: number | string } }>('POST', '/api/v2/tickets.json', {
        ticket: {
          subject: `Manual TRN check: ${request.fullName}`,
          comment: { body: ticketBody(request) },
          external_id: request.id,
          tags: [TRN_CHECK_TAG],
        },
      });
      return String(ticket.id);
    },
    async pollTicket(ticketId) {
      const id = encodeURIComponent(ticketId);
      const { ticket } = await call<{ ticket: { status: string } }>('GET', `/api/v2/tickets/${id}.json`);
      if (!ANSWERED.has(ticket.status)) return null;
      const { comments } = await call<{ comments: { body: string; created_at: string }[] }>('GET', `/api/v2/tickets/${id}/comments.json`);
      // The first comment is our request; the answer is the latest reply after it.
      const replies = comments.slice(1).sort((a, b) => a.created_at.localeCompare(b.created_at));
      const latest = replies.at(-1);
      return answerFromReply(latest?.body ?? '');
    },
  };
}
