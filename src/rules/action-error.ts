import { ZodError } from 'zod';
// Errors an action raises for a reason the caller can act on. Transports map `code` once:
// AdminJS to a notice, the API to a status, the CLI to an exit code.
export type ActionErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'INVALID_STATE' | 'INVALID_INPUT' | 'CONFLICT';

export interface FieldError {
  /** The attribute, column or field the message is about (e.g. the API's error title). */
  field: string;
  message: string;
}

export class ActionError extends Error {
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

/** An action's refusal in one shape, whether it came from a rule (ActionError) or from input validation (zod). */
export function asActionError(error: unknown): ActionError | undefined {
  if (error instanceof ActionError) return error;
  if (error instanceof ZodError) {
    const fieldErrors = error.issues.map((issue) => ({ field: issue.path.join('.') || 'input', message: issue.message }));
    return new ActionError('INVALID_INPUT', fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; '), fieldErrors);
  }
  return undefined;
}
