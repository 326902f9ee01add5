import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { addPortalUser } from '../../../src/actions/portal/add-portal-user.js';
import { updatePortalUser } from '../../../src/actions/portal/update-portal-user.js';
import { leadProviderContactEmails } from '../../../src/actions/partnerships/lead-provider-contacts.js';
import { createDeliveryPartner, createLeadProvider, userContext } from '../../support/factories.js';

const support = userContext('support');
const written = async () => ({ users: await db().portalUser.count(), roles: await db().portalRole.count(), audits: await db().auditEvent.count() });

describe("users of lead providers, delivery partners and appropriate bodies", () => {
  it("adds a lead provider's user, who then receives its notifications instead of the configured addresses", async () => {
    const leadProvider = await createLeadProvider({ name: 'Northern Teaching Trust' });
    expect(await leadProviderContactEmails(db(), leadProvider)).toEqual([`lead-provider-${leadProvider.id}@contact-not-set.invalid`]);

    const added = await addPortalUser(support, { email: 'Kim@NTT.example', fullName: 'Kim Lee', leadProviderId: leadProvider.id });

    expect(added.portalRole).toMatchObject({ leadProviderId: leadProvider.id, deliveryPartnerId: null, appropriateBodyId: null });
    expect(await leadProviderContactEmails(db(), leadProvider)).toEqual(['kim@ntt.example']);
    expect(await db().auditEvent.findFirst({ where: { subjectId: added.id, action: 'portal_role.created' } }))
      .toMatchObject({ after: { leadProviderId: leadProvider.id, organisation: 'Northern Teaching Trust' } });
    expect(await db().emailOutbox.findFirst({ where: { to: 'kim@ntt.example' } }))
      .toMatchObject({ template: 'lead_provider_user_added', subject: 'You will receive early career framework emails for Northern Teaching Trust' });
  });

  it('refuses a person for no organisation or for two at once, writing nothing', async () => {
    const leadProvider = await createLeadProvider();
    const partner = await createDeliveryPartner();
    const before = await written();

    await expect(addPortalUser(support, { email: 'a@b.example', fullName: 'A B' })).rejects.toThrow();
    await expect(addPortalUser(support, { email: 'a@b.example', fullName: 'A B', leadProviderId: leadProvider.id, deliveryPartnerId: partner.id })).rejects.toThrow();

    expect(await written()).toEqual(before);
  });

  it('edits name and email, audited with before and after; refuses an email another user has', async () => {
    const partner = await createDeliveryPartner();
    const a = await addPortalUser(support, { email: 'pat@dp.example', fullName: 'Pat Smyth', deliveryPartnerId: partner.id });
    await addPortalUser(support, { email: 'lee@dp.example', fullName: 'Lee Brown', deliveryPartnerId: partner.id });

    const edited = await updatePortalUser(support, { id: a.id, fullName: 'Pat Smith', email: 'pat.smith@dp.example' });

    expect(edited).toMatchObject({ fullName: 'Pat Smith', email: 'pat.smith@dp.example' });
    expect(await db().auditEvent.findFirst({ where: { subjectId: a.id, action: 'portal_user.updated' } })).toMatchObject({
      before: { fullName: 'Pat Smyth', email: 'pat@dp.example' }, after: { fullName: 'Pat Smith', email: 'pat.smith@dp.example' },
    });
    const before = await written();
    await expect(updatePortalUser(support, { id: a.id, email: 'lee@dp.example' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(updatePortalUser(userContext('finance'), { id: a.id, fullName: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await written()).toEqual(before);
    expect((await db().portalUser.findUniqueOrThrow({ where: { id: a.id } })).email).toBe('pat.smith@dp.example');
  });

  it('disables a person: no more notifications or sign-in links; enabling restores them', async () => {
    const leadProvider = await createLeadProvider();
    const user = await addPortalUser(support, { email: 'ops@lp.example', fullName: 'Ops Desk', leadProviderId: leadProvider.id });
    await db().magicLinkToken.create({ data: { portalUserId: user.id, tokenHash: `hash-${user.id}`, expiresAt: new Date(Date.now() + 600_000) } });

    const disabled = await updatePortalUser(support, { id: user.id, disabled: true });

    expect(disabled.disabledAt).toBeInstanceOf(Date);
    expect(await leadProviderContactEmails(db(), leadProvider)).toEqual([`lead-provider-${leadProvider.id}@contact-not-set.invalid`]);
    expect((await db().magicLinkToken.findFirstOrThrow({ where: { portalUserId: user.id } })).usedAt).toBeInstanceOf(Date);
    expect(await db().auditEvent.count({ where: { subjectId: user.id, action: 'portal_user.disabled' } })).toBe(1);

    await updatePortalUser(support, { id: user.id, disabled: false });
    expect(await leadProviderContactEmails(db(), leadProvider)).toEqual(['ops@lp.example']);
    expect(await db().auditEvent.count({ where: { subjectId: user.id, action: 'portal_user.enabled' } })).toBe(1);
  });
});
