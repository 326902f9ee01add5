// What moving a selection of participants would do, before anyone confirms: how many move and how many
// are blocked (by DfE reason), and for each participant the change or the reason. Reads only, set-based,
// so previewing a whole frozen cohort is quick; the run re-checks each participant as it moves them.
import { z } from 'zod';
import type { ActorContext } from '../../actor.js';
import { requirePermission } from '../../authz.js';
import { Id } from '../../zod.js';
import { frozenCohortCandidatesByIds, type CandidateStatus, type Destination, type FrozenCohortCandidate } from './find-frozen-cohort-candidates.js';
import { frozenCohortMessages as messages } from './messages.js';
import { MOST_PARTICIPANTS } from './start-frozen-cohort-move-run.js';

export const PreviewFrozenCohortSelectionInput = z.object({
  participantProfileIds: z.array(Id).min(1, 'Choose at least one participant').max(MOST_PARTICIPANTS),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(500).default(50),
});

export interface FrozenCohortSelectionPreview {
  destination: Destination;
  counts: Record<CandidateStatus, number>;
  /** Blocked participants by DfE reason, most common first (one participant may have several). */
  reasons: { reason: string; count: number }[];
  /** Those who would move first, then the blocked, then those already moved; a page of them. */
  rows: FrozenCohortCandidate[];
  total: number;
  page: number;
  perPage: number;
}

const ORDER: Record<CandidateStatus, number> = { eligible: 0, blocked: 1, already_moved: 2 };

export async function previewFrozenCohortSelection(ctx: ActorContext, raw: unknown): Promise<FrozenCohortSelectionPreview> {
  const { participantProfileIds, page, perPage } = PreviewFrozenCohortSelectionInput.parse(raw);
  requirePermission(ctx, 'participants.move_frozen_cohort');
  const ids = [...new Set(participantProfileIds)];
  const { rows, destination } = await frozenCohortCandidatesByIds(ids);
  const counts = { eligible: 0, blocked: 0, already_moved: 0 };
  const reasons = new Map<string, number>();
  for (const row of rows) {
    counts[row.status]++;
    if (row.status === 'blocked') for (const reason of row.reasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  // Chosen but in no frozen cohort (and not moved out of one): the move refuses them as not eligible.
  const outside = ids.length - rows.length;
  if (outside > 0) {
    counts.blocked += outside;
    reasons.set(messages.notEligible, (reasons.get(messages.notEligible) ?? 0) + outside);
  }
  const ordered = [...rows].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  return {
    destination,
    counts,
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    rows: ordered.slice((page - 1) * perPage, page * perPage),
    total: rows.length,
    page,
    perPage,
  };
}
