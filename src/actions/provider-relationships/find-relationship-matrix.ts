// The lead provider × cohort grid of the delivery partner form: which cells are ticked, and which cannot be
// unticked because live partnerships use them.
import { db } from '../../db/client.js';
import { UNCHALLENGED_PARTNERSHIP } from '../../rules/unchallenged-partnership.js';

export interface RelationshipCell {
  cohortId: string;
  startYear: number;
  /** The checkbox value saveDeliveryPartnerRelationships accepts. */
  value: string;
  selected: boolean;
  /** Unchallenged partnerships using this cell; above 0 it cannot be removed. */
  livePartnerships: number;
}

export interface RelationshipMatrixRow {
  leadProviderId: string;
  leadProviderName: string;
  /** Only the cohorts the lead provider is contracted for. */
  cells: RelationshipCell[];
}

/** Without a delivery partner (a new one), nothing is ticked. */
export async function findRelationshipMatrix(deliveryPartnerId?: string): Promise<RelationshipMatrixRow[]> {
  const [contracted, relationships, partnerships] = await Promise.all([
    db().leadProviderCohort.findMany({
      include: { leadProvider: { select: { name: true } }, cohort: { select: { startYear: true } } },
      orderBy: [{ leadProvider: { name: 'asc' } }, { cohort: { startYear: 'asc' } }],
    }),
    deliveryPartnerId
      ? db().providerRelationship.findMany({ where: { deliveryPartnerId, discardedAt: null }, select: { leadProviderId: true, cohortId: true } })
      : [],
    deliveryPartnerId
      ? db().partnership.groupBy({ by: ['leadProviderId', 'cohortId'], where: { deliveryPartnerId, ...UNCHALLENGED_PARTNERSHIP }, _count: { _all: true } })
      : [],
  ]);
  const selected = new Set(relationships.map((r) => `${r.leadProviderId}:${r.cohortId}`));
  const used = new Map(partnerships.map((p) => [`${p.leadProviderId}:${p.cohortId}`, p._count._all]));

  const rows = new Map<string, RelationshipMatrixRow>();
  for (const c of contracted) {
    const row = rows.get(c.leadProviderId) ?? { leadProviderId: c.leadProviderId, leadProviderName: c.leadProvider.name, cells: [] };
    const value = `${c.leadProviderId}:${c.cohortId}`;
    row.cells.push({ cohortId: c.cohortId, startYear: c.cohort.startYear, value, selected: selected.has(value), livePartnerships: used.get(value) ?? 0 });
    rows.set(c.leadProviderId, row);
  }
  return [...rows.values()];
}
