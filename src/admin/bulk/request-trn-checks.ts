// "Request TRN checks" on the Participants list (support and admins): a manual TRN check for each selected
// participant through the single "Request TRN check" (src/actions/trn-checks/request-trn-check.ts).
import { requestTrnCheck, waitingTrnChecks } from '../../actions/trn-checks/request-trn-check.js';
import { ActionError } from '../../actions/errors.js';
import { db } from '../../db/client.js';
import type { BulkSpec } from './run-bulk.js';

export const ALREADY_WAITING = 'A TRN check is already waiting for this participant.';

export const requestTrnChecks: BulkSpec = {
  permission: 'participants.edit',
  icon: 'Search',
  heading: 'Request TRN checks',
  verb: 'Request TRN checks for',
  noun: ['participant', 'participants'],
  fields: [{ name: 'reason', label: 'Why the TRNs could not be validated (sent to the TRA with each check)', type: 'textarea', hint: 'Optional.' }],
  consequences: [
    'For each participant, the TRA is asked to search DQT for the teacher by name, date of birth, National Insurance number and the TRN given; the request joins the TRN checks queue.',
    "Each participant's TRN validation becomes \"manual check requested\" until the answer updates their TRN.",
    'Each request is recorded in the audit log with your name.',
  ],
  async plan(_ctx, ids) {
    const profiles = await db().participantProfile.findMany({
      where: { id: { in: ids } },
      include: { teacher: { select: { fullName: true, trn: true } }, cohort: { select: { startYear: true } } },
    });
    const waiting = await waitingTrnChecks(db(), ids);
    return profiles.map((p) => {
      const row = {
        id: p.id,
        title: p.teacher.fullName,
        details: `${p.type === 'ect' ? 'ECT' : 'Mentor'}, ${p.cohort.startYear} cohort, TRN ${p.teacher.trn ?? 'not given'}, TRN validation ${p.trnValidationState.replace(/_/g, ' ')}`,
      };
      const check = waiting.get(p.id);
      return check
        ? { ...row, ready: false, says: `A TRN check is already waiting for this participant (requested by ${check.requestedBy}).` }
        : { ...row, ready: true, says: 'A manual TRN check will be requested.' };
    });
  },
  async run(ctx, id, form) {
    const { created } = await requestTrnCheck(ctx, { participantProfileId: id, reason: form.reason?.trim() || null });
    // Another person asked between the preview and now: theirs is the one waiting.
    if (!created) throw new ActionError('INVALID_STATE', ALREADY_WAITING);
    return 'TRN check requested: it is in the TRN checks queue.';
  },
};
