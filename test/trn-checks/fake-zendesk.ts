// A Zendesk-style ticket API on a local port, for the TRN checks tests: tickets are created by POST,
// read by GET, and the test plays the TRA's operator by solving them with a reply.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';

export interface FakeTicket {
  id: number;
  subject: string;
  status: 'new' | 'open' | 'pending' | 'solved' | 'closed';
  externalId: string;
  tags: string[];
  comments: { body: string; created_at: string }[];
  authorization: string | undefined;
}

export interface FakeZendesk {
  url: string;
  tickets: FakeTicket[];
  /** Answers every request with this status while set. */
  failWith: number | null;
  solve(id: number, reply: string): void;
  close(): Promise<void>;
}

export async function startFakeZendesk(): Promise<FakeZendesk> {
  const tickets: FakeTicket[] = [];
  const fake = { failWith: null as number | null };
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const at = () => new Date((clock += 60_000)).toISOString();
  const app = express();
  app.use(express.json());
  app.use((_req, res, next) => (fake.failWith ? res.status(fake.failWith).json({ error: 'Unavailable' }) : next()));
  app.post('/api/v2/tickets.json', (req, res) => {
    const { subject, comment, external_id: externalId, tags } = req.body.ticket;
    const ticket: FakeTicket = { id: 100 + tickets.length + 1, subject, status: 'new', externalId, tags, comments: [{ body: comment.body, created_at: at() }], authorization: req.get('authorization') };
    tickets.push(ticket);
    res.status(201).json({ ticket: { id: ticket.id, status: ticket.status } });
  });
  const find = (id: string) => tickets.find((t) => String(t.id) === id);
  app.get('/api/v2/tickets/:id.json', (req, res) => {
    const ticket = find(req.params.id);
    return ticket ? res.json({ ticket: { id: ticket.id, status: ticket.status } }) : res.status(404).json({ error: 'RecordNotFound' });
  });
  app.get('/api/v2/tickets/:id/comments.json', (req, res) => {
    const ticket = find(req.params.id);
    return ticket ? res.json({ comments: ticket.comments }) : res.status(404).json({ error: 'RecordNotFound' });
  });
  const server: Server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  return Object.assign(fake, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tickets,
    solve(id: number, reply: string) {
      const ticket = tickets.find((t) => t.id === id)!;
      ticket.comments.push({ body: reply, created_at: at() });
      ticket.status = 'solved';
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  });
}
