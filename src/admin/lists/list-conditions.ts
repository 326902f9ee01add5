// What a list's filters mean, decided once: the list page asks Prisma for it (src/admin/prisma-resource.ts)
// and the list's download asks PostgreSQL directly (./list-query.ts), so both find the same records.
import { Prisma } from '@prisma/client';
import type { Filter } from 'adminjs';

export type ListCondition =
  /** Text typed into a search that the column can never hold (a word for a number, an id or a state). */
  | { kind: 'nothing' }
  | { kind: 'equals'; column: string; value: string | number | boolean; enumType?: string }
  | { kind: 'contains'; columns: string[]; text: string }
  | { kind: 'between'; column: string; from?: Date; to?: Date };

interface FilterProperty {
  type(): string;
  isEnum(): boolean;
  availableValues(): string[] | null;
  foreignColumnName?(): string | null;
  column?: { type: string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ListSearchOptions {
  /** The resource's title column: its filter also searches `searchColumns` (a school's name filter matches its URN). */
  titleColumn: string;
  searchColumns?: string[];
}

export function listConditions(filter: Filter | undefined, options: ListSearchOptions): ListCondition[] {
  const conditions: ListCondition[] = [];
  for (const [name, element] of Object.entries(filter?.filters ?? {})) {
    const { property, value } = element as unknown as { property: FilterProperty; value: unknown };
    const type = property.type();
    const cannotMatch = (property.isEnum() && !(property.availableValues() ?? []).includes(String(value)))
      || ((type === 'uuid' || type === 'reference' || name === 'id') && !UUID.test(String(value)))
      || (type === 'number' && !Number.isFinite(Number(value)));
    if (cannotMatch) {
      conditions.push({ kind: 'nothing' });
    } else if (type === 'reference') {
      conditions.push({ kind: 'equals', column: property.foreignColumnName?.() ?? name, value: String(value) });
    } else if (property.isEnum()) {
      conditions.push({ kind: 'equals', column: name, value: String(value), enumType: property.column?.type });
    } else if (typeof value === 'string' && UUID.test(value)) {
      conditions.push({ kind: 'equals', column: name, value });
    } else if (type === 'boolean') {
      conditions.push({ kind: 'equals', column: name, value: value === true || value === 'true' });
    } else if (type === 'number') {
      conditions.push({ kind: 'equals', column: name, value: Number(value) });
    } else if (type === 'date' || type === 'datetime') {
      const range = value as { from?: string; to?: string };
      const date = (text?: string) => (text && !Number.isNaN(new Date(text).getTime()) ? new Date(text) : undefined);
      conditions.push({ kind: 'between', column: name, from: date(range.from), to: date(range.to) });
    } else if (type === 'string') {
      const columns = name === options.titleColumn ? [name, ...(options.searchColumns ?? [])] : [name];
      conditions.push({ kind: 'contains', columns, text: String(value).trim() });
    }
  }
  return conditions;
}

/** The conditions as a Prisma `where`. */
export function prismaWhere(conditions: ListCondition[]): Record<string, unknown> {
  const and = conditions.map((c): Record<string, unknown> => {
    switch (c.kind) {
      case 'nothing': return { id: { in: [] } };
      case 'equals': return { [c.column]: typeof c.value === 'string' ? { equals: c.value } : c.value };
      case 'contains': return { OR: c.columns.map((column) => ({ [column]: { contains: c.text, mode: 'insensitive' } })) };
      case 'between': return { [c.column]: { ...(c.from ? { gte: c.from } : {}), ...(c.to ? { lte: c.to } : {}) } };
    }
  });
  return and.length ? { AND: and } : {};
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * The conditions as SQL on the table aliased `alias`. `enumValue` turns an enum's Prisma name into what
 * the database stores (they differ where the schema maps them, e.g. retained_1 / retained-1).
 */
export function sqlWhere(conditions: ListCondition[], alias: string, enumValue: (enumType: string, name: string) => string): Prisma.Sql {
  if (!conditions.length) return Prisma.sql`TRUE`;
  const column = (name: string) => Prisma.raw(`${alias}."${name.replace(/"/g, '""')}"`);
  const parts = conditions.map((c): Prisma.Sql => {
    switch (c.kind) {
      case 'nothing': return Prisma.sql`FALSE`;
      case 'equals':
        // An untyped parameter takes the column's type (uuid, text or the enum), so indexes still serve.
        return Prisma.sql`${column(c.column)} = ${c.enumType ? enumValue(c.enumType, String(c.value)) : c.value}`;
      case 'contains':
        return Prisma.sql`(${Prisma.join(c.columns.map((name) => Prisma.sql`${column(name)}::text ILIKE ${likePattern(c.text)}`), ' OR ')})`;
      case 'between':
        return Prisma.sql`(${c.from ? Prisma.sql`${column(c.column)} >= ${c.from}` : Prisma.sql`TRUE`} AND ${c.to ? Prisma.sql`${column(c.column)} <= ${c.to}` : Prisma.sql`TRUE`})`;
    }
  });
  return Prisma.join(parts, ' AND ');
}
