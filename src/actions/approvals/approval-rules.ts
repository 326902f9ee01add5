// Four eyes on money: what every approval request shares. Who may request and decide is in the one
// permissions table (src/actions/authz.ts); this module holds the rest of the rules: a request's
// requester is a real back-office user, nobody decides their own request, the adjustment threshold
// setting, and the emails that tell approvers and requesters.
import type { ApprovalRequest, Role } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import { Decimal } from '../../reports/statements/decimal.js';
import type { ActorContext } from '../actor.js';
import { can } from '../authz.js';
import { ActionError, notFound } from '../errors.js';

export const OWN_REQUEST = 'You cannot approve or reject your own request: another finance or super user must decide it.';
export const NOT_PENDING = 'This request has already been decided.';
export const NEEDS_SECOND_APPROVER = 'This needs a second pair of eyes: request it, and another finance or super user approves it on the Approvals page.';

/**
 * Money actions that take effect at once (authorise payment, add or change an adjustment) refuse a person:
 * people reach them only through an approved request (approve-request.ts runs their in-transaction part).
 */
export function refuseWithoutApproval(ctx: ActorContext): void {
  if (ctx.actor.kind === 'user') throw new ActionError('FORBIDDEN', NEEDS_SECOND_APPROVER);
}

/** The signed-in back-office user making or deciding a request (the system and API callers never do). */
export function requestingUser(ctx: ActorContext): { id: string; email: string; role: Role } {
  const { actor } = ctx;
  if (actor.kind !== 'user') throw new ActionError('FORBIDDEN', 'Only a signed-in finance or super user can request or decide this.');
  return actor;
}

/**
 * ADJUSTMENT_APPROVAL_THRESHOLD: pounds. An adjustment whose amount (before and after a change) is smaller
 * than this, either way, takes effect without a second approver. Unset, every adjustment needs one.
 */
export function adjustmentApprovalThreshold(env: NodeJS.ProcessEnv = process.env): Decimal | null {
  const raw = env.ADJUSTMENT_APPROVAL_THRESHOLD?.trim();
  if (!raw) return null;
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(raw)) throw new Error(`ADJUSTMENT_APPROVAL_THRESHOLD must be an amount in pounds, like 500 or 99.99: ${raw} is not`);
  return new Decimal(raw);
}

export function adjustmentNeedsApproval(amounts: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const threshold = adjustmentApprovalThreshold(env);
  return threshold === null || amounts.some((amount) => new Decimal(amount).abs().greaterThanOrEqualTo(threshold));
}

/** The request, locked, when it is still pending. */
export async function lockPendingRequest(tx: Tx, requestId: string): Promise<ApprovalRequest> {
  await tx.$queryRaw`SELECT 1 FROM approval_requests WHERE id = ${requestId}::uuid FOR UPDATE`;
  const request = await tx.approvalRequest.findUnique({ where: { id: requestId } });
  if (!request) throw notFound('Approval request');
  if (request.status !== 'pending') throw new ActionError('INVALID_STATE', NOT_PENDING);
  return request;
}

export function refuseOwnRequest(request: Pick<ApprovalRequest, 'requestedById'>, deciderId: string): void {
  if (request.requestedById === deciderId) throw new ActionError('FORBIDDEN', OWN_REQUEST);
}

/** The requester, as they are now: still enabled and still allowed to ask for this. */
export async function requesterStillAllowed(tx: Tx, request: ApprovalRequest, permission: Parameters<typeof can>[1]): Promise<void> {
  const requester = await tx.user.findUnique({ where: { id: request.requestedById } });
  if (!requester || requester.disabledAt || !can(requester.role, permission)) {
    throw new ActionError('INVALID_STATE', 'The person who asked for this can no longer do so: reject the request.');
  }
}

/** Emails every other enabled finance and super user that a request waits for them. */
export async function notifyApprovers(tx: Tx, request: ApprovalRequest, requesterEmail: string): Promise<void> {
  const approvers = await tx.user.findMany({
    where: { role: { in: ['finance', 'super_user'] }, disabledAt: null, id: { not: request.requestedById } },
    select: { email: true, fullName: true },
  });
  if (approvers.length === 0) return;
  await tx.emailOutbox.createMany({
    data: approvers.map((approver) => ({
      to: approver.email,
      template: 'approval_requested',
      subject: `Approval needed: ${request.description}`,
      body: [
        `Dear ${approver.fullName},`,
        `${requesterEmail} asks for a second person's approval to: ${request.description}.`,
        request.reason ? `Their reason: ${request.reason}` : null,
        'Approve or reject it on the Approvals page of the back office. It does not take effect until someone other than the requester approves it.',
      ].filter(Boolean).join('\n\n'),
    })),
  });
}

/** Emails the requester what was decided. */
export async function notifyRequester(tx: Tx, request: ApprovalRequest, decision: { approved: boolean; by: string; reason?: string }): Promise<void> {
  const requester = await tx.user.findUnique({ where: { id: request.requestedById }, select: { email: true, fullName: true } });
  if (!requester) return;
  await tx.emailOutbox.create({
    data: {
      to: requester.email,
      template: decision.approved ? 'approval_approved' : 'approval_rejected',
      subject: `${decision.approved ? 'Approved' : 'Rejected'}: ${request.description}`,
      body: [
        `Dear ${requester.fullName},`,
        decision.approved
          ? `${decision.by} approved your request to: ${request.description}. It has taken effect.`
          : `${decision.by} rejected your request to: ${request.description}. Nothing was changed.`,
        decision.reason ? `Reason: ${decision.reason}` : null,
      ].filter(Boolean).join('\n\n'),
    },
  });
}
