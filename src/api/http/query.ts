// Reading the query string as the DfE does: page[page]/page[per_page], filter[...] (which must be a
// hash), comma-separated lists, RFC 3339 updated_since, and sort=+a,-b over a whitelist.
import type { Request } from 'express';
import { Prisma, type TrainingStatus } from '@prisma/client';
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
  const number = (value: unknown, fallback: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !/^\d+$/.test(value.trim()) || Number(value) < 1) throw badRequest(BAD_REQUEST, INVALID_PAGE);
    return Number(value);
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

/** Cohort start years from filter[cohort]; null when absent (callers apply their own default). */
export function cohortYearsOf(filter: Filter): number[] | null {
  const years = listOf(filter.cohort);
  if (years.length === 0) return null;
  return years.filter((y) => /^\d{4}$/.test(y)).map(Number);
}

/** `start_year` condition: the years asked for, or every cohort after 2020 by default. */
export const cohortCondition = (column: Prisma.Sql, years: number[] | null): Prisma.Sql =>
  years === null ? Prisma.sql`${column} > 2020` : years.length === 0 ? Prisma.sql`false` : Prisma.sql`${column} = ANY(${years}::int[])`;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}([.,]\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;

export function updatedSinceOf(filter: Filter): Date | null {
  const raw = filter.updated_since;
  if (raw === undefined || raw.trim() === '') return null;
  // A "+01:00" offset sent unencoded arrives as " 01:00".
  const value = decodeURIComponent(raw.trim()).replace(/ (\d{2}(:?\d{2})?)$/, '+$1').replace(',', '.');
  const date = ISO_8601.test(value) ? new Date(/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(value) ? value : `${value}Z`) : null;
  if (!date || Number.isNaN(date.getTime())) throw badRequest(BAD_REQUEST, INVALID_UPDATED_SINCE);
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
