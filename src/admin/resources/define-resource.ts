// Builds one AdminJS resource from a short spec: who reads it, what shows, and which writes go through
// which action. Built-in new/edit/delete are off unless an action backs them: data changes only via src/actions.
import type { Action, ActionContext, ActionRequest, ActionResponse, After, Before, PropertyOptions, ResourceOptions, ResourceWithOptions } from 'adminjs';
import type { Prisma } from '@prisma/client';
import { db } from '../../db/client.js';
import type { Permission } from '../../actions/authz.js';
import { ecfResourceArgs } from '../prisma-resource.js';
import { allowPermission, allowReaders, roleOf, type Readers } from '../rbac.js';
import { actionBackedSave, type Operation } from '../handlers.js';
import type { NavGroup } from '../navigation.js';
import { Components } from '../components/index.js';
import { auditTrailFor } from '../audit-trail.js';
import { listDownloadAction } from '../lists/list-download.js';
import { savedFiltersAction } from '../lists/saved-filters-action.js';
import { registerReaders } from '../model-readers.js';
import { withoutHiddenFieldQueries } from '../hidden-field-queries.js';
import { enumFieldsOf, enumValueInWords } from '../value-words.js';

export interface ResourceSpec {
  model: Prisma.ModelName;
  table: string;
  /** false: reachable by its address and links, not listed in the menu. */
  navigation: NavGroup | null | false;
  readers: Readers;
  titleProperty?: string;
  searchColumns?: string[];
  list: string[];
  filter?: string[];
  show?: string[];
  money?: string[];
  sort?: { sortBy: string; direction: 'asc' | 'desc' };
  edit?: { permission: Permission; operation: Operation<{ id: string }>; properties: string[] };
  create?: { permission: Permission; operation: Operation<{ id: string }>; properties: string[] };
  properties?: Record<string, PropertyOptions>;
  actions?: Record<string, Partial<Action<ActionResponse>>>;
  /** Show the record's audit events on its page (default true). */
  auditTrail?: boolean;
}

const AUDIT_PROPERTY = 'auditTrail';

export function defineResource(spec: ResourceSpec): ResourceWithOptions {
  const read = allowReaders(spec.readers);
  registerReaders(spec.model, spec.readers);
  const auditTrail = spec.auditTrail !== false;
  const properties: Record<string, PropertyOptions> = { ...spec.properties };
  for (const money of spec.money ?? []) {
    properties[money] = { ...properties[money], components: { list: Components.Money, show: Components.Money } };
  }
  for (const [field, values] of enumFieldsOf(spec.model)) {
    const own = properties[field] ?? {};
    properties[field] = {
      ...own,
      availableValues: own.availableValues ?? values.map((value) => ({ value, label: enumValueInWords(value) })),
      components: { list: Components.EnumValue, show: Components.EnumValue, ...own.components },
    };
  }
  if (auditTrail) {
    properties[AUDIT_PROPERTY] = {
      type: 'mixed', isVisible: { list: false, filter: false, show: true, edit: false },
      components: { show: Components.AuditTrail }, position: 9999,
    };
  }
  const formProperties = [...new Set([...(spec.edit?.properties ?? []), ...(spec.create?.properties ?? [])])];

  const options: ResourceOptions = {
    navigation: spec.navigation,
    titleProperty: spec.titleProperty,
    listProperties: spec.list,
    filterProperties: spec.filter ?? spec.list,
    showProperties: spec.show ? [...spec.show, ...(auditTrail ? [AUDIT_PROPERTY] : [])] : undefined,
    editProperties: formProperties.length ? formProperties : undefined,
    sort: spec.sort,
    properties,
    actions: mergeActions({
      list: { isAccessible: read, before: [withoutHiddenFieldQueries(spec.model)] },
      search: { isAccessible: read, before: [withoutHiddenFieldQueries(spec.model)] },
      download: { ...listDownloadAction(read), before: [withoutHiddenFieldQueries(spec.model)] },
      savedFilters: savedFiltersAction(read),
      show: { isAccessible: read, after: auditTrail ? [withAuditTrail(spec.model)] : [] },
      new: spec.create
        ? { isAccessible: allowPermission(spec.create.permission), handler: actionBackedSave(spec.create.operation, 'Created.') as Action<ActionResponse>['handler'] }
        : { isAccessible: false },
      edit: spec.edit
        ? { isAccessible: allowPermission(spec.edit.permission), handler: actionBackedSave(spec.edit.operation, 'Saved.') as Action<ActionResponse>['handler'] }
        : { isAccessible: false },
      delete: { isAccessible: false },
      bulkDelete: { isAccessible: false },
    }, spec.actions ?? {}),
  };
  // AdminJS merges option lists and fails on keys that are present but undefined.
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ResourceOptions;
  return {
    resource: ecfResourceArgs(spec.model, db(), { table: spec.table, searchColumns: spec.searchColumns }, spec.titleProperty ?? 'name'),
    options: defined,
  };
}

function withAuditTrail(subjectType: string) {
  return async (response: ActionResponse, _request: ActionRequest, context: ActionContext) => {
    const id = context.record?.id();
    if (id && response.record) {
      response.record.params[AUDIT_PROPERTY] = JSON.stringify(await auditTrailFor(subjectType, String(id), roleOf(context.currentAdmin)));
    }
    return response;
  };
}

type ActionMap = Record<string, Partial<Action<ActionResponse>>>;

/** A spec's own options extend the defaults of the same action: access rules stay, `before` and `after` hooks add up. */
function mergeActions(defaults: ActionMap, custom: ActionMap): ResourceOptions['actions'] {
  const merged: ActionMap = { ...defaults };
  for (const [name, action] of Object.entries(custom)) {
    const base = defaults[name] ?? {};
    const before = [base.before, action.before].flat().filter(Boolean) as Before[];
    const after = [base.after, action.after].flat().filter(Boolean) as After<ActionResponse>[];
    merged[name] = { ...base, ...action, ...(before.length ? { before } : {}), ...(after.length ? { after } : {}) };
  }
  return merged as ResourceOptions['actions'];
}
