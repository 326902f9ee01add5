// The CLI has no signed-in user: commands that act for a person name them with --as EMAIL.
import type { ActorContext } from '../actions/actor.js';
import { Email } from '../actions/zod.js';
import { db } from '../db/client.js';
import { CliUsageError } from './command.js';

/** The enabled back-office user with this email, as the actor (their role decides what they may do). */
export async function backOfficeUser(email: string): Promise<ActorContext> {
  const parsed = Email.safeParse(email);
  const user = parsed.success ? await db().user.findUnique({ where: { email: parsed.data } }) : null;
  if (!user || user.disabledAt) throw new CliUsageError(`--as must be the email of an enabled back-office user: ${email} is not one`);
  return { actor: { kind: 'user', id: user.id, email: user.email, role: user.role } };
}
