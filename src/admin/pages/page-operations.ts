// What a custom back-office page (src/admin/*-page.ts) does with a form it is sent: the form's `op` names
// an operation, the operation calls one action, and the page replies with what came of it. A refusal
// (ActionError, or the action's input schema) becomes the one notice every page shows; any other error
// is thrown on, to AdminJS's error page, so no stack or driver text reaches a user.
import { asActionError } from '../../actions/errors.js';

/** What a page tells its user after an operation: `errors` holds each message of a refusal on its own. */
export interface PageNotice {
  message: string;
  type: 'success' | 'error' | 'info';
  errors: string[];
}

/** What an operation gives back: whatever the page shows next, with a notice when there is one. */
export type OperationReply = { notice?: PageNotice } & Record<string, unknown>;

export type PageOperation<Ctx, Payload, Reply extends OperationReply> = (ctx: Ctx, payload: Payload) => Promise<Reply>;

export const successNotice = (message: string): PageNotice => ({ message, type: 'success', errors: [] });
export const infoNotice = (message: string): PageNotice => ({ message, type: 'info', errors: [] });
const errorNotice = (errors: string[]): PageNotice => ({ message: errors.join(' '), type: 'error', errors });

/** A success notice for an operation that only says what it did. */
export const said = (message: string) => ({ notice: successNotice(message) });

/** The notice for an action's refusal; anything that is not a refusal is thrown on. */
export function refusalNotice(error: unknown): PageNotice {
  const refusal = asActionError(error);
  if (!refusal) throw error;
  return errorNotice(refusal.messages);
}

/** Runs `work`; a refusal comes back as `{ notice }` instead. */
export async function replyOrRefusal<Reply extends OperationReply>(work: () => Promise<Reply>): Promise<Reply | { notice: PageNotice }> {
  try {
    return await work();
  } catch (error) {
    return { notice: refusalNotice(error) };
  }
}

/** Runs the operation `name` names (a form's `op`); an unknown name or a refusal comes back as `{ notice }`. */
export async function runPageOperation<Ctx, Payload, Reply extends OperationReply>(
  operations: Record<string, PageOperation<Ctx, Payload, Reply>>,
  name: unknown,
  ctx: Ctx,
  payload: Payload,
): Promise<Reply | { notice: PageNotice }> {
  const operation = typeof name === 'string' && Object.hasOwn(operations, name) ? operations[name] : undefined;
  if (!operation) return { notice: errorNotice(['Unknown request.']) };
  return replyOrRefusal(() => operation(ctx, payload));
}
