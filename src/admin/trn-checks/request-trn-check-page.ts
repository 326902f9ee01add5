// "Request TRN check" on a participant's page: support ask for a manual check by the TRA.
import { requestTrnCheck, waitingTrnChecks } from '../../actions/trn-checks/request-trn-check.js';
import { db } from '../../db/client.js';
import type { ConfirmActionOptions } from '../confirm/confirm-action.js';

export const requestTrnCheckPage: ConfirmActionOptions = {
  permission: 'participants.edit',
  icon: 'Search',
  async load(_ctx, id) {
    const profile = await db().participantProfile.findUniqueOrThrow({ where: { id }, include: { teacher: true } });
    const waiting = (await waitingTrnChecks(db(), [id])).get(id);
    return {
      heading: 'Request a manual TRN check',
      rows: [
        ['Participant', profile.teacher.fullName],
        ['TRN given', profile.teacher.trn ?? 'Not given'],
        ['TRN validation now', profile.trnValidationState.replace(/_/g, ' ')],
      ],
      blockers: waiting ? [`A TRN check is already waiting for this participant (requested by ${waiting.requestedBy}).`] : [],
      warning: 'The TRA is asked to search DQT for this teacher by name, date of birth, National Insurance number and the TRN given. The answer updates their TRN.',
      fields: [{ name: 'reason', label: 'Why the TRN could not be validated (sent to the TRA)', type: 'textarea' }],
      submitLabel: 'Request TRN check',
    };
  },
  async submit(ctx, id, form) {
    const { created } = await requestTrnCheck(ctx, { participantProfileId: id, reason: form.reason || null });
    return created ? 'TRN check requested. It is in the TRN checks queue.' : 'A TRN check is already waiting for this participant.';
  },
};
