// A lead provider's mail goes to its enabled users (portal users with a role for it, added in the back
// office). Without any, to the addresses in the `lead_provider_contact_emails` setting:
// { "<lead provider id>": ["a@provider.org", ...] }; without those, to a placeholder the outbox cannot
// deliver to, which shows up as a delivery error.
import type { LeadProvider } from '@prisma/client';
import type { Tx } from '../../db/client.js';

export const LEAD_PROVIDER_CONTACTS_SETTING = 'lead_provider_contact_emails';

export const placeholderLeadProviderEmail = (leadProvider: Pick<LeadProvider, 'id'>) => `lead-provider-${leadProvider.id}@contact-not-set.invalid`;

export async function leadProviderContactEmails(tx: Tx, leadProvider: Pick<LeadProvider, 'id'>): Promise<string[]> {
  const users = await tx.portalUser.findMany({
    where: { disabledAt: null, roles: { some: { leadProviderId: leadProvider.id } } }, orderBy: { email: 'asc' }, select: { email: true },
  });
  if (users.length > 0) return users.map((u) => u.email);
  const setting = await tx.setting.findUnique({ where: { key: LEAD_PROVIDER_CONTACTS_SETTING } });
  const configured = (setting?.value as Record<string, unknown> | null)?.[leadProvider.id];
  const emails = (Array.isArray(configured) ? configured : [configured]).filter((e): e is string => typeof e === 'string' && e.includes('@'));
  return emails.length > 0 ? emails : [placeholderLeadProviderEmail(leadProvider)];
}
