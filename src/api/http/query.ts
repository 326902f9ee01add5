// Reading the query string as the DfE does: page[page]/page[per_page], filter[...] (which must be a
// hash), comma-separated lists, RFC 3339 updated_since, and sort=+a,-b over a whitelist.
import type { Request } from 'express';
import { Prisma, type TrainingStatus } from '@prisma/client';
import { cohortStartYearsOf } from '../../rules/cohort-start-year.js';
import { BAD_REQUEST, badRequest } from './api-error.js';

const DEFAULT_PER_PAGE = 100;
const MAX_PER_PAGE = 3000;
const INVALID_PAGE = "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid number (equal and more than 1)";
const INVALID_UPDATED_SINCE = "The filter '#/updated_since' must be a valid RCF3339 date";
const TRAINING_STATUSES: TrainingStatus[] = ['active', 'deferred', 'withdrawn'];

type Query = Request['query'];

/** `page[page]` arrives nested with Express's default query parser, flat with the simple one. */
function nested(query: Query, group: string, key: string): unknown {
  const value = query[group];
  if (value !== undefined && (typeof value !== 'object' || Array.isArray(value))) return { invalid: value };
  return (value as Record<string, unknown> | undefined)?.[key] ?? query[`${group}[${key}]`];
}

export interface Page {
  limit: number;
  offset: number;
}

export function pageOf(query: Query): Page {
  // Read as Ruby's String#to_i reads them ("2abc" is 2, "abc" is 0), then at least 1.
  const number = (value: unknown, fallback: number): number => {
    if (value === undefined) return fallback;
    const digits = typeof value === 'string' ? /^\s*([+-]?\d+)/.exec(value) : null;
    const parsed = digits ? Number(digits[1]) : 0;
    if (parsed < 1) throw badRequest(BAD_REQUEST, INVALID_PAGE);
    return parsed;
  };
  const page = number(nested(query, 'page', 'page'), 1);
  const perPage = Math.min(number(nested(query, 'page', 'per_page'), DEFAULT_PER_PAGE), MAX_PER_PAGE);
  return { limit: perPage, offset: (page - 1) * perPage };
}

export type Filter = Record<string, string | undefined>;

/** The filter hash, each value a string (repeated values are joined as a comma list). */
export function filterOf(query: Query): Filter {
  const raw = query.filter;
  const flat = Object.keys(query).filter((key) => key.startsWith('filter['));
  if (raw !== undefined && (typeof raw !== 'object' || Array.isArray(raw))) throw badRequest('Bad parameter', 'Filter must be a hash');
  const entries: [string, unknown][] = [
    ...Object.entries((raw as Record<string, unknown> | undefined) ?? {}),
    ...flat.map((key): [string, unknown] => [key.slice('filter['.length, -1), query[key]]),
  ];
  const text = (value: unknown) => (Array.isArray(value) ? value.map(String).join(',') : value === undefined || value === null ? undefined : String(value));
  return Object.fromEntries(entries.map(([key, value]) => [key, text(value)]));
}

export const listOf = (value: string | undefined): string[] =>
  (value ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');

/** Cohort start years from filter[cohort]; null when absent or blank (callers apply their own default). */
export const cohortYearsOf = (filter: Filter): number[] | null => cohortStartYearsOf(filter.cohort);

/** `start_year` condition: the years asked for, or every cohort after 2020 by default. */
export const cohortCondition = (column: Prisma.Sql, years: number[] | null): Prisma.Sql =>
  years === null ? Prisma.sql`${column} > 2020` : years.length === 0 ? Prisma.sql`false` : Prisma.sql`${column} = ANY(${years}::int[])`;

/** What Ruby's Time.iso8601 accepts: a date, optionally with a time to the second, fraction and zone. */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function parseIso8601(value: string): Date | null {
  const match = ISO_8601.exec(value);
  if (!match) return null;
  const [, year, month, day, hours = '00', minutes = '00', seconds = '00', fraction = '', zone = 'Z'] = match;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.length > 3 ? zone.slice(-2) : '00'}`;
  const date = new Date(`${year}-${month}-${day}T${hours}:${minutes}:${seconds}${fraction.slice(0, 4)}${offset}`);
  // JavaScript rolls impossible dates over (2024-02-30 becomes 1 March); Ruby refuses them.
  const sameDay = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDate() === Number(day);
  return Number.isNaN(date.getTime()) || !sameDay ? null : date;
}

export function updatedSinceOf(filter: Filter): Date | null {
  const raw = filter.updated_since?.trim();
  if (!raw) return null;
  // A "+01:00" offset sent unencoded arrives as " 01:00"; the DfE also retries a still-encoded value.
  const readable = (value: string) => parseIso8601(value.replace(/ (\d{2}(:?\d{2})?)$/, '+$1'));
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded after all.
  }
  const date = readable(raw) ?? readable(decoded);
  if (!date) throw badRequest(BAD_REQUEST, INVALID_UPDATED_SINCE);
  return date;
}

export function trainingStatusOf(filter: Filter): TrainingStatus | null {
  const value = filter.training_status?.trim();
  if (!value) return null;
  if (!(TRAINING_STATUSES as string[]).includes(value)) {
    throw badRequest(BAD_REQUEST, `The filter '#/training_status' must be ${JSON.stringify(TRAINING_STATUSES).replace(/,/g, ', ')}`);
  }
  return value as TrainingStatus;
}

export interface Sort {
  orderBy: Prisma.Sql;
  /** The API column names the order uses, so a query can compute only what it sorts by. */
  columns: string[];
}

/**
 * ORDER BY from `sort` (e.g. "-updated_at,created_at"): unknown columns are ignored, the default applies
 * when nothing usable is asked for, and `tieBreaker` (a unique column) comes last, in the direction of the
 * last term, so pages never overlap and a reversed sort is exactly the reverse.
 */
export function sortOf(query: Query, columns: Record<string, Prisma.Sql>, fallback: string, tieBreaker: Prisma.Sql): Sort {
  const raw = Array.isArray(query.sort) ? query.sort.join(',') : typeof query.sort === 'string' ? query.sort : '';
  const terms = listOf(raw)
    .map((term) => ({ column: term.replace(/^[+-]/, ''), descending: term.startsWith('-') }))
    .filter((term) => columns[term.column] !== undefined);
  const used = terms.length ? terms : [{ column: fallback, descending: false }];
  return {
    orderBy: Prisma.join([...used, { column: '', descending: used[used.length - 1].descending }].map((t) =>
      Prisma.sql`${t.column ? columns[t.column] : tieBreaker} ${Prisma.raw(t.descending ? 'DESC' : 'ASC')}`), ', '),
    columns: used.map((t) => t.column),
  };
}
