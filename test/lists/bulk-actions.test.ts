// Bulk actions on lists (src/admin/bulk): the preview of each selected row and, on confirming, each row
// through its single action, in its own transaction with its own audit event, on the real database.
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '@prisma/client';
import type { ActorContext } from '../../src/actions/actor.js';
import { CLAWBACK_ALREADY_REQUESTED } from '../../src/actions/approvals/request-declaration-void.js';
import { ALREADY_REVOKED } from '../../src/actions/api-tokens/revoke-api-token.js';
import { MESSAGES } from '../../src/actions/participants/lead-provider/messages.js';
import { disablePortalUsers } from '../../src/admin/bulk/disable-portal-users.js';
import { requestTrnChecks } from '../../src/admin/bulk/request-trn-checks.js';
import { revokeApiTokens } from '../../src/admin/bulk/revoke-api-tokens.js';
import { MAX_BULK_ROWS, NOT_FOUND, planBulk, runBulk } from '../../src/admin/bulk/run-bulk.js';
import { voidDeclarations, WILL_REQUEST_CLAWBACK, WILL_VOID } from '../../src/admin/bulk/void-declarations.js';
import { db } from '../../src/db/client.js';
import { createPortalUser } from '../actions/portal/portal-world.js';
import { createToken } from '../api/support/api-client.js';
import { openStatement } from '../api/support/lead-provider.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement, createUser, type ParticipantWorld } from '../support/factories.js';

let world: ParticipantWorld;

async function signedIn(role: Role): Promise<ActorContext> {
  const user = await createUser(role);
  return { actor: { kind: 'user', id: user.id, email: user.email, role } };
}

const auditOf = (subjectId: string) => db().auditEvent.findMany({ where: { subjectId }, select: { action: true, reason: true } });

beforeAll(async () => {
  world = await createParticipantWorld(2024);
});

