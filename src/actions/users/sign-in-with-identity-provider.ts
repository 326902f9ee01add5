// A member of staff back from the organisation's identity provider (single sign-on): matched to our
// user table by the email the provider verified. The provider proves who they are; what they may do
// (their role) and whether they may come in at all (disabled or not) stay ours.
import { z } from 'zod';
import type { User } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { auditEvents } from '../audit/events.js';

export const SignInWithIdentityProviderInput = z.object({
  /** The provider's issuer and its subject identifier for the person, kept in the audit trail. */
  issuer: z.string().min(1),
  subject: z.string().min(1),
  email: z.string().trim().toLowerCase().optional(),
  emailVerified: z.boolean(),
});

export type StaffSignIn =
  | { outcome: 'signed_in'; user: User }
  | { outcome: 'refused'; reason: 'email_not_verified' | 'unknown_user' | 'disabled'; email?: string };

/** ctx is the anonymous web request; the audit event is the user's own. */
export async function signInWithIdentityProvider(ctx: ActorContext, raw: unknown): Promise<StaffSignIn> {
  const input = SignInWithIdentityProviderInput.parse(raw);
  if (!input.email || !input.emailVerified) return { outcome: 'refused', reason: 'email_not_verified', email: input.email };
  const email = input.email;
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email } });
    if (!user) return { outcome: 'refused', reason: 'unknown_user', email };
    const as = { ...ctx, actor: { kind: 'user' as const, id: user.id, email: user.email, role: user.role } };
    const via = { method: 'single_sign_on', issuer: input.issuer, subject: input.subject };
    if (user.disabledAt) {
      await recordAudit(tx, as, auditEvents.userSignInRefused({ subjectId: user.id, after: { ...via, reason: 'disabled' } }));
      return { outcome: 'refused', reason: 'disabled', email };
    }
    const signedIn = await tx.user.update({ where: { id: user.id }, data: { lastSignedInAt: new Date() } });
    await recordAudit(tx, as, auditEvents.userSignedIn({ subjectId: user.id, after: via }));
    return { outcome: 'signed_in', user: signedIn };
  });
}
