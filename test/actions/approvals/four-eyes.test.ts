// Four eyes on money: authorising payment, adjusting a statement and clawing back a paid declaration are
// requests that take effect only when a different finance or super user approves them, checked again then.
import { afterEach, describe, expect, it } from '@jest/globals';
import type { Role, Statement } from '@prisma/client';
import type { ActorContext } from '../../../src/actions/actor.js';
import { OWN_REQUEST } from '../../../src/actions/approvals/approval-rules.js';
import { approveRequest } from '../../../src/actions/approvals/approve-request.js';
import { rejectRequest } from '../../../src/actions/approvals/reject-request.js';
import { requestAdjustment } from '../../../src/actions/approvals/request-adjustment.js';
import { requestDeclarationVoid } from '../../../src/actions/approvals/request-declaration-void.js';
import { requestPaymentAuthorisation } from '../../../src/actions/approvals/request-payment-authorisation.js';
import { voidDeclarationPage } from '../../../src/admin/confirm/void-declaration-page.js';
import { approvalsPage } from '../../../src/admin/finance/approvals-page.js';
import { approvalsApprove, approvalsReject } from '../../../src/cli/commands/approvals-decide.js';
import { statementsAuthorise } from '../../../src/cli/commands/statements-authorise.js';
import { db } from '../../../src/db/client.js';
import { statementSignOffs } from '../../../src/reports/approvals/approval-queue.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement, createUser } from '../../support/factories.js';
import { clawBack, createContract, daysFromToday } from '../../reports/statements/statement-world.js';

async function person(role: Role): Promise<ActorContext> {
  const user = await createUser(role);
  return { actor: { kind: 'user', id: user.id, email: user.email, role } };
}
const emailOf = (ctx: ActorContext) => (ctx.actor.kind === 'user' ? ctx.actor.email : '');

async function payableStatement(overrides: Partial<Statement> = {}) {
  const world = await createParticipantWorld(2024);
  await createContract(world.leadProvider, world.cohort, { monthlyServiceFee: '0' });
  const paid = await createStatement(world.leadProvider, world.cohort, { name: 'Earlier', deadlineDate: daysFromToday(-60), paymentDate: daysFromToday(-35), state: 'paid' });
  const statement = await createStatement(world.leadProvider, world.cohort, {
    name: 'January 2025', deadlineDate: daysFromToday(-2), paymentDate: daysFromToday(20), state: 'payable', ...overrides,
  });
  await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'payable' });
  await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'payable' });
  const clawedBack = await createDeclaration(await createParticipant(world), world.leadProvider, { statement: paid, state: 'paid' });
  await clawBack(clawedBack.id, statement);
  return { world, statement, paid };
}

afterEach(() => {
  delete process.env.ADJUSTMENT_APPROVAL_THRESHOLD;
});

