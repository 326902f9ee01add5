// Request bodies are {"data":{"type","attributes":{...}}}; without `data` the DfE answers 400.
import type { Request } from 'express';
import { BAD_REQUEST, badRequest, INVALID_DATA_STRUCTURE } from './api-error.js';

export function attributesOf(req: Request): Record<string, unknown> {
  const data = (req.body as { data?: unknown } | undefined)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw badRequest(BAD_REQUEST, INVALID_DATA_STRUCTURE);
  const attributes = (data as { attributes?: unknown }).attributes;
  return attributes && typeof attributes === 'object' && !Array.isArray(attributes) ? (attributes as Record<string, unknown>) : {};
}
