// "Record answer" on a check in the TRN checks queue: support staff record the TRN the TRA found, or the
// note of why no record was found; the participant's TRN and validation state follow.
import { PENDING_TRN_CHECK_STATES } from '../../actions/trn-checks/trn-check-states.js';
import { recordTrnCheckAnswer } from '../../actions/trn-checks/record-trn-check-answer.js';
import { db } from '../../db/client.js';
import type { ConfirmActionOptions } from '../confirm/confirm-action.js';
import { formatDate } from '../human-dates.js';

const FOUND = 'trn_found';
const dateOf = (date: Date | null) => (date ? formatDate(date) : 'Not given');

export const recordTrnCheckAnswerPage: ConfirmActionOptions = {
  permission: 'participants.edit',
  icon: 'CheckSquare',
  isVisible: ({ record }) => (PENDING_TRN_CHECK_STATES as readonly string[]).includes(String(record?.params.state)) && record?.params.adapter !== 'zendesk',
  async load(_ctx, id) {
    const request = await db().trnCheckRequest.findUniqueOrThrow({ where: { id } });
    const pending = (PENDING_TRN_CHECK_STATES as readonly string[]).includes(request.state);
    return {
      heading: 'Record the answer to a manual TRN check',
      rows: [
        ['Full name', request.fullName],
        ['Date of birth', dateOf(request.dateOfBirth)],
        ['National Insurance number', request.nationalInsuranceNumber ?? 'Not given'],
        ['TRN given', request.trnGiven ?? 'Not given'],
        ['Why it could not be validated', request.reason ?? 'Not given'],
        ['Requested by', `${request.requestedBy} on ${dateOf(request.createdAt)}`],
      ],
      blockers: [
        ...(pending ? [] : ['This TRN check has already been answered.']),
        ...(request.adapter === 'zendesk' ? [`This check is with the TRA as Zendesk ticket ${request.ticketId}: its answer is taken from that ticket.`] : []),
      ],
      fields: [
        { name: 'outcome', label: 'What did the search of DQT find?', type: 'radios', options: [{ value: FOUND, label: 'A teacher record: enter its TRN' }, { value: 'not_found', label: 'No record: enter a note' }] },
        { name: 'trn', label: 'TRN found', type: 'text', hint: 'Up to 7 digits, e.g. 1234567' },
        { name: 'failureNote', label: 'Why no record was found', type: 'textarea' },
      ],
      submitLabel: 'Record answer',
    };
  },
  async submit(ctx, id, form) {
    const found = form.outcome === FOUND;
    const answered = await recordTrnCheckAnswer(ctx, found
      ? { trnCheckRequestId: id, trn: form.trn ?? '' }
      : { trnCheckRequestId: id, failureNote: form.outcome ? form.failureNote ?? '' : null });
    return answered.state === 'trn_found' ? `TRN ${answered.trnFound} recorded: the participant's TRN is validated.` : 'Recorded: no teacher record was found, so the TRN is marked invalid.';
  },
};
