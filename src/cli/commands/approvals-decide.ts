// npm run cli -- approvals:approve --id ID --as EMAIL | approvals:reject --id ID --reason R --as EMAIL
// The second pair of eyes on money: a different finance or super user than the requester decides.
import { approveRequest } from '../../actions/approvals/approve-request.js';
import { rejectRequest } from '../../actions/approvals/reject-request.js';
import { Id } from '../../actions/zod.js';
import { backOfficeUser } from '../back-office-user.js';
import { CliUsageError, requireOption, type CliCommand } from '../command.js';

function requestId(args: Parameters<CliCommand['run']>[0]): string {
  const id = requireOption(args, 'id');
  if (!Id.safeParse(id).success) throw new CliUsageError(`Not an approval request id: ${id}`);
  return id;
}

export const approvalsApprove: CliCommand = {
  name: 'approvals:approve',
  summary: "Approve another person's request to authorise payment, adjust a statement or claw back a declaration",
  usage: '--id REQUEST_ID --as EMAIL (a finance or super user other than the requester)',
  async run(args, out) {
    const id = requestId(args);
    const ctx = await backOfficeUser(requireOption(args, 'as'));
    const approved = await approveRequest(ctx, { requestId: id });
    out.say(`Approved: ${approved.description}.`);
    return { approvalRequestId: approved.id, status: approved.status };
  },
};

export const approvalsReject: CliCommand = {
  name: 'approvals:reject',
  summary: "Reject another person's request, with a reason; nothing changes",
  usage: '--id REQUEST_ID --reason TEXT --as EMAIL (a finance or super user other than the requester)',
  async run(args, out) {
    const id = requestId(args);
    const reason = requireOption(args, 'reason');
    const ctx = await backOfficeUser(requireOption(args, 'as'));
    const rejected = await rejectRequest(ctx, { requestId: id, reason });
    out.say(`Rejected: ${rejected.description}.`);
    return { approvalRequestId: rejected.id, status: rejected.status };
  },
};
