// GET /api/v3/delivery-partners(/{id}): delivery partners the caller has a provider relationship with,
// each with the cohorts that relationship covers.
import { Prisma } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ApiCaller } from '../http/caller.js';
import { isoTime } from '../http/format.js';
import { cohortCondition, type Page } from '../http/query.js';

interface DeliveryPartnerRow {
  id: string;
  name: string;
  years: number[];
  createdAt: Date;
  updatedAt: Date;
}

/** The documented columns, and `name`, which the DfE also sorts by (spec/requests/api/v3/delivery_partners_spec.rb). */
export const DELIVERY_PARTNER_SORTS = {
  name: Prisma.sql`dp.name`,
  created_at: Prisma.sql`dp."createdAt"`,
  updated_at: Prisma.sql`"updatedAt"`,
};

/** Relationships count towards updated_at: a new cohort with the caller changes `cohort`. */
const select = (caller: ApiCaller) => Prisma.sql`
  SELECT dp.id, dp.name, dp."createdAt", rel.years, GREATEST(dp."updatedAt", rel."updatedAt") AS "updatedAt"
  FROM delivery_partners dp
  JOIN LATERAL (
    SELECT array_agg(DISTINCT c."startYear" ORDER BY c."startYear") AS years, MAX(pr."updatedAt") AS "updatedAt"
    FROM provider_relationships pr JOIN cohorts c ON c.id = pr."cohortId"
    WHERE pr."deliveryPartnerId" = dp.id AND pr."leadProviderId" = ${caller.leadProviderId}::uuid AND pr."discardedAt" IS NULL
  ) rel ON rel.years IS NOT NULL`;

const toResource = (row: DeliveryPartnerRow) => ({
  id: row.id,
  type: 'delivery-partner',
  attributes: {
    name: row.name,
    cohort: row.years.map(String),
    created_at: isoTime(row.createdAt),
    updated_at: isoTime(row.updatedAt),
  },
});

export async function listDeliveryPartners(caller: ApiCaller, years: number[] | null, orderBy: Prisma.Sql, page: Page) {
  const rows = await db().$queryRaw<DeliveryPartnerRow[]>(Prisma.sql`${select(caller)}
    WHERE dp."discardedAt" IS NULL AND EXISTS (
      SELECT 1 FROM provider_relationships pr JOIN cohorts c ON c.id = pr."cohortId"
      WHERE pr."deliveryPartnerId" = dp.id AND pr."leadProviderId" = ${caller.leadProviderId}::uuid AND pr."discardedAt" IS NULL
        AND ${cohortCondition(Prisma.sql`c."startYear"`, years)})
    ORDER BY ${orderBy}
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  return rows.map(toResource);
}

export async function findDeliveryPartner(caller: ApiCaller, id: string) {
  const [row] = await db().$queryRaw<DeliveryPartnerRow[]>(Prisma.sql`${select(caller)} WHERE dp.id = ${id}::uuid AND dp."discardedAt" IS NULL`);
  return row ? toResource(row) : null;
}
