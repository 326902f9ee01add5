// Voiding a declaration (PUT /api/v3/participant-declarations/{id}/void, and finance in the back office).
// An unpaid one becomes voided, with its line item; a paid one is clawed back on the next statement.
import { z } from 'zod';
import type { Declaration, DeclarationState } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { NEEDS_SECOND_APPROVER } from '../approvals/approval-rules.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { isUuid, LenientText } from '../partnerships/lenient-input.js';
import { MESSAGES } from '../participants/lead-provider/messages.js';
import { Reason } from '../zod.js';
import { clawbackDeclaration } from '../statements/clawback-declaration.js';
import { refreshMentorCompletion } from './mentor-completion.js';
import { auditEvents } from '../audit/events.js';

/** The back office voids as the DfE and says why; a lead provider's API call gives no reason. */
export const VoidDeclarationInput = z.object({ declarationId: LenientText, reason: Reason.optional() });

const VOIDABLE: readonly DeclarationState[] = ['submitted', 'eligible', 'payable', 'ineligible'];

/** What voiding does to a declaration in this state: voids it, claws it back (paid), or the DfE's refusal. */
export type VoidPlan = { kind: 'void' } | { kind: 'claw_back' } | { kind: 'refused'; message: string };

export function voidPlanFor(state: DeclarationState): VoidPlan {
  if (state === 'paid') return { kind: 'claw_back' };
  if (state === 'voided') return { kind: 'refused', message: MESSAGES.declarationAlreadyVoided };
  if (!VOIDABLE.includes(state)) return { kind: 'refused', message: MESSAGES.declarationNotVoidable };
  return { kind: 'void' };
}

/** Refusals are INVALID_STATE with the DfE's message and no field errors (the API's "Invalid action"). */
export async function voidDeclaration(ctx: ActorContext, raw: unknown): Promise<Declaration> {
  const { declarationId, reason } = VoidDeclarationInput.parse(raw);
  const { actor } = ctx;
  if (actor.kind !== 'api') requirePermission(ctx, 'declarations.void');
  if (actor.kind === 'user' && !reason) {
    throw new ActionError('INVALID_INPUT', 'Give a reason for voiding this declaration', [{ field: 'reason', message: 'Give a reason for voiding this declaration' }]);
  }
  return db().$transaction((tx) => voidDeclarationIn(tx, ctx, { declarationId, reason }));
}

/**
 * The void inside the caller's transaction: a back-office user's clawback of a paid declaration arrives
 * here only from an approved request (src/actions/approvals/approve-request.ts).
 */
export async function voidDeclarationIn(
  tx: Tx,
  ctx: ActorContext,
  input: z.output<typeof VoidDeclarationInput>,
  options: { clawbackApproved?: boolean } = {},
): Promise<Declaration> {
  const { declarationId, reason } = input;
  const { actor } = ctx;
  const voidedByUserId = actor.kind === 'user' ? actor.id : null;
  const now = new Date();
  {
    if (!isUuid(declarationId)) throw notFound('Declaration');
    await tx.$queryRaw`SELECT 1 FROM declarations WHERE id = ${declarationId}::uuid FOR UPDATE`;
    const declaration = await tx.declaration.findFirst({
      where: { id: declarationId, ...(actor.kind === 'api' ? { cpdLeadProviderId: actor.cpdLeadProviderId } : {}) },
    });
    if (!declaration) throw notFound('Declaration');

    // A lead provider voids its own paid declarations through the API; a person's clawback needs a second approver.
    if (declaration.state === 'paid' && actor.kind === 'user' && !options.clawbackApproved) throw new ActionError('FORBIDDEN', NEEDS_SECOND_APPROVER);
    const plan = voidPlanFor(declaration.state);
    if (plan.kind === 'refused') throw new ActionError('INVALID_STATE', plan.message);
    const voided = plan.kind === 'claw_back' ? await clawBack(tx, declaration, voidedByUserId, now) : await markVoided(tx, declaration, voidedByUserId, now);
    if (voided.type === 'mentor' && voided.declarationType === 'completed') await refreshMentorCompletion(tx, voided.participantProfileId, now);
    await recordAudit(tx, ctx, (voided.state === 'voided' ? auditEvents.declarationVoided : auditEvents.declarationClawbackRequested)({
      subjectId: voided.id,
      before: { state: declaration.state },
      after: { state: voided.state },
      reason,
    }));
    return voided;
  }
}

async function clawBack(tx: Tx, declaration: Declaration, voidedByUserId: string | null, now: Date): Promise<Declaration> {
  try {
    return (await clawbackDeclaration(tx, { declarationId: declaration.id, voidedByUserId }, now)).declaration;
  } catch (error) {
    // The DfE reports a refused clawback as an invalid action whose text is the whole sentence.
    if (error instanceof ActionError) throw new ActionError('INVALID_STATE', error.message);
    throw error;
  }
}

async function markVoided(tx: Tx, declaration: Declaration, voidedByUserId: string | null, now: Date): Promise<Declaration> {
  await tx.declarationStateChange.create({ data: { declarationId: declaration.id, state: 'voided' } });
  await tx.statementLineItem.updateMany({
    where: { declarationId: declaration.id, state: { in: ['eligible', 'payable', 'ineligible'] } },
    data: { state: 'voided' },
  });
  return tx.declaration.update({
    where: { id: declaration.id },
    data: { state: 'voided', ...(voidedByUserId ? { voidedByUserId, voidedAt: now } : {}) },
  });
}
