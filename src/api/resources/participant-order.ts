// A lead provider's system walks GET /participants/ecf page by page (page[page], as the DfE's API pages).
// Finding page n from scratch means reading every participant before it, so the whole order is computed
// once, kept in memory as the teacher ids, and reused for as long as it is current: while no row of the
// provider's lead_provider_participants was written by a transaction its snapshot could not see (each
// row records its writer). Checking that is one index lookup; a page then needs only its own 100 rows.
// A participant who stopped being visible stays in the kept order but is not rendered (the page is one
// short), so nobody else moves to a page the client has already read.
import { Prisma } from '@prisma/client';
import { db } from '../../db/client.js';
import type { Page } from '../http/query.js';

const UUID_LENGTH = 36;
/** Orders kept at once (a provider and its filters each): about 3.6 MB per 100,000 participants. */
const MAX_ORDERS = 8;

interface Order {
  leadProviderId: string;
  /** pg_current_snapshot() of the statement that computed the order. */
  snapshot: string;
  /** The teacher ids in order, concatenated: each is UUID_LENGTH characters. */
  ids: string;
}

const orders = new Map<string, Promise<Order>>();

/** Whether the order is still current, as an expression the page's own query evaluates. */
const isCurrentSql = (order: Order) => Prisma.sql`NOT EXISTS (
    SELECT 1 FROM lead_provider_participants v
    WHERE v."leadProviderId" = ${order.leadProviderId}::uuid
      AND v."writtenBy" >= pg_snapshot_xmin(${order.snapshot}::pg_snapshot)
      AND NOT pg_visible_in_snapshot(v."writtenBy", ${order.snapshot}::pg_snapshot))`;

async function computeOrder(leadProviderId: string, teachers: Prisma.Sql, orderBy: Prisma.Sql): Promise<Order> {
  const [row] = await db().$queryRaw<{ snapshot: string; ids: string }[]>`
    SELECT pg_current_snapshot()::text AS snapshot, coalesce(string_agg(t.id::text, '' ORDER BY ${orderBy}), '') AS ids
    FROM (${teachers}) t`;
  return { leadProviderId, ...row };
}

function remember(key: string, order: Promise<Order>): Promise<Order> {
  orders.delete(key);
  orders.set(key, order);
  order.catch(() => orders.get(key) === order && orders.delete(key));
  for (const oldest of orders.keys()) {
    if (orders.size <= MAX_ORDERS) break;
    orders.delete(oldest);
  }
  return order;
}

function idsOnPage(order: Order, page: Page): string[] {
  const ids: string[] = [];
  const end = Math.min(order.ids.length, (page.offset + page.limit) * UUID_LENGTH);
  for (let at = page.offset * UUID_LENGTH; at < end; at += UUID_LENGTH) ids.push(order.ids.slice(at, at + UUID_LENGTH));
  return ids;
}

/** Reads a page of these teacher ids, and evaluates `current` (a boolean SQL expression) in the same query. */
export type PageReader<T> = (teacherIds: string[], current: Prisma.Sql) => Promise<{ value: T; current: boolean }>;

/**
 * A page of `teachers` (rows with id and "createdAt", aliased t by `orderBy`), the provider's only:
 * `key` names the provider, filters and order. The page is read from a kept order and checked in the same
 * query; when the order was no longer current, it is read again from a new one.
 */
export async function readPage<T>(key: string, leadProviderId: string, teachers: Prisma.Sql, orderBy: Prisma.Sql, page: Page, read: PageReader<T>): Promise<T> {
  let candidate = orders.get(key);
  while (candidate) {
    const order = await candidate;
    const { value, current } = await read(idsOnPage(order, page), isCurrentSql(order));
    if (current) return value;
    const latest = orders.get(key);
    // Another request may have computed a newer order meanwhile: check that one.
    candidate = latest && latest !== candidate ? latest : undefined;
  }
  // One computed here, after this request arrived, is current for it.
  const order = await remember(key, computeOrder(leadProviderId, teachers, orderBy));
  return (await read(idsOnPage(order, page), Prisma.sql`true`)).value;
}
