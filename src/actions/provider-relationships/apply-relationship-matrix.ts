// Makes a delivery partner's live provider relationships exactly the lead provider × cohort pairs ticked on its
// form: missing ones are created, discarded ones revived, unticked ones discarded (kept for history, like the DfE).
// Runs inside the caller's transaction.
import { z } from 'zod';
import { Prisma, type DeliveryPartner } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { ActionError, type FieldError } from '../errors.js';
import { Id } from '../zod.js';
import { describeLivePartnerships, livePartnershipsOf, type RelationshipKey } from './live-partnerships.js';
import { auditEvents } from '../audit/events.js';

/** A ticked cell: an object, or the form checkbox value "<leadProviderId>:<cohortId>". */
const Pair = z.union([
  z.object({ leadProviderId: Id, cohortId: Id }),
  z
    .string()
    .regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/i, 'Must be "<lead provider id>:<cohort id>"')
    .transform((v) => {
      const [leadProviderId, cohortId] = v.split(':');
      return { leadProviderId, cohortId };
    }),
]);
export const RelationshipPairs = z.array(Pair);

export interface MatrixChange {
  created: number;
  revived: number;
  discarded: number;
}

const keyOf = (p: RelationshipKey) => `${p.leadProviderId}:${p.cohortId}`;

/** "Ambition Institute 2024", sorted, for the audit trail. */
const relationshipLabels = (rows: { leadProvider: { name: string }; cohort: { startYear: number } }[]) =>
  rows.map((r) => `${r.leadProvider.name} ${r.cohort.startYear}`).sort();

/** Every pair must be a cohort the lead provider is contracted for (the form offers nothing else). */
async function uncontractedPairs(tx: Tx, pairs: RelationshipKey[]): Promise<FieldError[]> {
  if (pairs.length === 0) return [];
  const contracted = await tx.leadProviderCohort.findMany({
    where: { OR: pairs.map((p) => ({ leadProviderId: p.leadProviderId, cohortId: p.cohortId })) },
    select: { leadProviderId: true, cohortId: true },
  });
  const known = new Set(contracted.map(keyOf));
  const missing = pairs.filter((p) => !known.has(keyOf(p)));
  if (missing.length === 0) return [];
  // One after the other: a transaction is one connection, and queries sent at once only queue on it.
  const leadProviders = await tx.leadProvider.findMany({ where: { id: { in: missing.map((p) => p.leadProviderId) } }, select: { id: true, name: true } });
  const cohorts = await tx.cohort.findMany({ where: { id: { in: missing.map((p) => p.cohortId) } }, select: { id: true, startYear: true } });
  return missing.map((p) => {
    const leadProvider = leadProviders.find((l) => l.id === p.leadProviderId)?.name ?? 'An unknown lead provider';
    const cohort = cohorts.find((c) => c.id === p.cohortId)?.startYear ?? 'an unknown';
    return { field: 'pairs', message: `${leadProvider} is not contracted for the ${cohort} cohort` };
  });
}

export async function applyRelationshipMatrix(
  tx: Tx,
  ctx: ActorContext,
  deliveryPartner: DeliveryPartner,
  requested: RelationshipKey[],
  now = new Date(),
): Promise<MatrixChange> {
  const wanted = new Map(requested.map((p) => [keyOf(p), { leadProviderId: p.leadProviderId, cohortId: p.cohortId }]));
  const problems = await uncontractedPairs(tx, [...wanted.values()]);
  if (problems.length > 0) throw new ActionError('INVALID_INPUT', problems.map((p) => p.message).join('. '), problems);

  // Locked before looking for partnerships: a partnership being reported holds its relationship FOR SHARE.
  await tx.$queryRaw(Prisma.sql`SELECT id FROM provider_relationships WHERE "deliveryPartnerId" = ${deliveryPartner.id}::uuid FOR UPDATE`);
  const existing = await tx.providerRelationship.findMany({
    where: { deliveryPartnerId: deliveryPartner.id },
    include: { leadProvider: { select: { name: true } }, cohort: { select: { startYear: true } } },
  });
  const live = existing.filter((r) => r.discardedAt === null);
  const toDiscard = live.filter((r) => !wanted.has(keyOf(r)));
  const toRevive = existing.filter((r) => r.discardedAt !== null && wanted.has(keyOf(r)));
  const existingKeys = new Set(existing.map(keyOf));
  const toCreate = [...wanted.values()].filter((p) => !existingKeys.has(keyOf(p)));

  const stranded = await livePartnershipsOf(tx, deliveryPartner.id, toDiscard);
  if (stranded.length > 0) {
    const lines = describeLivePartnerships(stranded);
    throw new ActionError(
      'CONFLICT',
      `These lead providers and cohorts cannot be removed from ${deliveryPartner.name} while partnerships use them. ${lines.join('. ')}.`,
      lines.map((message) => ({ field: 'pairs', message: `Used by live partnerships: ${message}` })),
    );
  }

  if (toDiscard.length > 0) {
    await tx.providerRelationship.updateMany({ where: { id: { in: toDiscard.map((r) => r.id) } }, data: { discardedAt: now } });
  }
  if (toRevive.length > 0) {
    await tx.providerRelationship.updateMany({ where: { id: { in: toRevive.map((r) => r.id) } }, data: { discardedAt: null } });
  }
  if (toCreate.length > 0) {
    await tx.providerRelationship.createMany({ data: toCreate.map((p) => ({ ...p, deliveryPartnerId: deliveryPartner.id })) });
  }

  const change = { created: toCreate.length, revived: toRevive.length, discarded: toDiscard.length };
  if (change.created + change.revived + change.discarded > 0) {
    const after = await tx.providerRelationship.findMany({
      where: { deliveryPartnerId: deliveryPartner.id, discardedAt: null },
      include: { leadProvider: { select: { name: true } }, cohort: { select: { startYear: true } } },
    });
    await recordAudit(tx, ctx, auditEvents.deliveryPartnerRelationshipsChanged({
      subjectId: deliveryPartner.id,
      before: { relationships: relationshipLabels(live) },
      after: { relationships: relationshipLabels(after) },
    }));
  }
  return change;
}
