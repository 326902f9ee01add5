// The "Approvals" page: requests to authorise payment, adjust a statement or claw back a paid declaration
// that wait for a second finance or super user, approved or rejected (with a reason) here. The rules,
// refusing one's own request among them, live in src/actions/approvals.
import type { AdminPage, PageHandler } from 'adminjs';
import { approveRequest } from '../../actions/approvals/approve-request.js';
import { rejectRequest } from '../../actions/approvals/reject-request.js';
import { can } from '../../actions/authz.js';
import { listApprovalRequests, type ApprovalListItem } from '../../reports/approvals/approval-queue.js';
import { formatDateTime } from '../human-dates.js';
import { actorFromAdmin } from '../actor.js';
import { Components } from '../components/index.js';
import { mayOpenPage } from '../page-access.js';
import { roleOf } from '../rbac.js';
import { runPageOperation, said, type OperationReply, type PageOperation } from '../pages/page-operations.js';

export const APPROVALS_PAGE = 'approvals';

interface PageRequest { method?: string; payload?: Record<string, string | undefined> }

type Ctx = ReturnType<typeof actorFromAdmin>;
type Form = Record<string, string | undefined>;

const OPERATIONS: Record<string, PageOperation<Ctx, Form, OperationReply>> = {
  async approve(ctx, p) {
    await approveRequest(ctx, { requestId: p.requestId });
    return said('Approved: the change has been made.');
  },
  async reject(ctx, p) {
    await rejectRequest(ctx, { requestId: p.requestId, reason: p.reason });
    return said('Rejected: nothing was changed.');
  },
};

const shown = (item: ApprovalListItem, me: string) => ({
  id: item.id,
  kind: item.kindLabel,
  status: item.status,
  description: item.description,
  reason: item.reason,
  statementId: item.statementId,
  requestedBy: item.requestedBy,
  requestedAt: formatDateTime(item.requestedAt),
  decidedBy: item.decidedBy,
  decidedAt: item.decidedAt ? formatDateTime(item.decidedAt) : null,
  rejectionReason: item.rejectionReason,
  mine: item.requestedById === me,
});

const handler: PageHandler = async (req, _res, context) => {
  const request = req as PageRequest;
  const role = roleOf(context.currentAdmin);
  if (!mayOpenPage(role, APPROVALS_PAGE)) return { forbidden: true };
  const ctx = actorFromAdmin(context.currentAdmin);
  const payload = request.payload ?? {};
  const { notice } = request.method === 'post' ? await runPageOperation(OPERATIONS, payload.op, ctx, payload) : { notice: undefined };
  const me = ctx.actor.kind === 'user' ? ctx.actor.id : '';
  const [pending, decided] = await Promise.all([listApprovalRequests('pending'), listApprovalRequests('decided', 50)]);
  return {
    canDecide: can(role, 'approvals.decide'),
    pending: pending.map((item) => shown(item, me)),
    decided: decided.map((item) => shown(item, me)),
    notice,
  };
};

export const approvalsPage: AdminPage = { component: Components.Approvals, icon: 'CheckSquare', handler };
