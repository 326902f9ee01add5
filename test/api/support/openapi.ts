// A small validator for the lead provider OpenAPI document: finds the operation a request hit and checks
// the response body against its schema (required properties, types, enums, formats, nullable, anyOf).
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Schema = Record<string, any>;
const document: Schema = JSON.parse(readFileSync(path.resolve('src/api/openapi/lead-provider-api-v3.json'), 'utf8'));

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function resolve(schema: Schema): Schema {
  let current = schema;
  while (current.$ref) current = current.$ref.replace('#/', '').split('/').reduce((node: Schema, key: string) => node[key], document);
  return current;
}

export function schemaProblems(raw: Schema, value: unknown, at = '$'): string[] {
  const schema = resolve(raw);
  if (value === null) return schema.nullable ? [] : [`${at} is null`];
  if (schema.anyOf) {
    const branches = schema.anyOf.map((branch: Schema) => schemaProblems(branch, value, at));
    if (!branches.some((problems: string[]) => problems.length === 0)) return [`${at} matches none of anyOf: ${branches.flat().join('; ')}`];
  }
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  const problems: string[] = [];
  switch (type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at} is not an object`];
      const record = value as Record<string, unknown>;
      for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${at}.${key} is missing`);
      for (const [key, child] of Object.entries(record)) {
        const property = schema.properties?.[key];
        if (property) problems.push(...schemaProblems(property, child, `${at}.${key}`));
        else if (schema.additionalProperties === false) problems.push(`${at}.${key} is not allowed`);
      }
      return problems;
    }
    case 'array':
      if (!Array.isArray(value)) return [`${at} is not an array`];
      return value.flatMap((item, i) => (schema.items ? schemaProblems(schema.items, item, `${at}[${i}]`) : []));
    case 'string':
      if (typeof value !== 'string') return [`${at} is not a string`];
      if (schema.enum && !schema.enum.includes(value)) problems.push(`${at} "${value}" is not one of ${schema.enum.join(', ')}`);
      if (schema.format === 'date-time' && !(ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))) problems.push(`${at} "${value}" is not a date-time`);
      if (schema.format === 'date' && !ISO_DATE.test(value)) problems.push(`${at} "${value}" is not a date`);
      if (schema.format === 'uuid' && !UUID.test(value)) problems.push(`${at} "${value}" is not a uuid`);
      return problems;
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at} is not an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at} is not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at} is not a boolean`];
    default:
      return [];
  }
}

const operations = Object.entries(document.paths as Record<string, Schema>)
  .map(([template, methods]) => ({
    template,
    methods,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    params: (template.match(/\{/g) ?? []).length,
  }))
  .sort((a, b) => a.params - b.params);

/** The documented operation for a request, e.g. ('put', '/api/v3/participants/ecf/x/defer'). */
export function operationFor(method: string, url: string): { template: string; operation: Schema } | null {
  const pathname = url.split('?')[0];
  const match = operations.find((op) => op.pattern.test(pathname) && op.methods[method.toLowerCase()]);
  return match ? { template: match.template, operation: match.methods[method.toLowerCase()] } : null;
}

/**
 * Problems with a response: against the documented schema for its status, or, for an error status the
 * document does not list, against the DfE's error shapes.
 */
export function responseProblems(method: string, url: string, status: number, body: unknown): string[] {
  const found = operationFor(method, url);
  if (!found) return [`${method} ${url} is not in the document`];
  const schema = found.operation.responses?.[String(status)]?.content?.['application/json']?.schema;
  if (schema) return schemaProblems(schema, body);
  if (status < 400) return [`${method} ${found.template} does not document status ${status}`];
  const errors = (body as { errors?: unknown } | null)?.errors;
  const wellFormed =
    (Array.isArray(errors) && errors.length > 0 && errors.every((e) => typeof e?.title === 'string' && typeof e?.detail === 'string')) ||
    typeof (body as { error?: unknown } | null)?.error === 'string' ||
    status === 403 || status === 503;
  return wellFormed ? [] : [`${status} body is not an error body: ${JSON.stringify(body)}`];
}
