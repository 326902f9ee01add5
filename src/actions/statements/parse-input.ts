// Statement actions answer bad input with the DfE's own messages, one per field, as an ActionError.
import type { z } from 'zod';
import { ActionError } from '../errors.js';
import { plainFieldErrors } from '../../rules/input-messages.js';

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const plain = plainFieldErrors(parsed.error.issues);
  const fieldErrors = parsed.error.issues.map((issue, i) =>
    issue.code === 'unrecognized_keys'
      ? { field: [...issue.path, ...issue.keys].join('.'), message: 'Unknown field: check its spelling' }
      : plain[i]);
  const refusal = new ActionError('INVALID_INPUT', fieldErrors[0].message, fieldErrors);
  refusal.issues = parsed.error.issues;
  throw refusal;
}
