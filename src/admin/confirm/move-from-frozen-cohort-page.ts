// "Move to active cohort": a participant in a payment-frozen cohort continues in the destination cohort.
import { moveFromFrozenCohort } from '../../actions/participants/move-from-frozen-cohort.js';
import { previewMoveFromFrozenCohort } from '../../actions/participants/frozen-cohort/preview-move-from-frozen-cohort.js';
import type { ConfirmActionOptions } from './confirm-action.js';

export const moveFromFrozenCohortPage: ConfirmActionOptions = {
  permission: 'participants.move_frozen_cohort',
  icon: 'Shuffle',
  async load(ctx, id) {
    // As the DfE's page does, the move is forced: someone with no billable declarations may move too.
    const preview = await previewMoveFromFrozenCohort(ctx, { participantProfileId: id, force: true });
    const rows: [string, string][] = [['Participant', preview.fullName]];
    if (preview.outcome === 'would_move') {
      rows.push(
        ['From', `${preview.from.cohortStartYear} cohort, ${preview.from.scheduleIdentifier}, ${preview.from.schoolName}`],
        ['To', `${preview.to.cohortStartYear} cohort, ${preview.to.scheduleIdentifier}, ${preview.to.schoolName}`],
        ['Cohort changed after payments frozen', preview.cohortChangedAfterPaymentsFrozen ? 'Yes' : 'No'],
      );
    }
    return {
      heading: 'Move to the active cohort',
      rows,
      blockers: preview.outcome === 'refused' ? preview.errors.map((e) => e.message) : preview.outcome === 'unchanged' ? [preview.message] : [],
      warning: preview.outcome === 'would_move' ? 'The current induction record is closed and a new one opened; existing declarations stay on their statements.' : undefined,
      fields: [{ name: 'reason', label: 'Reason for the move (recorded in the audit log)', type: 'textarea' }],
      submitLabel: 'Move participant',
    };
  },
  async submit(ctx, id, form) {
    const result = await moveFromFrozenCohort(ctx, { participantProfileId: id, force: true, reason: form.reason ?? '' });
    return result.outcome === 'moved' ? 'Cohort changed successfully' : result.message;
  },
};
