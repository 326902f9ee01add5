// The one adapter from AdminJS forms to our actions: AdminJS collects the form, the action does the work.
import { flat, NotFoundError, ValidationError, type ActionHandler, type ActionRequest, type RecordActionResponse } from 'adminjs';
import type { ActorContext } from '../actions/actor.js';
import { asActionError } from '../actions/errors.js';
import { actorFromAdmin } from './actor.js';

export type Operation<R> = (ctx: ActorContext, raw: unknown) => Promise<R>;

/** Empty form fields arrive as '' — absent for the action's schema. */
function formPayload(request: ActionRequest): Record<string, unknown> {
  const values = flat.unflatten(request.payload ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? null : v]));
}

/** Turns an action's refusal into messages on the form's fields (or a notice). */
export function toValidationError(error: unknown): ValidationError | undefined {
  const refusal = asActionError(error);
  if (!refusal) return undefined;
  return new ValidationError(
    Object.fromEntries(refusal.fieldErrors.map((f) => [f.field, { message: f.message }])),
    { message: refusal.code === 'INVALID_INPUT' ? 'Check the highlighted fields.' : refusal.message },
  );
}

/** A new/edit handler whose save calls `operation` with the form values (and the record id when editing). */
export function actionBackedSave<R extends { id: string }>(operation: Operation<R>, successMessage: string): ActionHandler<RecordActionResponse> {
  return async (request, _response, context) => {
    const { record, resource, currentAdmin, h } = context;
    if (request.method !== 'post') {
      if (!record && context.action.name === 'edit') throw new NotFoundError('Record not found', 'edit');
      return { record: record?.toJSON(currentAdmin) ?? resource.build({}).toJSON(currentAdmin) } as RecordActionResponse;
    }
    const input = { ...formPayload(request), ...(record ? { id: record.id() } : {}) };
    try {
      // The session id lets an action that ends the user's sessions keep the one making the change.
      const saved = await operation({ ...actorFromAdmin(currentAdmin), sessionId: (request as { sessionID?: string }).sessionID }, input);
      const fresh = await resource.findOne(saved.id);
      return {
        record: fresh!.toJSON(currentAdmin),
        redirectUrl: h.recordActionUrl({ resourceId: resource.id(), recordId: saved.id, actionName: 'show' }),
        notice: { message: successMessage, type: 'success' },
      };
    } catch (error) {
      const validation = toValidationError(error);
      if (!validation) throw error;
      const shown = record ?? resource.build(request.payload ?? {});
      shown.errors = validation.propertyErrors;
      return {
        record: shown.toJSON(currentAdmin),
        notice: { message: validation.baseError?.message ?? 'Check the highlighted fields.', type: 'error' },
      };
    }
  };
}
