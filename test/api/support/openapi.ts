// Response checks against the lead provider OpenAPI document (3.0) with Ajv, the JSON Schema validator from
// npm (ajv-formats adds date-time, date and uuid): finds the operation a request hit and validates the body
// against that response's schema.
import { Ajv, type ValidateFunction } from 'ajv';
import { leadProviderApiDocument } from '../../../src/api/openapi/document.js';
import addFormatsModule from 'ajv-formats';

type Schema = Record<string, any>;
const DOCUMENT_ID = 'lead-provider-api-v3.json';
const document: Schema = leadProviderApiDocument();

const ajv = new Ajv({ allErrors: true, strict: false });
// ajv-formats is CommonJS: its function is the default export under jest and `.default` of it under tsc.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (instance: Ajv) => Ajv;
addFormats(ajv);
ajv.addSchema(anchored(document) as Schema, DOCUMENT_ID);
// A successful answer carries every attribute the document names, null when unknown, never leaving one out:
// the DfE's serializers (app/serializers/api/v3/**, jsonapi-serializer) always write each attribute they
// declare, although the document marks some optional. Checked against a copy where every property is required.
const COMPLETE_DOCUMENT_ID = 'lead-provider-api-v3-complete.json';
ajv.addSchema(everyPropertyRequired(anchored(document, COMPLETE_DOCUMENT_ID)) as Schema, COMPLETE_DOCUMENT_ID);

function everyPropertyRequired(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(everyPropertyRequired);
  if (!schema || typeof schema !== 'object') return schema;
  const converted = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === 'properties' ? value : everyPropertyRequired(value)]));
  const properties = (schema as Schema).properties;
  if (properties && typeof properties === 'object') {
    converted.properties = Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, everyPropertyRequired(value)]));
    converted.required = Object.keys(properties);
  }
  return converted;
}

/**
 * The schema as plain JSON Schema that compiles on its own: local references point into the document, and
 * OpenAPI 3.0's `nullable` (which the DfE also puts beside $ref and anyOf, where Ajv refuses it) becomes
 * "or null".
 */
function anchored(schema: unknown, documentId = DOCUMENT_ID): unknown {
  if (Array.isArray(schema)) return schema.map((item) => anchored(item, documentId));
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Schema;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) =>
    [key, key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `${documentId}${value}` : anchored(value, documentId)]));
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

const compiled = new Map<Schema, ValidateFunction>();
const completeCompiled = new Map<Schema, ValidateFunction>();

/** Problems with a value, one line each as "$.path message". */
export function schemaProblems(schema: Schema, value: unknown, complete = false): string[] {
  const cache = complete ? completeCompiled : compiled;
  let validate = cache.get(schema);
  if (!validate) {
    const anchoredSchema = anchored(schema, complete ? COMPLETE_DOCUMENT_ID : DOCUMENT_ID);
    validate = ajv.compile((complete ? everyPropertyRequired(anchoredSchema) : anchoredSchema) as Schema);
    cache.set(schema, validate);
  }
  if (validate(value)) return [];
  const at = (pointer: string) => `$${pointer.split('/').slice(1).map((key) => (/^\d+$/.test(key) ? `[${key}]` : `.${key}`)).join('')}`;
  return (validate.errors ?? []).map((e) => `${at(e.instancePath)} ${e.message}`);
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
  if (schema) return schemaProblems(schema, body, status >= 200 && status < 300);
  if (status < 400) return [`${method} ${found.template} does not document status ${status}`];
  const errors = (body as { errors?: unknown } | null)?.errors;
  const wellFormed =
    (Array.isArray(errors) && errors.length > 0 && errors.every((e) => typeof e?.title === 'string' && typeof e?.detail === 'string')) ||
    typeof (body as { error?: unknown } | null)?.error === 'string' ||
    status === 403 || status === 503;
  return wellFormed ? [] : [`${status} body is not an error body: ${JSON.stringify(body)}`];
}
