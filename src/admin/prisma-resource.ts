// Our Prisma resource for AdminJS. Fixes what the stock adapter gets wrong for this service:
// - Decimal columns stay exact strings end to end (the adapter parses them as floats on save);
// - text filters ignore case, and a resource's title filter can search more columns (schools: name or URN);
// - unfiltered lists on very large tables use PostgreSQL's row estimate instead of count(*).
import { Resource, getModelByName } from '@adminjs/prisma';
import { BaseRecord, type CurrentAdmin, type Filter, type RecordJSON } from 'adminjs';
import type { PrismaClient } from '@prisma/client';
import { dmmfClientModule } from './dmmf.js';
import { listConditions, prismaWhere, type ListCondition } from './lists/list-conditions.js';
import { visibleRecordJson } from './record-visibility.js';
import { hasJoinedTitle, joinedTitles, mayShowJoinedTitle } from './lists/record-titles.js';
import { storedValueInWords } from './value-words.js';
import { roleOf } from './rbac.js';

interface Field { name: string; type: string }
interface SortParams { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: 'asc' | 'desc' } }

export interface EcfResourceOptions {
  /** Further columns the title-property filter searches (e.g. a school's name filter also matches its URN). */
  searchColumns?: string[];
  /** The table, for the planner's row estimate on unfiltered lists. */
  table?: string;
  /** Use the estimate at or above this many rows (default 200,000). */
  estimateCountAbove?: number;
}

// The adapter keeps these as untyped instance members.
interface AdapterInternals {
  manager: { count(args: unknown): Promise<number>; findMany(args: unknown): Promise<Record<string, unknown>[]> };
  model: { fields: Field[] };
  buildSortBy(sort: unknown): unknown;
  prepareReturnValues(row: unknown): Record<string, unknown>;
}

/** What defineResource hands to AdminJS; AdminJS builds the resource through the registered adapter. */
export interface EcfResourceArgs {
  model: ReturnType<typeof getModelByName>;
  client: PrismaClient;
  clientModule: unknown;
  ecf: EcfResourceOptions;
  titleColumn: string;
}

export function ecfResourceArgs(modelName: string, client: PrismaClient, ecf: EcfResourceOptions, titleColumn = 'name'): EcfResourceArgs {
  return { model: getModelByName(modelName, dmmfClientModule), client, clientModule: dmmfClientModule, ecf, titleColumn };
}

/**
 * A record that serialises only what the signed-in user may see (src/admin/record-visibility.ts), titled
 * as the back office names it (./lists/record-titles.ts).
 */
export class EcfRecord extends BaseRecord {
  /** The title made of other records' names, for a model that has no title column of its own. */
  joinedTitle?: string;

  override toJSON(currentAdmin?: CurrentAdmin): RecordJSON {
    const json = visibleRecordJson(this.resource, super.toJSON(currentAdmin), currentAdmin);
    if (this.joinedTitle === undefined) {
      const column = (this.resource as EcfResource).titleColumnName;
      return json.title === json.id ? json : { ...json, title: storedValueInWords(json.title, this.resource.id(), column) };
    }
    return { ...json, title: mayShowJoinedTitle(roleOf(currentAdmin), this.resource.id()) ? this.joinedTitle : json.id };
  }
}

async function withJoinedTitles(model: string, records: EcfRecord[]): Promise<EcfRecord[]> {
  if (!hasJoinedTitle(model) || !records.length) return records;
  const titles = await joinedTitles(model, records.map((record) => String(record.id())));
  for (const record of records) record.joinedTitle = titles.get(String(record.id()));
  return records;
}

export class EcfResource extends Resource {
  private readonly prisma: PrismaClient;
  private readonly ecf: EcfResourceOptions;
  private readonly titleColumn: string;

  // AdminJS constructs every resource from raw arguments through the registered adapter's Resource class
  // (an instance given directly would be wrapped again by the stock adapter).
  constructor(args: EcfResourceArgs) {
    super(args as never);
    this.prisma = args.client;
    this.ecf = args.ecf ?? {};
    this.titleColumn = args.titleColumn ?? 'name';
    for (const property of this.properties()) {
      if ((property as unknown as { column: Field }).column.type === 'Decimal') {
        property.type = () => 'string';
      }
    }
  }

  private get internals(): AdapterInternals {
    return this as unknown as AdapterInternals;
  }

  /** What the list's filters mean (./lists/list-conditions.ts: the list's download reads the same). */
  listConditions(filter?: Filter): ListCondition[] {
    return listConditions(filter, { titleColumn: this.titleColumn, searchColumns: this.ecf.searchColumns });
  }

  get titleColumnName(): string {
    return this.titleColumn;
  }

  private where(filter?: Filter): Record<string, unknown> {
    return prismaWhere(this.listConditions(filter));
  }

  override async count(filter: Filter): Promise<number> {
    const unfiltered = Object.keys(filter?.filters ?? {}).length === 0;
    if (unfiltered && this.ecf.table) {
      const estimate = await this.rowEstimate(this.ecf.table);
      if (estimate >= (this.ecf.estimateCountAbove ?? 200_000)) return estimate;
    }
    // Filtered counts stay exact, counted in SQL. (Capping them with Prisma's `take` reads every matching
    // id into Node: slower than the count itself.)
    return this.internals.manager.count({ where: this.where(filter) });
  }

  private async rowEstimate(table: string): Promise<number> {
    const [row] = await this.prisma.$queryRawUnsafe<{ estimate: number }[]>(
      'SELECT reltuples::bigint::int AS estimate FROM pg_class WHERE oid = $1::regclass',
      table,
    );
    return row?.estimate ?? 0;
  }

  override async find(filter: Filter, { limit = 10, offset = 0, sort = {} }: SortParams = {}): Promise<BaseRecord[]> {
    const rows = await this.internals.manager.findMany({
      where: this.where(filter),
      skip: offset,
      take: limit,
      orderBy: this.internals.buildSortBy(sort),
    });
    return withJoinedTitles(this.id(), rows.map((row) => new EcfRecord(this.internals.prepareReturnValues(row), this)));
  }

  // The stock adapter builds plain records here; ours serialise only what the user may see.
  override build(params: Record<string, unknown>): BaseRecord {
    return new EcfRecord(super.build(params).params, this);
  }

  override async findOne(id: string): Promise<BaseRecord | null> {
    const record = await super.findOne(id);
    return record && (await withJoinedTitles(this.id(), [new EcfRecord(record.params, this)]))[0];
  }

  override async findMany(ids: (string | number)[]): Promise<BaseRecord[]> {
    return withJoinedTitles(this.id(), (await super.findMany(ids)).map((record) => new EcfRecord(record.params, this)));
  }
}
