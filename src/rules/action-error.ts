import { ZodError } from 'zod';
import { plainFieldErrors, type FieldLabels, type InputIssue } from './input-messages.js';
// Errors an action raises for a reason the caller can act on. Transports map `code` once:
// AdminJS to a notice, the API to a status, the CLI to an exit code.
export type ActionErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'INVALID_STATE' | 'INVALID_INPUT' | 'CONFLICT';

export interface FieldError {
  /** The attribute, column or field the message is about (e.g. the API's error title). */
  field: string;
  message: string;
}

export class ActionError extends Error {
  /** The refused input's issues, so a page can name each field as it labels it (`asActionError`). */
  issues?: readonly InputIssue[];

  constructor(
    readonly code: ActionErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ActionError';
  }

  /** What to tell people: each field's message, or the message when no field is named. */
  get messages(): string[] {
    return this.fieldErrors.length ? this.fieldErrors.map((f) => f.message) : [this.message];
  }
}

export const notFound = (what: string) => new ActionError('NOT_FOUND', `${what} not found`);

/**
 * Refused input as an action's refusal, in plain English (./input-messages.ts). `summary` is the message
 * when one sentence says it better than the fields' messages joined.
 */
export function inputRefused(error: ZodError, summary?: string, labels?: FieldLabels, fallbackField?: string): ActionError {
  const fieldErrors = plainFieldErrors(error.issues, labels, fallbackField);
  const refusal = new ActionError('INVALID_INPUT', summary ?? joined(fieldErrors), fieldErrors);
  refusal.issues = error.issues;
  return refusal;
}

const joined = (fieldErrors: FieldError[]) => fieldErrors.map((f) => f.message.replace(/\.$/, '')).join('. ') + '.';

/**
 * An action's refusal in one shape, whether it came from a rule (ActionError) or from input validation
 * (zod), with refused fields named by `labels` (the page's own labels) where given.
 */
export function asActionError(error: unknown, labels?: FieldLabels): ActionError | undefined {
  if (error instanceof ActionError) {
    if (!labels || !error.issues) return error;
    const fieldErrors = plainFieldErrors(error.issues, labels);
    const relabelled = new ActionError(error.code, error.message === joined(error.fieldErrors) ? joined(fieldErrors) : error.message, fieldErrors);
    relabelled.issues = error.issues;
    return relabelled;
  }
  if (error instanceof ZodError) return inputRefused(error, undefined, labels);
  return undefined;
}
