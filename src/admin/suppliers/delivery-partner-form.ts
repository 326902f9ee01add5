// Suppliers › delivery partner › New / Edit: its name and the lead provider × cohort matrix on one form.
// GET answers the form (the matrix from findRelationshipMatrix); POST saves through createDeliveryPartner or
// updateDeliveryPartner, which also save the relationships, and answers a refusal with its messages.
import type { Action, ActionHandler, ActionResponse } from 'adminjs';
import { asActionError, type FieldError } from '../../actions/errors.js';
import { createDeliveryPartner } from '../../actions/provider-relationships/create-delivery-partner.js';
import { findRelationshipMatrix, type RelationshipMatrixRow } from '../../actions/provider-relationships/find-relationship-matrix.js';
import { updateDeliveryPartner } from '../../actions/provider-relationships/update-delivery-partner.js';
import { actorFromAdmin } from '../actor.js';
import { Components } from '../components/index.js';
import { allowPermission } from '../rbac.js';

export interface DeliveryPartnerFormView {
  name: string;
  matrix: RelationshipMatrixRow[];
}

/** What the form component receives. */
export interface DeliveryPartnerFormReply {
  form?: DeliveryPartnerFormView;
  /** The refusal in a sentence (for a conflict, the partnerships that block it). */
  message?: string;
  /** Input problems, by field (`name`, `pairs`). */
  errors?: FieldError[];
  redirectUrl?: string;
}

/** The ticked cells arrive as one JSON list, so that "none ticked" is distinguishable from "not sent". */
function readPairs(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

const handler: ActionHandler<ActionResponse> = async (request, _response, { record, resource, currentAdmin, h }) => {
  const id = record ? String(record.id()) : undefined;
  const recordJson = record?.toJSON(currentAdmin);
  const form = async (name: string): Promise<DeliveryPartnerFormView> => ({ name, matrix: await findRelationshipMatrix(id) });
  if (request.method !== 'post') {
    return { record: recordJson, form: await form(String(record?.params.name ?? '')) } satisfies DeliveryPartnerFormReply & ActionResponse;
  }

  const payload = (request.payload ?? {}) as Record<string, unknown>;
  const input = { name: payload.name, pairs: readPairs(payload.pairs) };
  try {
    const ctx = actorFromAdmin(currentAdmin);
    const saved = id ? await updateDeliveryPartner(ctx, { id, ...input }) : await createDeliveryPartner(ctx, input);
    const fresh = await resource.findOne(saved.id);
    return {
      record: fresh?.toJSON(currentAdmin),
      redirectUrl: h.recordActionUrl({ resourceId: resource.id(), recordId: saved.id, actionName: 'show' }),
      notice: { message: id ? 'Delivery partner saved.' : 'Delivery partner created.', type: 'success' },
    };
  } catch (error) {
    const refusal = asActionError(error);
    if (!refusal) throw error;
    // Input problems sit beside their fields; any other refusal (a conflict names the partnerships) is the message.
    const invalid = refusal.code === 'INVALID_INPUT';
    const message = invalid ? 'Check the highlighted fields.' : refusal.message;
    return {
      record: recordJson,
      form: await form(typeof input.name === 'string' ? input.name : ''),
      message,
      errors: invalid ? refusal.fieldErrors : [],
      notice: { message, type: 'error' },
    } satisfies DeliveryPartnerFormReply & ActionResponse;
  }
};

/** The `new` and `edit` actions of the DeliveryPartner resource. */
export function deliveryPartnerFormAction(kind: 'new' | 'edit'): Partial<Action<ActionResponse>> {
  return {
    component: Components.DeliveryPartnerForm,
    isAccessible: allowPermission('suppliers.edit'),
    // A deleted (discarded) delivery partner is kept for history only.
    ...(kind === 'edit' ? { isVisible: ({ record }) => !record?.params.discardedAt } : {}),
    handler,
  };
}
