// The default: the ticket is the request itself, in the back office's TRN checks queue. Support staff
// answer it there, which applies the answer at once, so polling has nothing to collect.
import type { TicketAdapter } from './ticket-adapter.js';

export const backOfficeAdapter: TicketAdapter = {
  name: 'back_office',
  createTicket: async (request) => request.id,
  pollTicket: async () => null,
};
