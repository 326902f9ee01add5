// GET /api/v3/statements(/{id}): the caller's output-fee statements, earliest payment first.
import { Prisma } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ApiCaller } from '../http/caller.js';
import { isoDay, isoTime } from '../http/format.js';
import { cohortCondition, type Page } from '../http/query.js';

interface StatementRow {
  id: string;
  name: string;
  startYear: number;
  deadlineDate: Date;
  paymentDate: Date;
  state: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface StatementFilters {
  years: number[] | null;
  type: string | undefined;
  updatedSince: Date | null;
}

const SELECT = Prisma.sql`
  SELECT s.id, s.name, c."startYear", s."deadlineDate", s."paymentDate", s.state::text AS state, s."createdAt", s."updatedAt"
  FROM statements s JOIN cohorts c ON c.id = s."cohortId"`;

function toResource(row: StatementRow) {
  return {
    id: row.id,
    type: 'statement',
    attributes: {
      // Statement names read "January 2026": the month is the first word, the year the first number.
      month: /^\S+/.exec(row.name)?.[0] ?? '',
      year: /\d+/.exec(row.name)?.[0] ?? '',
      type: 'ecf',
      cohort: String(row.startYear),
      cut_off_date: isoDay(row.deadlineDate),
      payment_date: isoDay(row.paymentDate),
      paid: row.state === 'paid',
      created_at: isoTime(row.createdAt),
      updated_at: isoTime(row.updatedAt),
    },
  };
}

export async function listStatements(caller: ApiCaller, filters: StatementFilters, page: Page) {
  if (filters.type && filters.type !== 'ecf') return [];
  const rows = await db().$queryRaw<StatementRow[]>(Prisma.sql`${SELECT}
    WHERE s."cpdLeadProviderId" = ${caller.cpdLeadProviderId}::uuid AND s."outputFee"
      AND ${cohortCondition(Prisma.sql`c."startYear"`, filters.years)}
      ${filters.updatedSince ? Prisma.sql`AND s."updatedAt" >= ${filters.updatedSince}` : Prisma.empty}
    ORDER BY s."paymentDate" ASC, s."createdAt" ASC, s.id ASC
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  return rows.map(toResource);
}

export async function findStatement(caller: ApiCaller, id: string) {
  const [row] = await db().$queryRaw<StatementRow[]>(Prisma.sql`${SELECT}
    WHERE s.id = ${id}::uuid AND s."cpdLeadProviderId" = ${caller.cpdLeadProviderId}::uuid`);
  return row ? toResource(row) : null;
}
