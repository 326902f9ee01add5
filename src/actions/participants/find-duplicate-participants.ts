// Candidate duplicate participants: two unmerged teachers with the same TRN, or with the same name
// (ignoring case and spaces) and date of birth. One set-based query; the details are read for the page only.
import { z } from 'zod';
import { Prisma } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { requirePermission } from '../authz.js';
import { viewerRole, visibleRecord } from '../field-visibility.js';

export const FindDuplicateParticipantsInput = z.object({
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});

export type DuplicateMatch = 'same_trn' | 'same_name_and_date_of_birth';

export interface DuplicateSide {
  teacherId: string;
  fullName: string;
  email: string;
  trn: string | null;
  dateOfBirth: string | null;
  profiles: number;
  declarations: number;
  createdAt: string;
}

export interface DuplicatePair {
  match: DuplicateMatch;
  a: DuplicateSide;
  b: DuplicateSide;
}

interface PairRow { match: DuplicateMatch; aId: string; bId: string }
interface SideRow { id: string; fullName: string; email: string; trn: string | null; dateOfBirth: Date | null; createdAt: Date; profiles: bigint; declarations: bigint }

const PAIRS = Prisma.sql`
  WITH t AS (
    SELECT id, trn, lower(regexp_replace(trim("fullName"), '\\s+', ' ', 'g')) AS name, "dateOfBirth"
    FROM teachers WHERE "mergedIntoId" IS NULL
  )
  SELECT 'same_trn' AS match, a.id AS "aId", b.id AS "bId"
    FROM t a JOIN t b ON b.trn = a.trn AND a.id < b.id
   WHERE a.trn IS NOT NULL AND a.trn <> ''
  UNION ALL
  SELECT 'same_name_and_date_of_birth', a.id, b.id
    FROM t a JOIN t b ON b.name = a.name AND b."dateOfBirth" = a."dateOfBirth" AND a.id < b.id
   WHERE a."dateOfBirth" IS NOT NULL AND a.trn IS DISTINCT FROM b.trn`;

export async function findDuplicateParticipants(ctx: ActorContext, raw: unknown = {}): Promise<{ total: number; page: number; perPage: number; pairs: DuplicatePair[] }> {
  const { page, perPage } = FindDuplicateParticipantsInput.parse(raw);
  requirePermission(ctx, 'participants.merge');
  const role = viewerRole(ctx);
  const [{ total }] = await db().$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM (${PAIRS}) pairs`;
  const rows = await db().$queryRaw<PairRow[]>`SELECT * FROM (${PAIRS}) pairs ORDER BY match DESC, "aId", "bId" LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`;
  const sides = await describeTeachers([...new Set(rows.flatMap((r) => [r.aId, r.bId]))]);
  return {
    total: Number(total),
    page,
    perPage,
    pairs: rows.map((r) => ({ match: r.match, a: visibleRecord(role, 'Teacher', sides.get(r.aId)!), b: visibleRecord(role, 'Teacher', sides.get(r.bId)!) })),
  };
}

export async function describeTeachers(ids: string[]): Promise<Map<string, DuplicateSide>> {
  if (ids.length === 0) return new Map();
  const rows = await db().$queryRaw<SideRow[]>`
    SELECT t.id, t."fullName", t.email, t.trn, t."dateOfBirth", t."createdAt",
           (SELECT count(*) FROM participant_profiles p WHERE p."teacherId" = t.id AND p."archivedAt" IS NULL) AS profiles,
           (SELECT count(*) FROM declarations d WHERE d."teacherId" = t.id) AS declarations
      FROM teachers t WHERE t.id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`;
  return new Map(rows.map((r) => [r.id, {
    teacherId: r.id, fullName: r.fullName, email: r.email, trn: r.trn,
    dateOfBirth: r.dateOfBirth ? r.dateOfBirth.toISOString().slice(0, 10) : null,
    profiles: Number(r.profiles), declarations: Number(r.declarations), createdAt: r.createdAt.toISOString(),
  }]));
}
