import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { recordDownload } from '../../../src/actions/portal/record-download.js';
import { createParticipant, createParticipantWorld, userContext } from '../../support/factories.js';
import { createPortalUser, portalActor } from './portal-world.js';

describe('recordDownload', () => {
  it("audits a delivery partner user's download with its filters and row count", async () => {
    const world = await createParticipantWorld(2024);
    await createParticipant(world, { fullName: 'Ann Example' });
    await createParticipant(world, { fullName: 'Bob Example', type: 'mentor' });
    const user = await createPortalUser({ deliveryPartnerIds: [world.deliveryPartner.id] });

    const result = await recordDownload(portalActor(user), { deliveryPartnerId: world.deliveryPartner.id, filters: { role: 'mentor' } });
    expect(result).toEqual({ rows: 1 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'check_data.downloaded' } });
    expect(audit).toMatchObject({
      actorType: 'portal', actorId: user.id, actorLabel: `Portal: ${user.email}`,
      subjectType: 'DeliveryPartner', subjectId: world.deliveryPartner.id,
      after: { filters: { role: 'mentor' }, rows: 1 },
    });
  });

  it("refuses another delivery partner's data, a disabled person and back-office staff, recording nothing", async () => {
    const world = await createParticipantWorld(2024);
    const other = await createParticipantWorld(2024);
    const user = await createPortalUser({ deliveryPartnerIds: [other.deliveryPartner.id] });
    const disabled = await createPortalUser({ deliveryPartnerIds: [world.deliveryPartner.id], disabled: true });
    const audits = await db().auditEvent.count();
    for (const ctx of [portalActor(user), portalActor(disabled), userContext('admin')]) {
      await expect(recordDownload(ctx, { deliveryPartnerId: world.deliveryPartner.id, filters: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await db().auditEvent.count()).toBe(audits);
  });
});