describe('authorising a statement for payment', () => {
  it('is a request until a different finance or super user approves it; the requester can never approve their own', async () => {
    const { statement } = await payableStatement();
    const alice = await person('finance');
    const bob = await person('super_user');

    const request = await requestPaymentAuthorisation(alice, { statementId: statement.id, checksDone: 'true' });
    expect(request).toMatchObject({ kind: 'authorise_payment', status: 'pending', statementId: statement.id });
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).state).toBe('payable');
    const emails = await db().emailOutbox.findMany({ where: { template: 'approval_requested', to: emailOf(bob) } });
    expect(emails).toHaveLength(1);
    expect(emails[0].body).toContain(`${emailOf(alice)} asks for a second person's approval`);
    expect(await db().emailOutbox.count({ where: { template: 'approval_requested', to: emailOf(alice) } })).toBe(0);
    await expect(requestPaymentAuthorisation(bob, { statementId: statement.id, checksDone: true })).rejects.toMatchObject({ code: 'INVALID_STATE' });

    await expect(approveRequest(alice, { requestId: request.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: OWN_REQUEST });
    await expect(rejectRequest(alice, { requestId: request.id, reason: 'Changed my mind' })).rejects.toMatchObject({ message: OWN_REQUEST });
    await expect(approveRequest(await person('support'), { requestId: request.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).state).toBe('payable');

    const approved = await approveRequest(bob, { requestId: request.id });
    expect(approved).toMatchObject({ status: 'approved', decidedById: bob.actor.kind === 'user' ? bob.actor.id : '' });
    const paid = await db().statement.findUniqueOrThrow({ where: { id: statement.id } });
    expect(paid.state).toBe('paid');
    const actions = (await db().auditEvent.findMany({ where: { subjectId: statement.id }, orderBy: { createdAt: 'asc' } })).map((a) => [a.action, a.actorLabel]);
    expect(actions).toEqual([
      ['statement.authorisation_requested', emailOf(alice)],
      ['statement.authorised_for_payment', emailOf(bob)],
      ['approval.approved', emailOf(bob)],
    ]);
    expect(await db().emailOutbox.count({ where: { template: 'approval_approved', to: emailOf(alice) } })).toBe(1);
    expect(await statementSignOffs(statement.id)).toEqual([
      expect.objectContaining({ status: 'approved', requestedBy: emailOf(alice), decidedBy: emailOf(bob), decidedAt: expect.any(Date) }),
    ]);
    await expect(approveRequest(bob, { requestId: request.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('checks again on approval: a statement whose figures changed since the request is not authorised', async () => {
    const { world, statement } = await payableStatement();
    const alice = await person('finance');
    const bob = await person('finance');
    const request = await requestPaymentAuthorisation(alice, { statementId: statement.id, checksDone: true });
    await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'payable' });

    await expect(approveRequest(bob, { requestId: request.id })).rejects.toMatchObject({
      code: 'INVALID_STATE', message: expect.stringMatching(/^The statement's total has changed since authorisation was requested/),
    });
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).state).toBe('payable');
    expect((await db().approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('pending');

    await expect(rejectRequest(bob, { requestId: request.id, reason: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const rejected = await rejectRequest(bob, { requestId: request.id, reason: 'Figures changed: ask again' });
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'Figures changed: ask again' });
    expect(await db().emailOutbox.findFirst({ where: { template: 'approval_rejected', to: emailOf(alice) } })).toMatchObject({ body: expect.stringContaining('Figures changed: ask again') });
  });
});

describe('adjustments', () => {
  it('wait for a second approver, checked again then; below the threshold setting they apply at once', async () => {
    const { statement } = await payableStatement();
    const alice = await person('finance');
    const bob = await person('finance');

    const added = await requestAdjustment(alice, { statementId: statement.id, paymentType: 'Late start', amount: '50' });
    expect(added.status).toBe('pending');
    expect(await db().financeAdjustment.count({ where: { statementId: statement.id } })).toBe(0);
    if (added.status !== 'pending') throw new Error('expected a request');
    await expect(approveRequest(alice, { requestId: added.request.id })).rejects.toMatchObject({ message: OWN_REQUEST });
    await approveRequest(bob, { requestId: added.request.id });
    const [adjustment] = await db().financeAdjustment.findMany({ where: { statementId: statement.id } });
    expect([adjustment.paymentType, adjustment.amount.toFixed(2)]).toEqual(['Late start', '50.00']);

    process.env.ADJUSTMENT_APPROVAL_THRESHOLD = '100';
    expect((await requestAdjustment(alice, { adjustmentId: adjustment.id, paymentType: 'Late start', amount: '60' })).status).toBe('applied');
    expect((await requestAdjustment(alice, { statementId: statement.id, paymentType: 'Big', amount: '-150' })).status).toBe('pending');
    const change = await requestAdjustment(alice, { adjustmentId: adjustment.id, paymentType: 'Late start', amount: '600' });
    if (change.status !== 'pending') throw new Error('expected a request');

    // The statement is paid before anyone approves: the change is refused then.
    await db().statement.update({ where: { id: statement.id }, data: { state: 'paid', markedAsPaidAt: new Date() } });
    await expect(approveRequest(bob, { requestId: change.request.id })).rejects.toMatchObject({ message: 'Adjustments cannot be made to a paid statement.' });
    expect((await db().financeAdjustment.findUniqueOrThrow({ where: { id: adjustment.id } })).amount.toFixed(2)).toBe('60.00');
  });
});

describe('voiding a paid declaration', () => {
  it('claws back only once a second person approves; an unpaid one is voided at once', async () => {
    const { world, paid: paidStatement } = await payableStatement();
    const alice = await person('finance');
    const bob = await person('super_user');
    await createStatement(world.leadProvider, world.cohort, { name: 'Next', deadlineDate: daysFromToday(10), paymentDate: daysFromToday(35) });
    const paid = await createDeclaration(await createParticipant(world), world.leadProvider, { statement: paidStatement, state: 'paid' });
    const unpaid = await createDeclaration(await createParticipant(world), world.leadProvider, { state: 'submitted' });

    expect(await requestDeclarationVoid(alice, { declarationId: unpaid.id, reason: 'Duplicate' })).toMatchObject({ status: 'voided', declaration: { state: 'voided' } });
    const requested = await requestDeclarationVoid(alice, { declarationId: paid.id, reason: 'Never started' });
    if (requested.status !== 'pending') throw new Error('expected a request');
    expect((await db().declaration.findUniqueOrThrow({ where: { id: paid.id } })).state).toBe('paid');
    await expect(approveRequest(alice, { requestId: requested.request.id })).rejects.toMatchObject({ message: OWN_REQUEST });
    await approveRequest(bob, { requestId: requested.request.id });
    expect((await db().declaration.findUniqueOrThrow({ where: { id: paid.id } })).state).toBe('awaiting_clawback');

    // The back office's "Void declaration" on a paid one asks for approval and changes nothing yet.
    const another = await createDeclaration(await createParticipant(world), world.leadProvider, { statement: paidStatement, state: 'paid' });
    expect(await voidDeclarationPage.submit(alice, another.id, { reason: 'Withdrew before starting' })).toMatch(/^Clawback requested/);
    expect((await db().declaration.findUniqueOrThrow({ where: { id: another.id } })).state).toBe('paid');
    expect(await db().approvalRequest.count({ where: { declarationId: another.id, status: 'pending' } })).toBe(1);
  });
});

describe('self-approval is refused everywhere', () => {
  it('through the CLI (statements:authorise then approvals:approve) and through the Approvals page API', async () => {
    const { statement } = await payableStatement();
    const alice = await person('finance');
    const bob = await person('finance');
    const say = () => {};
    const asked = await statementsAuthorise.run({ options: { statement: statement.id, as: emailOf(alice) }, positional: [] }, { say }) as { approvalRequestId: string };

    await expect(approvalsApprove.run({ options: { id: asked.approvalRequestId, as: emailOf(alice) }, positional: [] }, { say })).rejects.toMatchObject({ message: OWN_REQUEST });
    await expect(approvalsReject.run({ options: { id: asked.approvalRequestId, reason: 'Mine', as: emailOf(alice) }, positional: [] }, { say })).rejects.toMatchObject({ message: OWN_REQUEST });

    const asPage = (ctx: ActorContext, payload: Record<string, string>) => {
      const admin = ctx.actor.kind === 'user' ? { id: ctx.actor.id, email: ctx.actor.email, role: ctx.actor.role } : undefined;
      return approvalsPage.handler!({ method: 'post', payload } as never, {} as never, { currentAdmin: admin } as never) as Promise<{ notice: { message: string; type: string }; pending: { id: string; mine: boolean }[] }>;
    };
    const refused = await asPage(alice, { op: 'approve', requestId: asked.approvalRequestId });
    expect(refused.notice).toEqual({ message: OWN_REQUEST, type: 'error', errors: [OWN_REQUEST] });
    expect(refused.pending.find((p) => p.id === asked.approvalRequestId)?.mine).toBe(true);
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).state).toBe('payable');

    const approved = await asPage(bob, { op: 'approve', requestId: asked.approvalRequestId });
    expect(approved.notice.type).toBe('success');
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).state).toBe('paid');
  });
});
