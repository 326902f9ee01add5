// A back-office list as a query for its download: the columns the list's record page shows that the
// signed-in role may see (a hidden field is left out, not masked), each reference as its record's title,
// the list's own filters (./list-conditions.ts) and its sort, with the id as the tie-break so the order
// is the page's order. Nothing here loads rows: ./list-download.ts streams them.
import { Prisma } from '@prisma/client';
import { Filter, flat, type BaseResource, type CurrentAdmin, type PropertyDecorator } from 'adminjs';
import { seesField } from '../../actions/field-visibility.js';
import { roleOf } from '../rbac.js';
import { dmmfDatamodel } from '../dmmf.js';
import { sqlWhere } from './list-conditions.js';
import { titleSql } from './record-titles.js';
import type { EcfResource } from '../prisma-resource.js';

export type ColumnKind = 'text' | 'number' | 'boolean' | 'datetime' | 'json';

export interface ListExportColumn {
  label: string;
  kind: ColumnKind;
  /** The record's property, for the rules applied to each row (./list-download.ts). */
  property: string;
}

export interface ListExportQuery {
  columns: ListExportColumn[];
  sql: Prisma.Sql;
  /** What the download was asked for, as the audit records it. */
  filters: Record<string, unknown>;
  sort: { sortBy: string; direction: 'asc' | 'desc' };
}

interface ColumnOf { column?: { name: string; kind: string; type: string; relationFromFields?: string[] } }

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

const modelOf = (name: string) => dmmfDatamodel.models.find((model) => model.name === name);
const tableOf = (name: string) => modelOf(name)?.dbName ?? name;

function kindOf(property: PropertyDecorator, type: string): ColumnKind {
  const t = property.type();
  if (t === 'number' || t === 'float' || type === 'Decimal') return 'number';
  if (t === 'boolean') return 'boolean';
  if (t === 'date' || t === 'datetime') return 'datetime';
  if (t === 'mixed' || type === 'Json') return 'json';
  return 'text';
}

/** The list's sort as asked, if it is a column the role may see and the list may sort by; else the list's default. */
function sortOf(resource: BaseResource, query: Record<string, unknown>, visible: Set<string>): ListExportQuery['sort'] {
  const decorated = resource.decorate();
  const sortable = (name: unknown): name is string => typeof name === 'string' && visible.has(name)
    && !!decorated.getPropertyByKey(name)?.isSortable();
  const defaults = decorated.options.sort;
  const fallback = [defaults?.sortBy, ...decorated.getListProperties().map((p) => p.name()), 'id'].find(sortable) ?? 'id';
  const sortBy = sortable(query.sortBy) ? query.sortBy : fallback;
  const asked = query.direction === 'asc' || query.direction === 'desc' ? query.direction : undefined;
  return { sortBy, direction: asked ?? (sortBy === defaults?.sortBy ? defaults.direction : undefined) ?? 'asc' };
}

/** A field's name as a heading when the service names it nowhere else: "declarationDate" → "Declaration date". */
export const sentenceCase = (name: string) => {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** `label` names a property as the pages do (AdminJS's translateProperty). */
export function listExportQuery(
  resource: EcfResource,
  rawQuery: Record<string, unknown>,
  currentAdmin: CurrentAdmin | undefined,
  label: (property: string) => string = sentenceCase,
): ListExportQuery {
  const role = roleOf(currentAdmin);
  const model = resource.id();
  const decorated = resource.decorate();
  const query = flat.unflatten(rawQuery) as Record<string, unknown>;
  const filters = (query.filters && typeof query.filters === 'object' ? query.filters : {}) as Record<string, unknown>;

  const select: Prisma.Sql[] = [Prisma.sql`t.id::text`];
  const joins: Prisma.Sql[] = [];
  const columns: ListExportColumn[] = [{ label: 'Id', kind: 'text', property: 'id' }];
  const visible = new Set<string>(['id']);
  for (const property of decorated.getProperties({ where: 'show' })) {
    const column = (property.property as unknown as ColumnOf).column;
    if (!column || property.name() === 'id' || !seesField(role, model, property.name())) continue;
    visible.add(property.name());
    const target = property.reference();
    if (target) {
      const foreign = column.relationFromFields?.[0];
      if (!foreign) continue;
      const reference = target.id();
      const title = target.decorate().titleProperty().name();
      const alias = `r${joins.length}`;
      joins.push(Prisma.raw(`LEFT JOIN ${quoted(tableOf(reference))} ${alias} ON ${alias}.id = t.${quoted(foreign)}`));
      // A reference shows its record's title as the pages do (./record-titles.ts), or its id where the role may not see it.
      select.push(Prisma.raw(titleSql(role, reference, alias, title)));
      columns.push({ label: label(property.name()), kind: 'text', property: property.name() });
    } else {
      const kind = kindOf(property, column.type);
      select.push(Prisma.raw(kind === 'text' ? `t.${quoted(column.name)}::text` : `t.${quoted(column.name)}`));
      columns.push({ label: label(property.name()), kind, property: property.name() });
    }
  }

  const filter = new Filter(filters, resource);
  const where = sqlWhere(resource.listConditions(filter), 't', enumDbValue);
  const sort = sortOf(resource, query, visible);
  const direction = Prisma.raw(sort.direction === 'desc' ? 'DESC' : 'ASC');
  const sortColumn = (decorated.getPropertyByKey(sort.sortBy)?.property as unknown as ColumnOf | undefined)?.column?.name ?? 'id';
  const sql = Prisma.sql`SELECT ${Prisma.join(select)} FROM ${Prisma.raw(quoted(tableOf(model)))} t ${joins.length ? Prisma.join(joins, ' ') : Prisma.empty}
    WHERE ${where} ORDER BY t.${Prisma.raw(quoted(sortColumn))} ${direction}, t.id ${direction}`;
  return { columns, sql, filters, sort };
}

/** What the database stores for an enum value (they differ where the schema maps them). */
function enumDbValue(enumType: string, name: string): string {
  const value = dmmfDatamodel.enums.find((e) => e.name === enumType)?.values.find((v) => v.name === name);
  return value?.dbName ?? name;
}
