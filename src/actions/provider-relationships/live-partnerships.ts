// Partnerships that still depend on a delivery partner working with a lead provider for a cohort: removing that
// provider relationship (or the delivery partner) would strand them, so supplier edits are refused while they exist.
import type { Tx } from '../../db/client.js';
import { UNCHALLENGED_PARTNERSHIP } from '../../rules/unchallenged-partnership.js';

export interface LivePartnership {
  leadProviderId: string;
  leadProviderName: string;
  cohortId: string;
  startYear: number;
  schoolName: string;
  urn: string;
  relationship: boolean;
}

export interface RelationshipKey {
  leadProviderId: string;
  cohortId: string;
}

/** Unchallenged partnerships (relationship ones included) of the delivery partner, optionally only for some pairs. */
export async function livePartnershipsOf(tx: Tx, deliveryPartnerId: string, pairs?: RelationshipKey[]): Promise<LivePartnership[]> {
  if (pairs && pairs.length === 0) return [];
  const rows = await tx.partnership.findMany({
    where: { deliveryPartnerId, ...UNCHALLENGED_PARTNERSHIP, ...(pairs ? { OR: pairs.map((p) => ({ leadProviderId: p.leadProviderId, cohortId: p.cohortId })) } : {}) },
    select: {
      leadProviderId: true,
      cohortId: true,
      relationship: true,
      leadProvider: { select: { name: true } },
      cohort: { select: { startYear: true } },
      school: { select: { name: true, urn: true } },
    },
    orderBy: [{ leadProvider: { name: 'asc' } }, { cohort: { startYear: 'asc' } }, { school: { name: 'asc' } }],
  });
  return rows.map((r) => ({
    leadProviderId: r.leadProviderId,
    leadProviderName: r.leadProvider.name,
    cohortId: r.cohortId,
    startYear: r.cohort.startYear,
    schoolName: r.school.name,
    urn: r.school.urn,
    relationship: r.relationship,
  }));
}

const SCHOOLS_LISTED = 5;

/** "Ambition Institute, 2024 cohort: Oak School (URN 100001), Elm School (URN 100002, relationship) and 4 more" */
export function describeLivePartnerships(rows: LivePartnership[]): string[] {
  const groups = new Map<string, LivePartnership[]>();
  for (const row of rows) {
    const key = `${row.leadProviderId}:${row.cohortId}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => {
    const schools = group.slice(0, SCHOOLS_LISTED).map((r) => `${r.schoolName} (URN ${r.urn}${r.relationship ? ', relationship' : ''})`);
    const more = group.length > SCHOOLS_LISTED ? ` and ${group.length - SCHOOLS_LISTED} more` : '';
    return `${group[0].leadProviderName}, ${group[0].startYear} cohort: ${schools.join(', ')}${more}`;
  });
}
