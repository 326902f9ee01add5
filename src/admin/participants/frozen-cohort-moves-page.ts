// The super users' "Frozen cohort moves" page (AdminJS page; register it as
// `pages: { [FROZEN_COHORT_MOVES_PAGE]: frozenCohortMovesPage }` and call registerFrozenCohortMovesComponent).
// One handler behind AdminJS's session: GET lists candidates (server-side pages and filters), school
// options, a run's progress and results, or its CSV (?download=<request id>); POST selects every
// eligible id, previews a selection or starts the run. Every rule lives in src/actions.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminPage, ComponentLoader, PageHandler } from 'adminjs';
import type { Response } from 'express';
import { asActionError } from '../../actions/errors.js';
import {
  CANDIDATE_STATUSES, findFrozenCohortCandidates, listFrozenCohortCandidateIds, type FrozenCohortCandidateFilter,
} from '../../actions/participants/frozen-cohort/find-frozen-cohort-candidates.js';
import { findFrozenCohortMoveRun } from '../../actions/participants/frozen-cohort/find-frozen-cohort-move-run.js';
import { findFrozenCohortSchools } from '../../actions/participants/frozen-cohort/find-frozen-cohort-schools.js';
import { frozenCohortMoveRunCsv } from '../../actions/participants/frozen-cohort/frozen-cohort-move-run-csv.js';
import { previewFrozenCohortSelection } from '../../actions/participants/frozen-cohort/preview-frozen-cohort-selection.js';
import { startFrozenCohortMoveRun } from '../../actions/participants/frozen-cohort/start-frozen-cohort-move-run.js';
import { db } from '../../db/client.js';
import { actorFromAdmin } from '../actor.js';
import { mayOpenPage } from '../page-access.js';
import { roleOf } from '../rbac.js';
import { logger } from '../../logging/logger.js';

export const FROZEN_COHORT_MOVES_PAGE = 'frozenCohortMoves';
const COMPONENT = 'FrozenCohortMoves';
const PER_PAGE = 50;

const here = path.dirname(fileURLToPath(import.meta.url));

export function registerFrozenCohortMovesComponent(loader: ComponentLoader): void {
  loader.add(COMPONENT, path.join(here, '../components/frozen-cohort-moves.tsx'));
}

type Params = Record<string, unknown>;
interface PageRequest { method?: string; query?: Params; payload?: Params }

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const pageNumber = (value: unknown) => Math.max(1, Number.parseInt(text(value) ?? '1', 10) || 1);
const ids = (value: unknown): unknown => {
  try {
    return JSON.parse(text(value) ?? '[]');
  } catch {
    return [];
  }
};

function filterFrom(params: Params): FrozenCohortCandidateFilter {
  const status = CANDIDATE_STATUSES.find((s) => s === params.status);
  return { leadProviderId: text(params.leadProviderId), schoolId: text(params.schoolId), search: text(params.search), status };
}

async function refusalOr<T>(work: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await work();
  } catch (error) {
    const refusal = asActionError(error);
    if (!refusal) throw error;
    return { error: refusal.messages.join(' ') };
  }
}

async function sendCsv(ctx: ReturnType<typeof actorFromAdmin>, requestId: string, response: Response): Promise<void> {
  const result = await refusalOr(() => frozenCohortMoveRunCsv(ctx, { requestId }));
  if ('error' in result) {
    response.status(404).type('text/plain').send(result.error);
    return;
  }
  response.set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${result.filename}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.send(result.csv);
}

async function post(ctx: ReturnType<typeof actorFromAdmin>, payload: Params) {
  switch (payload.op) {
    case 'eligibleIds':
      return { ids: await listFrozenCohortCandidateIds({ ...filterFrom(payload), status: 'eligible' }) };
    case 'preview':
      return { preview: await refusalOr(() => previewFrozenCohortSelection(ctx, { participantProfileIds: ids(payload.ids), page: pageNumber(payload.page) })) };
    case 'start':
      return refusalOr(async () => {
        const { requestId, finished } = await startFrozenCohortMoveRun(ctx, { participantProfileIds: ids(payload.ids), reason: payload.reason ?? '' });
        // The run records its own failure; this only keeps a lost lock connection from crashing the app.
        finished.catch((error: unknown) => logger.error({ err: error }, 'Frozen cohort move run failed to record'));
        return { requestId };
      });
    default:
      return { error: 'Unknown request.' };
  }
}

export const frozenCohortMovesHandler: PageHandler = async (req, res, context) => {
  const request = req as PageRequest;
  const role = roleOf(context.currentAdmin);
  if (!mayOpenPage(role, FROZEN_COHORT_MOVES_PAGE)) return { allowed: false };
  const ctx = actorFromAdmin(context.currentAdmin);
  const query = request.query ?? {};
  const download = text(query.download);
  if (download) {
    await sendCsv(ctx, download, res as Response);
    return undefined;
  }
  if (request.method === 'post') return { allowed: true, ...(await post(ctx, request.payload ?? {})) };
  const run = text(query.run);
  if (run) return { allowed: true, run: await findFrozenCohortMoveRun(ctx, { requestId: run, page: pageNumber(query.page) }) };
  if (typeof query.schools === 'string') return { allowed: true, schools: await findFrozenCohortSchools(query.schools) };
  const [leadProviders, candidates] = await Promise.all([
    db().leadProvider.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    findFrozenCohortCandidates({ ...filterFrom(query), page: pageNumber(query.page), perPage: PER_PAGE }),
  ]);
  return { allowed: true, leadProviders, candidates };
};

export const frozenCohortMovesPage: AdminPage = { component: COMPONENT, icon: 'Shuffle', handler: frozenCohortMovesHandler };
