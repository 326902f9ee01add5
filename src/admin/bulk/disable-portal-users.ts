// "Disable portal users" on the Portal users list (support and admins): each selected person through the
// single "Disable" (src/actions/portal/update-portal-user.ts).
import { updatePortalUser } from '../../actions/portal/update-portal-user.js';
import { db } from '../../db/client.js';
import type { BulkSpec } from './run-bulk.js';

export const disablePortalUsers: BulkSpec = {
  permission: 'portal_users.manage',
  icon: 'UserX',
  heading: 'Disable portal users',
  verb: 'Disable',
  noun: ['portal user', 'portal users'],
  fields: [],
  consequences: [
    'Each of them can no longer sign in to the check data portal; sign-in links already sent stop working.',
    'They get no more emails for their organisations.',
    'Each is recorded in the audit log with your name. "Enable" on a portal user gives their access back.',
  ],
  async plan(_ctx, ids) {
    const users = await db().portalUser.findMany({
      where: { id: { in: ids } },
      include: { roles: { include: { deliveryPartner: true, appropriateBody: true, leadProvider: true } } },
    });
    return users.map((u) => {
      const organisations = u.roles.map((r) => r.deliveryPartner?.name ?? r.appropriateBody?.name ?? r.leadProvider?.name).filter(Boolean);
      const row = { id: u.id, title: u.email, details: [u.fullName, ...organisations].join(', ') };
      return u.disabledAt ? { ...row, ready: false, says: 'Already disabled.' } : { ...row, ready: true, says: 'Will be disabled.' };
    });
  },
  async run(ctx, id) {
    await updatePortalUser(ctx, { id, disabled: true });
    return 'Disabled.';
  },
};
