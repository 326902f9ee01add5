// "Void declaration" as the DfE: an unpaid declaration becomes voided; a paid one is clawed back
// on the lead provider's next output-fee statement (the DfE's app/services/void_participant_declaration.rb), once a second finance or super user
// approves the request (src/actions/approvals/request-declaration-void.ts).
import { requestDeclarationVoid } from '../../actions/approvals/request-declaration-void.js';
import { voidPlanFor } from '../../actions/declarations/void-declaration.js';
import { db } from '../../db/client.js';
import type { ConfirmActionOptions } from './confirm-action.js';
import { formatDate } from '../human-dates.js';

export const voidDeclarationPage: ConfirmActionOptions = {
  permission: 'declarations.void',
  icon: 'XCircle',
  isVisible: ({ record }) => voidPlanFor(record?.params.state).kind !== 'refused',
  async load(_ctx, id) {
    const d = await db().declaration.findUniqueOrThrow({
      where: { id },
      include: { teacher: true, cpdLeadProvider: true, cohort: true, lineItems: { include: { statement: true }, orderBy: { createdAt: 'asc' } } },
    });
    const statements = d.lineItems.map((l) => `${l.statement.name} (${l.state})`).join(', ') || 'none';
    const plan = voidPlanFor(d.state);
    const outcome = plan.kind === 'claw_back'
      ? 'It has been paid, so voiding it claws the money back on the lead provider\'s next output-fee statement. That needs a second finance or super user: this sends them the request, and nothing changes until one approves it on the Approvals page.'
      : 'It has not been paid, so it becomes "voided" and leaves its statement.';
    return {
      heading: 'Void this declaration',
      rows: [
        ['Participant', d.teacher.fullName],
        ['Declaration', `${d.declarationType.replace('_', '-')} (${d.courseIdentifier.replace('_', '-')}), ${formatDate(d.declarationDate)}`],
        ['Lead provider', d.cpdLeadProvider.name],
        ['Cohort', String(d.cohort.startYear)],
        ['State', d.state.replace('_', ' ')],
        ['Statements', statements],
      ],
      blockers: plan.kind === 'refused' ? [plan.message] : [],
      warning: outcome,
      fields: [{ name: 'reason', label: 'Reason for voiding (recorded in the audit log)', type: 'textarea' }],
      submitLabel: 'Void declaration',
    };
  },
  async submit(ctx, id, form) {
    const outcome = await requestDeclarationVoid(ctx, { declarationId: id, reason: form.reason ?? '' });
    return outcome.status === 'voided'
      ? 'Declaration voided successfully.'
      : 'Clawback requested: the declaration is clawed back when another finance or super user approves it on the Approvals page.';
  },
};
