// The organisations a portal user may act for. One query used at sign-in and on every portal request,
// so removing a role or discarding a delivery partner takes effect at the person's next click.
import type { Tx } from '../../db/client.js';
import { db } from '../../db/client.js';

export type PortalRoleKind = 'delivery_partner' | 'appropriate_body';

export const PORTAL_ROLE_KIND_LABELS: Record<PortalRoleKind, string> = {
  delivery_partner: 'Delivery partner',
  appropriate_body: 'Appropriate body',
};

export interface PortalRoleChoice {
  /** The PortalRole's id: what a session stores, never an organisation id from a URL. */
  id: string;
  kind: PortalRoleKind;
  organisationId: string;
  organisationName: string;
}

export async function findPortalRoles(portalUserId: string, tx: Tx = db()): Promise<PortalRoleChoice[]> {
  const roles = await tx.portalRole.findMany({
    where: {
      portalUserId,
      OR: [{ deliveryPartner: { discardedAt: null } }, { appropriateBodyId: { not: null } }],
    },
    include: { deliveryPartner: true, appropriateBody: true },
  });
  return roles
    .map((role): PortalRoleChoice => role.deliveryPartner
      ? { id: role.id, kind: 'delivery_partner', organisationId: role.deliveryPartner.id, organisationName: role.deliveryPartner.name }
      : { id: role.id, kind: 'appropriate_body', organisationId: role.appropriateBody!.id, organisationName: role.appropriateBody!.name })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.organisationName.localeCompare(b.organisationName));
}

/** The portal user, if they may still sign in, with their roles. */
export async function findActivePortalUser(portalUserId: string) {
  const user = await db().portalUser.findUnique({ where: { id: portalUserId } });
  if (!user || user.disabledAt) return null;
  return { user, roles: await findPortalRoles(user.id) };
}
