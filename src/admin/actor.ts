import type { CurrentAdmin } from 'adminjs';
import type { ActorContext } from '../actions/actor.js';
import { ActionError } from '../actions/errors.js';
import { roleOf } from './rbac.js';
import { requestAddress } from './request-address.js';

/** The signed-in back-office user as the actor of an action, from the address of the request being handled. */
export function actorFromAdmin(admin: CurrentAdmin | undefined, ip = requestAddress()): ActorContext {
  const role = roleOf(admin);
  if (!admin || !role) throw new ActionError('FORBIDDEN', 'Sign in to do this.');
  return { actor: { kind: 'user', id: String(admin.id), email: admin.email, role }, ip };
}
