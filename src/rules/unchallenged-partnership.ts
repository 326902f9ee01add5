// "An unchallenged partnership" (the DfE's Partnership.unchallenged): the school has not challenged it, so
// its participants reach the lead provider through it. Both columns are checked: a challenge sets both.
// One definition for Prisma queries, raw SQL and code holding a loaded partnership.
import { Prisma, type Partnership } from '@prisma/client';

/** The Prisma where-clause. */
export const UNCHALLENGED_PARTNERSHIP = { challengedAt: null, challengeReason: null } satisfies Prisma.PartnershipWhereInput;

/** The Prisma where-clause for the opposite: a partnership the school has challenged. */
export const CHALLENGED_PARTNERSHIP = { NOT: UNCHALLENGED_PARTNERSHIP } satisfies Prisma.PartnershipWhereInput;

/** The SQL condition over a partnerships row aliased `alias` (a constant in our own code, never input). */
export function unchallengedPartnershipSql(alias = 'pa'): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return Prisma.raw(`${alias}."challengedAt" IS NULL AND ${alias}."challengeReason" IS NULL`);
}

/** For a loaded partnership, or a row carrying its two challenge columns. */
export function isUnchallenged(partnership: { challengedAt: Partnership['challengedAt']; challengeReason: string | null }): boolean {
  return partnership.challengedAt === null && partnership.challengeReason === null;
}
