// GET /api/v3/partnerships/ecf(/{id}): the caller's partnerships with schools. Relationship partnerships
// (made for transferring participants) are not the provider's to see or change here.
import { Prisma } from '@prisma/client';
import { schoolContactEmail } from '../../actions/schools/school-contact.js';
import { db } from '../../db/client.js';
import { isUnchallenged } from '../../rules/unchallenged-partnership.js';
import type { ApiCaller } from '../http/caller.js';
import { isoTime, isoTimeOrNull } from '../http/format.js';
import { cohortCondition, type Page } from '../http/query.js';

interface PartnershipRow {
  id: string;
  startYear: number;
  urn: string;
  schoolId: string;
  deliveryPartnerId: string;
  deliveryPartnerName: string;
  challengedAt: Date | null;
  challengeReason: string | null;
  inductionTutorName: string | null;
  inductionTutorEmail: string | null;
  primaryContactEmail: string | null;
  secondaryContactEmail: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PartnershipFilters {
  years: number[] | null;
  updatedSince: Date | null;
  deliveryPartnerIds: string[];
}

export const PARTNERSHIP_SORTS = { created_at: Prisma.sql`"createdAt"`, updated_at: Prisma.sql`"updatedAt"` };

/** updated_at covers the school (its induction tutor included) and delivery partner shown with the partnership. */
const query = (caller: ApiCaller, where: Prisma.Sql) => Prisma.sql`
  SELECT * FROM (
    SELECT pa.id, c."startYear", s.urn, s.id AS "schoolId", dp.id AS "deliveryPartnerId", dp.name AS "deliveryPartnerName",
      pa."challengedAt", pa."challengeReason"::text AS "challengeReason",
      s."inductionTutorName", s."inductionTutorEmail", s."primaryContactEmail", s."secondaryContactEmail",
      pa."createdAt", GREATEST(pa."updatedAt", s."updatedAt", dp."updatedAt") AS "updatedAt"
    FROM partnerships pa
    JOIN cohorts c ON c.id = pa."cohortId"
    JOIN schools s ON s.id = pa."schoolId"
    JOIN delivery_partners dp ON dp.id = pa."deliveryPartnerId"
    WHERE pa."leadProviderId" = ${caller.leadProviderId}::uuid AND NOT pa.relationship AND ${where}
  ) p`;

function toResource(row: PartnershipRow) {
  return {
    id: row.id,
    type: 'partnership',
    attributes: {
      cohort: String(row.startYear),
      urn: row.urn,
      school_id: row.schoolId,
      delivery_partner_id: row.deliveryPartnerId,
      delivery_partner_name: row.deliveryPartnerName,
      status: isUnchallenged(row) ? 'active' : 'challenged',
      challenged_reason: row.challengeReason,
      challenged_at: isoTimeOrNull(row.challengedAt),
      // The school's induction tutor; without one, the school's contact address (the DfE's School#contact_email).
      induction_tutor_name: row.inductionTutorEmail ? row.inductionTutorName : null,
      induction_tutor_email: schoolContactEmail(row),
      created_at: isoTime(row.createdAt),
      updated_at: isoTime(row.updatedAt),
    },
  };
}

export async function listPartnerships(caller: ApiCaller, filters: PartnershipFilters, orderBy: Prisma.Sql, page: Page) {
  const conditions = [
    cohortCondition(Prisma.sql`c."startYear"`, filters.years),
    filters.deliveryPartnerIds.length ? Prisma.sql`pa."deliveryPartnerId"::text = ANY(${filters.deliveryPartnerIds}::text[])` : Prisma.sql`true`,
  ];
  const rows = await db().$queryRaw<PartnershipRow[]>(Prisma.sql`
    ${query(caller, Prisma.join(conditions, ' AND '))}
    ${filters.updatedSince ? Prisma.sql`WHERE p."updatedAt" >= ${filters.updatedSince}` : Prisma.empty}
    ORDER BY ${orderBy}
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  return rows.map(toResource);
}

export async function findPartnership(caller: ApiCaller, id: string) {
  const [row] = await db().$queryRaw<PartnershipRow[]>(query(caller, Prisma.sql`pa.id = ${id}::uuid`));
  return row ? toResource(row) : null;
}
