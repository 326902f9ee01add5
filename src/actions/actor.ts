// Who is acting. Built at the edge (AdminJS session, API token, portal session, job, CLI)
// and passed to every action, which uses it for permission checks and the audit trail.
import type { Role } from '@prisma/client';

export type Actor =
  | { kind: 'user'; id: string; email: string; role: Role }
  | { kind: 'api'; cpdLeadProviderId: string; leadProviderId: string; name: string }
  | { kind: 'portal'; id: string; email: string }
  | { kind: 'system'; name: string };

export interface ActorContext {
  actor: Actor;
  ip?: string;
  /** The caller's own back-office session: kept when a change ends the user's other sessions. */
  sessionId?: string;
}

export const systemContext = (name: string): ActorContext => ({ actor: { kind: 'system', name } });

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return actor.email;
    case 'api':
      return `API: ${actor.name}`;
    case 'portal':
      return `Portal: ${actor.email}`;
    case 'system':
      return `System: ${actor.name}`;
  }
}

export function actorId(actor: Actor): string | null {
  switch (actor.kind) {
    case 'user':
    case 'portal':
      return actor.id;
    case 'api':
      return actor.cpdLeadProviderId;
    case 'system':
      return null;
  }
}
