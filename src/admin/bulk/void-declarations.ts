// "Void declarations" on the Declarations list (finance and super users): each selected declaration
// through the single "Void declaration" (src/actions/approvals/request-declaration-void.ts). An unpaid one
// is voided; a paid one becomes a clawback request that a second finance or super user approves.
import { declarationsAwaitingClawbackApproval, requestDeclarationVoid, CLAWBACK_ALREADY_REQUESTED } from '../../actions/approvals/request-declaration-void.js';
import { voidPlanFor } from '../../actions/declarations/void-declaration.js';
import { db } from '../../db/client.js';
import type { BulkSpec } from './run-bulk.js';
import { formatDate } from '../human-dates.js';

const day = formatDate;
const words = (value: string) => value.replace(/_/g, '-');

export const WILL_VOID = 'Will be voided and leave its statement.';
export const WILL_REQUEST_CLAWBACK = 'Paid, so a clawback will be requested: nothing changes until a second finance or super user approves it on the Approvals page.';

export const voidDeclarations: BulkSpec = {
  permission: 'declarations.void',
  icon: 'XCircle',
  heading: 'Void declarations',
  verb: 'Void',
  noun: ['declaration', 'declarations'],
  fields: [{ name: 'reason', label: 'Reason for voiding (recorded in the audit log of each declaration)', type: 'textarea', hint: 'Required.' }],
  consequences: [
    'Each declaration not yet paid becomes voided and leaves its statement.',
    "For each paid one, a clawback on the lead provider's next output-fee statement is requested; a second finance or super user approves or rejects it on the Approvals page.",
    'Each declaration is voided on its own, recorded in its audit log with your name and the reason; one that cannot be voided does not stop the others.',
  ],
  async plan(_ctx, ids) {
    const declarations = await db().declaration.findMany({
      where: { id: { in: ids } },
      include: { teacher: { select: { fullName: true } }, cpdLeadProvider: { select: { name: true } } },
    });
    const awaitingApproval = await declarationsAwaitingClawbackApproval(db(), ids);
    return declarations.map((d) => {
      const plan = voidPlanFor(d.state);
      const row = {
        id: d.id,
        title: d.teacher.fullName,
        details: `${words(d.declarationType)} (${words(d.courseIdentifier)}), ${day(d.declarationDate)}, ${d.cpdLeadProvider.name}: ${words(d.state).replace(/-/g, ' ')}`,
      };
      if (plan.kind === 'refused') return { ...row, ready: false, says: plan.message };
      if (plan.kind === 'claw_back' && awaitingApproval.has(d.id)) return { ...row, ready: false, says: CLAWBACK_ALREADY_REQUESTED };
      return { ...row, ready: true, says: plan.kind === 'claw_back' ? WILL_REQUEST_CLAWBACK : WILL_VOID };
    });
  },
  async run(ctx, id, form) {
    const outcome = await requestDeclarationVoid(ctx, { declarationId: id, reason: form.reason?.trim() || undefined });
    return outcome.status === 'voided' ? 'Voided.' : 'Clawback requested: waiting for a second finance or super user on the Approvals page.';
  },
};
