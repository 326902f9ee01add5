// npm run cli -- statements:authorise --statement ID --as EMAIL [--json]
// Asks for a statement to be authorised for payment, as the named finance or super user (assurance checks
// done). Nothing is paid until a different finance or super user runs approvals:approve (or uses the
// Approvals page).
import { requestPaymentAuthorisation } from '../../actions/approvals/request-payment-authorisation.js';
import { Id } from '../../actions/zod.js';
import { backOfficeUser } from '../back-office-user.js';
import { CliUsageError, requireOption, type CliCommand } from '../command.js';

export const statementsAuthorise: CliCommand = {
  name: 'statements:authorise',
  summary: 'Request authorisation of a payable statement for payment (a second finance or super user approves it)',
  usage: [
    '--statement ID --as EMAIL',
    '',
    '  --as EMAIL  the finance or super user asking, who confirms the assurance checks are done (recorded in the audit log)',
  ].join('\n'),
  async run(args, out) {
    const statementId = requireOption(args, 'statement');
    if (!Id.safeParse(statementId).success) throw new CliUsageError(`Not a statement id: ${statementId}`);
    const ctx = await backOfficeUser(requireOption(args, 'as'));
    const request = await requestPaymentAuthorisation(ctx, { statementId, checksDone: true });
    out.say(`Requested: ${request.description}.`);
    out.say(`Another finance or super user approves it with: npm run cli -- approvals:approve --id ${request.id} --as THEIR_EMAIL`);
    return { approvalRequestId: request.id, status: request.status };
  },
};
