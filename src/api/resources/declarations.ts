// GET /api/v3/participant-declarations(/{id}): the caller's own declarations, plus other providers'
// claimed (submitted to paid) declarations for participants now training with the caller, so a provider
// taking over a participant sees what has already been claimed.
import { Prisma } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ApiCaller } from '../http/caller.js';
import { isoTime } from '../http/format.js';
import type { Page } from '../http/query.js';

export interface DeclarationFilters {
  /** Null: every cohort. */
  years: number[] | null;
  participantIds: string[];
  updatedSince: Date | null;
  deliveryPartnerIds: string[];
}

interface DeclarationRow {
  id: string;
  teacherId: string;
  declarationType: string;
  declarationDate: Date;
  courseIdentifier: string;
  state: string;
  createdAt: Date;
  updatedAt: Date;
  deliveryPartnerId: string | null;
  mentorTeacherId: string | null;
  evidenceHeld: string | null;
  pupilPremiumUplift: boolean;
  sparsityUplift: boolean;
  leadProviderName: string;
  statementId: string | null;
  clawbackStatementId: string | null;
  ineligibleReason: string | null;
}

/** Another provider's claim is shown while the participant trains (or, for earlier dates, trained) with the caller. */
const othersClaimVisibleSql = (caller: ApiCaller) => Prisma.sql`
  d.state IN ('submitted', 'eligible', 'payable', 'paid') AND EXISTS (
    SELECT 1 FROM induction_records ir
    JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"
    JOIN partnerships pa ON pa.id = ip."partnershipId"
    WHERE ir."participantProfileId" = d."participantProfileId" AND pa."leadProviderId" = ${caller.leadProviderId}::uuid
      AND (ir."inductionStatus" IN ('active', 'completed')
        OR (ir."inductionStatus" = 'leaving' AND (ir."endDate" IS NULL OR d."declarationDate" <= ir."endDate"))))`;

/** Ids of the declarations the caller sees: its own (by index) and others' claims it may see. */
const visibleIdsSql = (caller: ApiCaller) => Prisma.sql`
  SELECT d.id FROM declarations d WHERE d."cpdLeadProviderId" = ${caller.cpdLeadProviderId}::uuid
  UNION ALL
  SELECT d.id FROM declarations d
  WHERE d."cpdLeadProviderId" <> ${caller.cpdLeadProviderId}::uuid AND ${othersClaimVisibleSql(caller)}`;

function toResource(row: DeclarationRow) {
  const upliftPaid =
    row.courseIdentifier === 'ecf-induction' && row.declarationType === 'started' &&
    ['paid', 'awaiting_clawback', 'clawed_back'].includes(row.state) && (row.sparsityUplift || row.pupilPremiumUplift);
  return {
    id: row.id,
    type: 'participant-declaration',
    attributes: {
      participant_id: row.teacherId,
      declaration_type: row.declarationType,
      declaration_date: isoTime(row.declarationDate),
      course_identifier: row.courseIdentifier,
      state: row.state.replace(/_/g, '-'),
      updated_at: isoTime(row.updatedAt),
      created_at: isoTime(row.createdAt),
      delivery_partner_id: row.deliveryPartnerId,
      statement_id: row.statementId,
      clawback_statement_id: row.clawbackStatementId,
      ineligible_for_funding_reason: row.state === 'ineligible' && row.ineligibleReason === 'duplicate' ? 'duplicate_declaration' : null,
      mentor_id: row.mentorTeacherId,
      uplift_paid: upliftPaid,
      evidence_held: row.evidenceHeld,
      has_passed: null,
      lead_provider_name: row.leadProviderName,
    },
  };
}

/** Resources for these declarations, in this order. */
export async function declarationResources(ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db().$queryRaw<DeclarationRow[]>(Prisma.sql`
    SELECT d.id, d."teacherId", d."declarationType"::text AS "declarationType", d."declarationDate",
      d."courseIdentifier"::text AS "courseIdentifier", d.state::text AS state, d."createdAt", d."updatedAt",
      d."deliveryPartnerId", d."mentorTeacherId", d."evidenceHeld", d."pupilPremiumUplift", d."sparsityUplift",
      cpd.name AS "leadProviderName",
      (SELECT li."statementId" FROM statement_line_items li
        WHERE li."declarationId" = d.id AND li.state IN ('eligible', 'payable', 'paid') ORDER BY li."createdAt" LIMIT 1) AS "statementId",
      (SELECT li."statementId" FROM statement_line_items li
        WHERE li."declarationId" = d.id AND li.state IN ('awaiting_clawback', 'clawed_back') ORDER BY li."createdAt" LIMIT 1) AS "clawbackStatementId",
      (SELECT sc."stateReason" FROM declaration_state_changes sc
        WHERE sc."declarationId" = d.id AND sc.state = 'ineligible' ORDER BY sc."createdAt" DESC LIMIT 1) AS "ineligibleReason"
    FROM declarations d JOIN cpd_lead_providers cpd ON cpd.id = d."cpdLeadProviderId"
    WHERE d.id = ANY(${ids}::uuid[])`);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => (byId.has(id) ? [toResource(byId.get(id)!)] : []));
}

export async function listDeclarations(caller: ApiCaller, filters: DeclarationFilters, page: Page) {
  const conditions = [
    Prisma.sql`d.id IN (${visibleIdsSql(caller)})`,
    filters.years ? Prisma.sql`c."startYear" = ANY(${filters.years}::int[])` : Prisma.sql`true`,
    filters.participantIds.length ? Prisma.sql`d."teacherId"::text = ANY(${filters.participantIds}::text[])` : Prisma.sql`true`,
    filters.updatedSince ? Prisma.sql`d."updatedAt" >= ${filters.updatedSince}` : Prisma.sql`true`,
    filters.deliveryPartnerIds.length ? Prisma.sql`d."deliveryPartnerId"::text = ANY(${filters.deliveryPartnerIds}::text[])` : Prisma.sql`true`,
  ];
  const ids = await db().$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT d.id FROM declarations d JOIN cohorts c ON c.id = d."cohortId"
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY d."createdAt" ASC, d.id ASC
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  return declarationResources(ids.map((r) => r.id));
}

export async function findDeclaration(caller: ApiCaller, id: string) {
  const visible = await db().$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT d.id FROM declarations d
    WHERE d.id = ${id}::uuid AND (d."cpdLeadProviderId" = ${caller.cpdLeadProviderId}::uuid OR ${othersClaimVisibleSql(caller)})`);
  return visible.length ? (await declarationResources([id]))[0] : null;
}
