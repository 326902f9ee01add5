// Every record the back office serialises (list, show, search, a record action's answer, and each
// populated reference inside them) passes through here with the signed-in user, so a role gets only the
// fields it may see (src/actions/field-visibility.ts), whatever the route:
// - secrets (password and token hashes) are removed for everyone, restricted fields masked;
// - a populated record of a kind the role may not read at all keeps only its id and title;
// - an audit event's before and after are masked by the rules of the model it is about, and hidden whole
//   when the role may not read that model's records or the event's subject has no model
//   (src/admin/model-readers.ts).
import { flat, type BaseResource, type CurrentAdmin, type RecordJSON } from 'adminjs';
import type { Role } from '@prisma/client';
import { fieldRule, hiddenFields, mask, seesField } from '../actions/field-visibility.js';
import { visibleAuditValueFor } from './model-readers.js';
import { roleOf } from './rbac.js';

type FlatParams = Parameters<typeof flat.get>[0];

const mayRead = (resource: BaseResource, currentAdmin: CurrentAdmin | undefined): boolean =>
  !!resource.decorate().actions.show?.isAccessible(currentAdmin);

/** Keys of flattened params belonging to `field` (the field itself or its nested keys). */
const keysOf = (params: Record<string, unknown>, field: string) =>
  Object.keys(params).filter((key) => key === field || key.startsWith(`${field}.`));

export function visibleRecordJson(resource: BaseResource, json: RecordJSON, currentAdmin: CurrentAdmin | undefined): RecordJSON {
  const role = roleOf(currentAdmin);
  const model = resource.id();
  let params: Record<string, unknown> = { ...json.params };
  if (!mayRead(resource, currentAdmin)) {
    const keep = new Set(['id', resource.decorate().titleProperty().name()].filter((field) => seesField(role, model, field)));
    params = Object.fromEntries(Object.entries(params).filter(([key]) => keep.has(key)));
  }
  for (const field of hiddenFields(role, model)) {
    const keys = keysOf(params, field);
    if (!keys.length) continue;
    const value = mask(flat.get(params as FlatParams, field), fieldRule(model, field)!);
    for (const key of keys) delete params[key];
    if (value !== undefined) params[field] = value;
  }
  if (model === 'AuditEvent') params = visibleAuditValues(params, role);
  return { ...json, params };
}

function visibleAuditValues(params: Record<string, unknown>, role: Role | undefined): Record<string, unknown> {
  let result = { ...params };
  for (const field of ['before', 'after']) {
    const keys = keysOf(result, field);
    if (!keys.length) continue;
    const value = flat.get(result as FlatParams, field) as unknown;
    for (const key of keys) delete result[key];
    if (value === null || value === undefined) continue;
    const visible = visibleAuditValueFor(role, String(params.subjectType), value);
    result = typeof visible === 'object' && visible !== null ? { ...result, ...flat.flatten({ [field]: visible }) } : { ...result, [field]: visible };
  }
  return result;
}