describe('void declarations', () => {
  it('voids the unpaid, asks a second person to approve clawing back the paid, and refuses the rest each with its reason', async () => {
    const finance = await signedIn('finance');
    const statement = await openStatement(world.leadProvider, world.cohort);
    const paidStatement = await createStatement(world.leadProvider, world.cohort, { state: 'paid' });
    const declare = async (state: 'eligible' | 'paid' | 'voided' | 'clawed_back') =>
      createDeclaration(await createParticipant(world), world.leadProvider, { state, statement: state === 'paid' ? paidStatement : statement });
    const alreadyVoided = await declare('voided');
    const unpaid = await declare('eligible');
    const paid = await declare('paid');
    const clawedBack = await declare('clawed_back');
    const paidAwaitingApproval = await declare('paid');
    const other = await signedIn('super_user');
    await runBulk(other, voidDeclarations, [paidAwaitingApproval.id], { reason: 'Asked first by someone else' });
    const ids = [alreadyVoided.id, unpaid.id, paid.id, clawedBack.id, paidAwaitingApproval.id];

    const preview = await planBulk(finance, voidDeclarations, ids);
    expect(preview.map((row) => [row.id, row.ready, row.says])).toEqual([
      [alreadyVoided.id, false, MESSAGES.declarationAlreadyVoided],
      [unpaid.id, true, WILL_VOID],
      [paid.id, true, WILL_REQUEST_CLAWBACK],
      [clawedBack.id, false, MESSAGES.declarationNotVoidable],
      [paidAwaitingApproval.id, false, CLAWBACK_ALREADY_REQUESTED],
    ]);
    expect(preview[1].title).toMatch(/^Participant /);

    const { results } = await runBulk(finance, voidDeclarations, ids, { reason: 'Duplicates sent twice by the provider' });
    expect(results?.map((row) => [row.id, row.result, row.says])).toEqual([
      [alreadyVoided.id, 'refused', MESSAGES.declarationAlreadyVoided],
      [unpaid.id, 'done', 'Voided.'],
      [paid.id, 'done', 'Clawback requested: waiting for a second finance or super user on the Approvals page.'],
      [clawedBack.id, 'refused', MESSAGES.declarationNotVoidable],
      [paidAwaitingApproval.id, 'refused', CLAWBACK_ALREADY_REQUESTED],
    ]);
    const states = await db().declaration.findMany({ where: { id: { in: ids } }, select: { id: true, state: true } });
    expect(Object.fromEntries(states.map((d) => [d.id, d.state]))).toEqual({
      [alreadyVoided.id]: 'voided', [unpaid.id]: 'voided', [paid.id]: 'paid', [clawedBack.id]: 'clawed_back', [paidAwaitingApproval.id]: 'paid',
    });
    // Four eyes: the paid one waits for someone else, as it does from its own page.
    expect(await db().approvalRequest.findMany({ where: { declarationId: paid.id }, select: { kind: true, status: true, requestedById: true } }))
      .toEqual([{ kind: 'clawback_declaration', status: 'pending', requestedById: finance.actor.kind === 'user' ? finance.actor.id : '' }]);
    // One audit event per row acted on, with the reason; none for the refused.
    expect(await auditOf(unpaid.id)).toEqual([{ action: 'declaration.voided', reason: 'Duplicates sent twice by the provider' }]);
    expect(await auditOf(paid.id)).toEqual([{ action: 'declaration.clawback_requested_for_approval', reason: 'Duplicates sent twice by the provider' }]);
    expect(await auditOf(alreadyVoided.id)).toEqual([]);
    expect(await auditOf(clawedBack.id)).toEqual([]);
  });

  it('asks for the reason before voiding any, as the single action does, and is refused to a role that may not void', async () => {
    const finance = await signedIn('finance');
    const unpaid = await createDeclaration(await createParticipant(world), world.leadProvider, { state: 'eligible', statement: await openStatement(world.leadProvider, world.cohort) });

    expect(await runBulk(finance, voidDeclarations, [unpaid.id], { reason: ' ' })).toEqual({ errors: ['Give a reason for voiding this declaration'] });
    await expect(planBulk(await signedIn('support'), voidDeclarations, [unpaid.id])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(runBulk(await signedIn('policy'), voidDeclarations, [unpaid.id], { reason: 'Not mine to void' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await db().declaration.findUniqueOrThrow({ where: { id: unpaid.id } })).state).toBe('eligible');
    expect(await auditOf(unpaid.id)).toEqual([]);
  });
});

describe('request TRN checks', () => {
  it('requests a check for each participant without one waiting, with the reason, and leaves the waiting one alone', async () => {
    const support = await signedIn('support');
    const waiting = await createParticipant(world);
    const first = await createParticipant(world);
    const second = await createParticipant(world);
    await runBulk(await signedIn('admin'), requestTrnChecks, [waiting.profile.id], {});
    const ids = [waiting.profile.id, first.profile.id, second.profile.id];

    expect((await planBulk(support, requestTrnChecks, ids)).map((row) => row.ready)).toEqual([false, true, true]);
    const { results } = await runBulk(support, requestTrnChecks, ids, { reason: 'DQT did not match their date of birth' });

    expect(results?.map((row) => [row.result, row.says])).toEqual([
      ['refused', expect.stringMatching(/^A TRN check is already waiting for this participant \(requested by admin-/)],
      ['done', 'TRN check requested: it is in the TRN checks queue.'],
      ['done', 'TRN check requested: it is in the TRN checks queue.'],
    ]);
    const checks = await db().trnCheckRequest.findMany({ where: { participantProfileId: { in: ids } }, select: { participantProfileId: true, reason: true } });
    expect(checks).toHaveLength(3);
    expect(checks.filter((c) => c.reason === 'DQT did not match their date of birth').map((c) => c.participantProfileId).sort()).toEqual([first.profile.id, second.profile.id].sort());
    const profiles = await db().participantProfile.findMany({ where: { id: { in: ids } }, select: { trnValidationState: true } });
    expect(profiles.every((p) => p.trnValidationState === 'manual_check_requested')).toBe(true);
  });
});

describe('disable portal users', () => {
  it('disables the enabled, says who already was, and names a row that no longer exists', async () => {
    const support = await signedIn('support');
    const enabled = await createPortalUser();
    const disabled = await createPortalUser({ disabled: true });
    const gone = '00000000-0000-4000-8000-000000000000';

    const { results } = await runBulk(support, disablePortalUsers, [disabled.id, gone, enabled.id], {});

    expect(results?.map((row) => [row.id, row.result, row.says])).toEqual([
      [disabled.id, 'refused', 'Already disabled.'],
      [gone, 'refused', NOT_FOUND],
      [enabled.id, 'done', 'Disabled.'],
    ]);
    expect((await db().portalUser.findUniqueOrThrow({ where: { id: enabled.id } })).disabledAt).toBeInstanceOf(Date);
    expect(await auditOf(enabled.id)).toEqual([{ action: 'portal_user.disabled', reason: null }]);
    expect(await auditOf(disabled.id)).toEqual([]);
  });

  it(`takes at most ${MAX_BULK_ROWS} rows at a time`, async () => {
    const ids = Array.from({ length: MAX_BULK_ROWS + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    await expect(planBulk(await signedIn('support'), disablePortalUsers, ids)).rejects.toMatchObject({ message: `Choose at most ${MAX_BULK_ROWS} portal users at a time.` });
  });
});

describe('revoke API tokens', () => {
  it('revokes the tokens in use and refuses the one already revoked', async () => {
    const admin = await signedIn('admin');
    await createToken(world.leadProvider);
    await createToken(world.leadProvider, { revokedAt: new Date() });
    const tokens = await db().apiToken.findMany({ where: { cpdLeadProviderId: world.leadProvider.cpdLeadProviderId }, orderBy: { createdAt: 'asc' } });

    const { results } = await runBulk(admin, revokeApiTokens, tokens.map((t) => t.id), {});

    expect(results?.map((row) => [row.result, row.says])).toEqual([['done', 'Revoked.'], ['refused', `${ALREADY_REVOKED}.`]]);
    expect(await db().apiToken.count({ where: { cpdLeadProviderId: world.leadProvider.cpdLeadProviderId, revokedAt: null } })).toBe(0);
    expect(await auditOf(tokens[0].id)).toEqual([{ action: 'api_token.revoked', reason: null }]);
  });
});
