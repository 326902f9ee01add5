// The home page's charts, each one SQL aggregate over the whole table (no rows leave the database).
// Counts are numbers; money stays an exact decimal string, turned into a number only to be drawn.
import { Prisma } from '@prisma/client';
import { findCurrentCohort } from '../../rules/current-cohort.js';
import { unchallengedPartnershipSql } from '../../rules/unchallenged-partnership.js';
import { db } from '../../db/client.js';

export interface ChartSeries {
  label: string;
  values: (number | string)[];
}

export interface DashboardChart {
  id: string;
  title: string;
  description: string;
  type: 'bar' | 'line';
  stacked: boolean;
  /** How values read: a count, or pounds (exact decimal strings). */
  unit: 'count' | 'pounds';
  labels: string[];
  series: ChartSeries[];
  note?: string;
}

const DECLARATION_MONTHS = 24;
const STATEMENT_MONTHS_BACK = 12;
const STATEMENT_MONTHS_AHEAD = 6;

/** "2026-11" for the month `offset` months from this one (UTC). */
function monthKey(now: Date, offset: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 7);
}

const monthLabel = (key: string) => new Date(`${key}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

function months(now: Date, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => monthKey(now, from + i));
}

/** Rows of (x, series, value) as one series per name over the given x values, missing cells as 0. */
function pivot<V extends number | string>(xs: string[], rows: { x: string; name: string; value: V }[], zero: V, names?: string[]): ChartSeries[] {
  const seriesNames = names ?? [...new Set(rows.map((r) => r.name))].sort();
  const index = new Map(xs.map((x, i) => [x, i]));
  const series = seriesNames.map((label) => ({ label, values: xs.map(() => zero as number | string) }));
  const byName = new Map(series.map((s) => [s.label, s]));
  for (const row of rows) {
    const at = index.get(row.x);
    const target = byName.get(row.name);
    if (at !== undefined && target) target.values[at] = row.value;
  }
  return series;
}

export async function participantsByCohortChart(): Promise<DashboardChart> {
  const rows = await db().$queryRaw<{ x: string; name: string; value: number }[]>`
    SELECT c."startYear"::text AS x, p."trainingStatus"::text AS name, count(*)::int AS value
    FROM participant_profiles p JOIN cohorts c ON c.id = p."cohortId"
    WHERE p."archivedAt" IS NULL
    GROUP BY c."startYear", p."trainingStatus"`;
  const years = [...new Set(rows.map((r) => r.x))].sort();
  const STATUSES = ['active', 'deferred', 'withdrawn'];
  const series = pivot(years, rows, 0, STATUSES).map((s) => ({ ...s, label: s.label[0].toUpperCase() + s.label.slice(1) }));
  return {
    id: 'participants-by-cohort', title: 'Participants by cohort and training status', type: 'bar', stacked: true, unit: 'count',
    description: 'ECTs and mentors in each cohort, by the training status their lead provider reported.',
    labels: years, series,
  };
}

export async function declarationsPerMonthChart(now = new Date()): Promise<DashboardChart> {
  const keys = months(now, -(DECLARATION_MONTHS - 1), 0);
  const rows = await db().$queryRaw<{ x: string; name: string; value: number }[]>`
    SELECT to_char(m.month, 'YYYY-MM') AS x, lp.name, m.n AS value
    FROM (
      SELECT date_trunc('month', d."declarationDate") AS month, d."cpdLeadProviderId", count(*)::int AS n
      FROM declarations d
      WHERE d."declarationDate" >= ${new Date(`${keys[0]}-01T00:00:00Z`)} AND d.state <> 'voided'
      GROUP BY 1, 2
    ) m JOIN cpd_lead_providers lp ON lp.id = m."cpdLeadProviderId"`;
  return {
    id: 'declarations-per-month', title: 'Declarations per month by lead provider', type: 'line', stacked: false, unit: 'count',
    description: `Declarations by declaration date over the last ${DECLARATION_MONTHS} months, voided ones left out.`,
    labels: keys.map(monthLabel), series: pivot(keys, rows, 0),
  };
}

export async function partnershipsPerLeadProviderChart(now = new Date()): Promise<DashboardChart> {
  // Without this year's cohort in the calendar yet, the latest one that has started (the dashboard says why).
  const current = await findCurrentCohort(now);
  const cohort = current.cohort ?? current.latestStarted;
  const rows = cohort
    ? await db().$queryRaw<{ name: string; confirmed: number; pending: number }[]>`
        SELECT lp.name,
               count(p.id) FILTER (WHERE NOT p.pending)::int AS confirmed,
               count(p.id) FILTER (WHERE p.pending)::int AS pending
        FROM lead_providers lp
        LEFT JOIN partnerships p ON p."leadProviderId" = lp.id AND p."cohortId" = ${cohort.id}::uuid
          AND ${unchallengedPartnershipSql('p')} AND NOT p.relationship
        GROUP BY lp.name ORDER BY lp.name`
    : [];
  return {
    id: 'partnerships-per-lead-provider', title: `Partnerships per lead provider, ${cohort ? `${cohort.startYear} cohort` : 'no cohort yet'}`,
    type: 'bar', stacked: true, unit: 'count',
    description: 'Schools in partnership with each lead provider for the current cohort; challenged partnerships left out.',
    labels: rows.map((r) => r.name),
    series: [
      { label: 'Confirmed', values: rows.map((r) => r.confirmed) },
      { label: 'Pending', values: rows.map((r) => r.pending) },
    ],
  };
}

/** The payment dates the statement totals chart shows: from `from` up to (not including) `to`. */
export function statementTotalsWindow(now = new Date()): { keys: string[]; from: Date; to: Date } {
  const keys = months(now, -STATEMENT_MONTHS_BACK, STATEMENT_MONTHS_AHEAD);
  return { keys, from: new Date(`${keys[0]}-01T00:00:00Z`), to: new Date(`${monthKey(now, STATEMENT_MONTHS_AHEAD + 1)}-01T00:00:00Z`) };
}

export async function statementTotalsPerMonthChart(now = new Date()): Promise<DashboardChart> {
  const { keys, from, to } = statementTotalsWindow(now);
  const rows = await db().$queryRaw<{ x: string; name: string; value: string | null; uncalculated: number }[]>`
    SELECT to_char(s."paymentDate", 'YYYY-MM') AS x, lp.name,
           sum(latest.total)::text AS value, count(*) FILTER (WHERE latest.total IS NULL)::int AS uncalculated
    FROM statements s
    JOIN cpd_lead_providers lp ON lp.id = s."cpdLeadProviderId"
    LEFT JOIN LATERAL (
      SELECT ss.total FROM statement_snapshots ss WHERE ss."statementId" = s.id ORDER BY ss."calculatedAt" DESC LIMIT 1
    ) latest ON true
    WHERE s."paymentDate" >= ${from} AND s."paymentDate" < ${to}
    GROUP BY 1, lp.name`;
  const uncalculated = rows.reduce((n, r) => n + r.uncalculated, 0);
  const totals = rows.filter((r) => r.value !== null).map((r) => ({ x: r.x, name: r.name, value: new Prisma.Decimal(r.value!).toFixed(2) }));
  return {
    id: 'statement-totals-per-month', title: 'Statement totals by payment month', type: 'bar', stacked: true, unit: 'pounds',
    description: 'Each statement’s total including VAT, from its latest calculation, by the month it is paid.',
    labels: keys.map(monthLabel), series: pivot(keys, totals, '0.00'),
    note: uncalculated ? `${uncalculated.toLocaleString('en-GB')} statement(s) in these months have no calculation stored yet (the nightly statements job calculates open statements).` : undefined,
  };
}
