// The super users' "Frozen cohort moves" page (AdminJS page; register it as
// `pages: { [FROZEN_COHORT_MOVES_PAGE]: frozenCohortMovesPage }` and call registerFrozenCohortMovesComponent).
// One handler behind AdminJS's session: GET lists candidates (server-side pages and filters), school
// options, a run's progress and results, or its CSV (?download=<request id>); POST selects every
// eligible id, previews a selection or starts the run. Every rule lives in src/actions.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminPage, ComponentLoader, PageHandler } from 'adminjs';
import type { Response } from 'express';
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
import { replyOrRefusal, runPageOperation, type OperationReply, type PageOperation } from '../pages/page-operations.js';
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

type Ctx = ReturnType<typeof actorFromAdmin>;

async function sendCsv(ctx: Ctx, requestId: string, response: Response): Promise<void> {
  const reply = await replyOrRefusal(async () => ({ file: await frozenCohortMoveRunCsv(ctx, { requestId }) }));
  if (!('file' in reply)) {
    response.status(404).type('text/plain').send(reply.notice.message);
    return;
  }
  response.set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${reply.file.filename}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.send(reply.file.csv);
}

const OPERATIONS: Record<string, PageOperation<Ctx, Params, OperationReply>> = {
  async eligibleIds(_ctx, payload) {
    return { ids: await listFrozenCohortCandidateIds({ ...filterFrom(payload), status: 'eligible' }) };
  },
  async preview(ctx, payload) {
    return { preview: await previewFrozenCohortSelection(ctx, { participantProfileIds: ids(payload.ids), page: pageNumber(payload.page) }) };
  },
  async start(ctx, payload) {
    const { requestId, finished } = await startFrozenCohortMoveRun(ctx, { participantProfileIds: ids(payload.ids), reason: payload.reason ?? '' });
    // The run records its own failure; this only keeps a lost lock connection from crashing the app.
    finished.catch((error: unknown) => logger.error({ err: error }, 'Frozen cohort move run failed to record'));
    return { requestId };
  },
};

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
  if (request.method === 'post') {
    const payload = request.payload ?? {};
    return { allowed: true, ...(await runPageOperation(OPERATIONS, payload.op, ctx, payload)) };
  }
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
