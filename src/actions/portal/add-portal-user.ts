// Support and admin staff give a person access to check data for one delivery partner or appropriate
// body (only people support approve, for each organisation separately), or make them one of a lead
// provider's users, who receive its notifications. The person is created on first use and told by email.
import { z } from 'zod';
import type { PortalRole, PortalUser } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { Email, Id } from '../zod.js';
import { checkDataStartUrl } from './portal-links.js';
import { auditEvents } from '../audit/events.js';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const AddPortalUserInput = z
  .object({
    email: Email,
    fullName: z.string().trim().min(1, 'Enter a full name').max(200),
    deliveryPartnerId: z.preprocess(blankToUndefined, Id.optional()),
    appropriateBodyId: z.preprocess(blankToUndefined, Id.optional()),
    leadProviderId: z.preprocess(blankToUndefined, Id.optional()),
  })
  .refine((input) => [input.deliveryPartnerId, input.appropriateBodyId, input.leadProviderId].filter(Boolean).length === 1, {
    message: 'Choose one organisation: a delivery partner, an appropriate body or a lead provider',
    path: ['deliveryPartnerId'],
  });

/** The person (so a back-office form can show the saved record), with the role just given. */
export type AddedPortalUser = PortalUser & { portalRole: PortalRole; createdUser: boolean };

async function organisation(tx: Tx, input: z.output<typeof AddPortalUserInput>) {
  if (input.deliveryPartnerId) {
    const partner = await tx.deliveryPartner.findUnique({ where: { id: input.deliveryPartnerId } });
    if (!partner || partner.discardedAt) {
      throw new ActionError('NOT_FOUND', 'Delivery partner not found', [{ field: 'deliveryPartnerId', message: 'Choose a delivery partner' }]);
    }
    return { name: partner.name, service: 'check data for delivery partners' };
  }
  if (input.leadProviderId) {
    const leadProvider = await tx.leadProvider.findUnique({ where: { id: input.leadProviderId } });
    if (!leadProvider) throw new ActionError('NOT_FOUND', 'Lead provider not found', [{ field: 'leadProviderId', message: 'Choose a lead provider' }]);
    return { name: leadProvider.name, service: null };
  }
  const body = await tx.appropriateBody.findUnique({ where: { id: input.appropriateBodyId } });
  if (!body) throw new ActionError('NOT_FOUND', 'Appropriate body not found', [{ field: 'appropriateBodyId', message: 'Choose an appropriate body' }]);
  return { name: body.name, service: 'check data for appropriate bodies' };
}

export async function addPortalUser(ctx: ActorContext, raw: unknown): Promise<AddedPortalUser> {
  const input = AddPortalUserInput.parse(raw);
  requirePermission(ctx, 'portal_users.manage');
  return db().$transaction(async (tx) => {
    const org = await organisation(tx, input);
    let portalUser = await tx.portalUser.findUnique({ where: { email: input.email } });
    if (portalUser?.disabledAt) {
      throw new ActionError('INVALID_STATE', 'This person’s portal access is disabled', [
        { field: 'email', message: 'This person’s portal access is disabled. Enable it before adding another organisation.' },
      ]);
    }
    const createdUser = !portalUser;
    // Two staff adding the same person to the same organisation at once: the second waits, then sees the first's role.
    if (portalUser) await tx.$queryRaw`SELECT 1 FROM portal_users WHERE id = ${portalUser.id}::uuid FOR UPDATE`;
    else {
      portalUser = await tx.portalUser.create({ data: { email: input.email, fullName: input.fullName } });
      await recordAudit(tx, ctx, auditEvents.portalUserCreated({ subjectId: portalUser.id, after: portalUser }));
    }
    const organisationIds = {
      deliveryPartnerId: input.deliveryPartnerId ?? null, appropriateBodyId: input.appropriateBodyId ?? null, leadProviderId: input.leadProviderId ?? null,
    };
    const existing = await tx.portalRole.findFirst({ where: { portalUserId: portalUser.id, ...organisationIds } });
    if (existing) {
      throw new ActionError('CONFLICT', `This person can already sign in for ${org.name}`, [
        { field: 'email', message: `This person can already sign in for ${org.name}` },
      ]);
    }
    const portalRole = await tx.portalRole.create({ data: { portalUserId: portalUser.id, ...organisationIds } });
    const named = Object.fromEntries(Object.entries(organisationIds).filter(([, id]) => id));
    await recordAudit(tx, ctx, auditEvents.portalRoleCreated({
      subjectId: portalUser.id,
      after: { portalRoleId: portalRole.id, email: portalUser.email, organisation: org.name, ...named },
    }));
    await tx.emailOutbox.create({
      data: !org.service ? {
        to: portalUser.email,
        template: 'lead_provider_user_added',
        subject: `You will receive early career framework emails for ${org.name}`,
        body: [
          `Dear ${portalUser.fullName},`,
          `You have been added as a user of ${org.name}. The Department for Education will send you its emails about ${org.name}'s partnerships with schools.`,
        ].join('\n\n'),
      } : {
        to: portalUser.email,
        template: 'portal_user_added',
        subject: `You can now sign in to ${org.service}`,
        body: [
          `Dear ${portalUser.fullName},`,
          `You have been given access to ${org.service} for ${org.name}.`,
          `To sign in, go to ${checkDataStartUrl()} and enter this email address. We will email you a link to sign in.`,
          'The data shows personal information about early career teachers and mentors. Only use it for the work it was shared for.',
        ].join('\n\n'),
      },
    });
    return { ...portalUser, portalRole, createdUser };
  });
}
