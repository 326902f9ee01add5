// Where manual TRN checks go as tickets, and where their answers come back from. TRN_CHECK_ADAPTER picks
// one: `back_office` (default: the back office's TRN checks queue, where support staff answer) or
// `zendesk` (a Zendesk-style ticket API: ZENDESK_URL, ZENDESK_EMAIL, ZENDESK_TOKEN).
import type { TrnCheckRequest } from '@prisma/client';
import { backOfficeAdapter } from './back-office-adapter.js';
import { zendeskAdapter } from './zendesk-adapter.js';

export type TrnCheckAnswer = { trn: string } | { failureNote: string };

export interface TicketAdapter {
  name: 'back_office' | 'zendesk';
  /** Raises the ticket; returns its id. */
  createTicket(request: TrnCheckRequest): Promise<string>;
  /** The answer once the ticket has one; null while it is still being worked on. */
  pollTicket(ticketId: string): Promise<TrnCheckAnswer | null>;
}

export function ticketAdapterFromEnv(env: NodeJS.ProcessEnv = process.env): TicketAdapter {
  const name = env.TRN_CHECK_ADAPTER?.trim() || 'back_office';
  if (name === 'back_office') return backOfficeAdapter;
  if (name === 'zendesk') {
    const missing = ['ZENDESK_URL', 'ZENDESK_EMAIL', 'ZENDESK_TOKEN'].filter((key) => !env[key]?.trim());
    if (missing.length) throw new Error(`TRN_CHECK_ADAPTER=zendesk needs ${missing.join(', ')}.`);
    return zendeskAdapter({ url: env.ZENDESK_URL!, email: env.ZENDESK_EMAIL!, token: env.ZENDESK_TOKEN! });
  }
  throw new Error(`TRN_CHECK_ADAPTER must be back_office or zendesk, not "${name}".`);
}
