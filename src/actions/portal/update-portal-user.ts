// Support and admin staff correct a portal user's name or email, or disable (and enable again) their
// access: a disabled person cannot sign in to the portal and receives no lead provider notifications.
import { z } from 'zod';
import { Prisma, type PortalUser } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { changedFields, recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { Email, Flag, Id } from '../zod.js';
import { auditEvents } from '../audit/events.js';

export const UpdatePortalUserInput = z.object({
  id: Id,
  email: Email.optional(),
  fullName: z.string().trim().min(1, 'Enter a full name').max(200).optional(),
  disabled: Flag.optional(),
});

export async function updatePortalUser(ctx: ActorContext, raw: unknown): Promise<PortalUser> {
  const input = UpdatePortalUserInput.parse(raw);
  requirePermission(ctx, 'portal_users.manage');
  return db().$transaction(async (tx) => {
    const user = await tx.portalUser.findUnique({ where: { id: input.id } });
    if (!user) throw notFound('Portal user');
    const data = {
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.fullName !== undefined ? { fullName: input.fullName } : {}),
      ...(input.disabled !== undefined ? { disabledAt: input.disabled ? (user.disabledAt ?? new Date()) : null } : {}),
    };
    const { before, after } = changedFields(user, data);
    if (Object.keys(after).length === 0) return user;
    let updated: PortalUser;
    try {
      updated = await tx.portalUser.update({ where: { id: user.id }, data });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ActionError('CONFLICT', 'Another portal user has this email address', [{ field: 'email', message: 'Another portal user has this email address' }]);
      }
      throw error;
    }
    // Unused sign-in links stop working when the person is disabled or their address changes.
    if (after.disabledAt || after.email) await tx.magicLinkToken.updateMany({ where: { portalUserId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    const event = 'disabledAt' in after ? (after.disabledAt ? auditEvents.portalUserDisabled : auditEvents.portalUserEnabled) : auditEvents.portalUserUpdated;
    await recordAudit(tx, ctx, event({ subjectId: user.id, before, after }));
    return updated;
  });
}
