// What the Approvals page, the dashboard and a statement's sign-off trail read of approval requests.
import type { ApprovalKind, ApprovalStatus } from '@prisma/client';
import { db } from '../../db/client.js';

export const APPROVAL_KIND_LABELS: Record<ApprovalKind, string> = {
  authorise_payment: 'Authorise for payment',
  add_adjustment: 'Add an adjustment',
  change_adjustment: 'Change an adjustment',
  clawback_declaration: 'Claw back a paid declaration',
};

export interface ApprovalListItem {
  id: string;
  kind: ApprovalKind;
  kindLabel: string;
  status: ApprovalStatus;
  description: string;
  reason: string | null;
  statementId: string | null;
  requestedById: string;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
}

const include = { requestedBy: { select: { email: true } }, decidedBy: { select: { email: true } } } as const;

/** Pending requests, oldest first; or the latest decided ones. */
export async function listApprovalRequests(status: 'pending' | 'decided', take = 100): Promise<ApprovalListItem[]> {
  const rows = await db().approvalRequest.findMany({
    where: status === 'pending' ? { status: 'pending' } : { status: { not: 'pending' } },
    orderBy: status === 'pending' ? { requestedAt: 'asc' } : { decidedAt: 'desc' },
    include,
    take,
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: APPROVAL_KIND_LABELS[r.kind],
    status: r.status,
    description: r.description,
    reason: r.reason,
    statementId: r.statementId,
    requestedById: r.requestedById,
    requestedBy: r.requestedBy.email,
    requestedAt: r.requestedAt,
    decidedBy: r.decidedBy?.email ?? null,
    decidedAt: r.decidedAt,
    rejectionReason: r.rejectionReason,
  }));
}

/** Pending requests by kind, for the finance dashboard. */
export async function pendingApprovalCounts(): Promise<{ kind: ApprovalKind; label: string; count: number }[]> {
  const groups = await db().approvalRequest.groupBy({ by: ['kind'], where: { status: 'pending' }, _count: { _all: true } });
  return (Object.keys(APPROVAL_KIND_LABELS) as ApprovalKind[]).map((kind) => ({
    kind,
    label: APPROVAL_KIND_LABELS[kind],
    count: groups.find((g) => g.kind === kind)?._count._all ?? 0,
  }));
}

export interface StatementSignOff {
  status: ApprovalStatus;
  requestedBy: string;
  requestedAt: Date;
  /** Who approved (or rejected) it, and when; null while pending. */
  decidedBy: string | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
}

/** The statement's authorisation requests, latest first: who asked for it, who approved it, when. */
export async function statementSignOffs(statementId: string): Promise<StatementSignOff[]> {
  const rows = await db().approvalRequest.findMany({
    where: { statementId, kind: 'authorise_payment' },
    orderBy: { requestedAt: 'desc' },
    include,
  });
  return rows.map((r) => ({
    status: r.status,
    requestedBy: r.requestedBy.email,
    requestedAt: r.requestedAt,
    decidedBy: r.decidedBy?.email ?? null,
    decidedAt: r.decidedAt,
    rejectionReason: r.rejectionReason,
  }));
}

/** "Authorisation requested by a@x at 3:15pm on 5 Mar 2026; approved by b@x at 4:02pm on 5 Mar 2026". */
export function signOffText(signOff: StatementSignOff, formatAt: (at: Date) => string): string {
  const requested = `Authorisation requested by ${signOff.requestedBy} at ${formatAt(signOff.requestedAt)}`;
  if (signOff.status === 'pending') return `${requested}; waiting for a second finance or super user to approve it`;
  const decided = `${signOff.status} by ${signOff.decidedBy} at ${formatAt(signOff.decidedAt!)}`;
  return `${requested}; ${decided}${signOff.rejectionReason ? ` (${signOff.rejectionReason})` : ''}`;
}
