import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { DeliveryPartner, Partnership } from '@prisma/client';
import { db } from '../../../src/db/client.js';
import { changePartnershipDeliveryPartner } from '../../../src/actions/partnerships/change-partnership-delivery-partner.js';
import { createPartnership } from '../../../src/actions/partnerships/create-partnership.js';
import { PARTNERSHIP_MESSAGES as M } from '../../../src/actions/partnerships/messages.js';
import { ActionError } from '../../../src/actions/errors.js';
import type { ActorContext } from '../../../src/actions/actor.js';
import {
  createDeliveryPartner, createLeadProvider, createPartnership as createPartnershipRow, createProviderRelationship, userContext,
} from '../../support/factories.js';
import { apiContext, createReportWorld, writtenRows, type ReportWorld } from './world.js';

interface Reported extends ReportWorld {
  partnership: Partnership;
  /** Another delivery partner the lead provider works with for the cohort. */
  otherPartner: DeliveryPartner;
}

async function reported(): Promise<Reported> {
  const w = await createReportWorld();
  const partnership = await createPartnership(w.api, w.body);
  const otherPartner = await createDeliveryPartner();
  await createProviderRelationship(w.leadProvider, otherPartner, w.cohort);
  return { ...w, partnership, otherPartner };
}

async function refusal(ctx: ActorContext, body: unknown): Promise<ActionError> {
  const before = await writtenRows();
  const error = await changePartnershipDeliveryPartner(ctx, body).then(
    () => { throw new Error('expected a refusal'); },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect(await writtenRows()).toEqual(before);
  return error as ActionError;
}

const challenge = (p: Partnership) => db().partnership.update({ where: { id: p.id }, data: { challengedAt: new Date(), challengeReason: 'mistake' } });

// [rule, set-up returning the body, the delivery_partner_id message]
const deliveryPartnerRefusals: [string, (r: Reported) => Promise<Record<string, unknown>>, string][] = [
  ['delivery partner missing', async (r) => ({ partnershipId: r.partnership.id, deliveryPartnerId: '' }), M.deliveryPartnerBlank],
  ['delivery partner unknown', async (r) => ({ partnershipId: r.partnership.id, deliveryPartnerId: randomUUID() }), M.deliveryPartnerInvalid],
  [
    'delivery partner not working with the lead provider for the cohort',
    async (r) => ({ partnershipId: r.partnership.id, deliveryPartnerId: (await createDeliveryPartner()).id }),
    M.deliveryPartnerNoRelationship,
  ],
  [
    'partnership challenged by the school',
    async (r) => {
      await challenge(r.partnership);
      return { partnershipId: r.partnership.id, deliveryPartnerId: r.otherPartner.id };
    },
    M.partnershipChallenged,
  ],
  [
    'partnership challenged, asked for the same delivery partner',
    async (r) => {
      await challenge(r.partnership);
      return { partnershipId: r.partnership.id, deliveryPartnerId: r.deliveryPartner.id };
    },
    M.partnershipChallenged,
  ],
  [
    'a relationship partnership with that delivery partner already exists',
    async (r) => {
      await createPartnershipRow({ ...r, deliveryPartner: r.otherPartner }, { relationship: true });
      return { partnershipId: r.partnership.id, deliveryPartnerId: r.otherPartner.id };
    },
    M.deliveryPartnerDuplicate,
  ],
];

describe('changePartnershipDeliveryPartner', () => {
  it.each(deliveryPartnerRefusals)('refuses: %s', async (_rule, setUp, message) => {
    const r = await reported();
    const error = await refusal(r.api, await setUp(r));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fieldErrors).toEqual([{ field: 'delivery_partner_id', message }]);
  });

  it.each([
    ['an unknown id', async () => randomUUID()],
    ['no id', async () => undefined],
    ["another lead provider's partnership", async (r: Reported) => {
      const other = await createLeadProvider({ cohorts: [r.cohort] });
      return (await createPartnershipRow({ ...r, leadProvider: other })).id;
    }],
    ['a relationship partnership', async (r: Reported) => (await createPartnershipRow({ ...r, deliveryPartner: r.otherPartner }, { relationship: true })).id],
  ])("answers \"Enter a '#/partnership'.\" for %s", async (_case, partnershipId) => {
    const r = await reported();
    const error = await refusal(r.api, { partnershipId: await partnershipId(r), deliveryPartnerId: r.otherPartner.id });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.fieldErrors).toEqual([{ field: 'partnership', message: M.partnershipBlank }]);
  });

  it('changes nothing when asked for the delivery partner it already has', async () => {
    const r = await reported();
    const before = await writtenRows();
    const same = await changePartnershipDeliveryPartner(r.api, { partnershipId: r.partnership.id, deliveryPartnerId: r.deliveryPartner.id });
    expect(same).toMatchObject({ id: r.partnership.id, reportId: r.partnership.reportId, updatedAt: r.partnership.updatedAt });
    expect(await writtenRows()).toEqual(before);
  });

  it('re-reports the partnership with the new delivery partner, keeping its participants where they are', async () => {
    const r = await reported();
    const programmes = await db().inductionProgramme.count({ where: { partnershipId: r.partnership.id } });
    const changed = await changePartnershipDeliveryPartner(r.api, { partnershipId: r.partnership.id, deliveryPartnerId: r.otherPartner.id });
    expect(changed).toMatchObject({ id: r.partnership.id, deliveryPartnerId: r.otherPartner.id, relationship: false, challengedAt: null });
    expect(changed.reportId).not.toBe(r.partnership.reportId);
    expect(await db().inductionProgramme.count({ where: { partnershipId: r.partnership.id } })).toBe(programmes);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: r.partnership.id }, orderBy: { createdAt: 'desc' } });
    expect(audit.before).toMatchObject({ deliveryPartnerId: r.deliveryPartner.id });
    expect(audit.after).toMatchObject({ deliveryPartnerId: r.otherPartner.id });
    expect(await db().emailOutbox.count({ where: { body: { contains: r.otherPartner.name } } })).toBe(1);
  });

  it('lets a back-office user with partnerships.edit change it, and refuses other roles and other tokens', async () => {
    const r = await reported();
    const body = { partnershipId: r.partnership.id, deliveryPartnerId: r.otherPartner.id };
    expect((await refusal(userContext('finance'), body)).code).toBe('FORBIDDEN');
    const otherProvider = await createLeadProvider({ cohorts: [r.cohort] });
    expect((await refusal(apiContext(otherProvider), body)).code).toBe('NOT_FOUND');
    await expect(changePartnershipDeliveryPartner(userContext('admin'), body)).resolves.toMatchObject({ deliveryPartnerId: r.otherPartner.id });
  });
});
