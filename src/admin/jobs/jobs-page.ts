// The back office's "Jobs" page: an AdminJS page (add it as `pages: { [JOBS_PAGE]: jobsPage }` and call
// registerJobsComponents(componentLoader)). Its one handler serves the page's data (polled every 2 s),
// "run now" (POST), and finance's export downloads (GET ?download=<file>), all behind AdminJS's session.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminPage, ComponentLoader, PageHandler } from 'adminjs';
import type { Response } from 'express';
import { requestJobRun } from '../../actions/jobs/request-job-run.js';
import { jobThreads } from '../../jobs/job-starter.js';
import { findJob } from '../../jobs/registry.js';
import { actorFromAdmin } from '../actor.js';
import { runPageOperation, said, type OperationReply, type PageOperation } from '../pages/page-operations.js';
import { roleOf } from '../rbac.js';
import { sendExport } from './export-download.js';
import { jobsPageData } from './jobs-page-data.js';

export const JOBS_PAGE = 'jobs';
export const JOBS_COMPONENT = 'JobsPage';

const here = path.dirname(fileURLToPath(import.meta.url));

export function registerJobsComponents(loader: ComponentLoader): void {
  loader.add(JOBS_COMPONENT, path.join(here, 'jobs-view.tsx'));
}

interface PageRequest {
  method?: string;
  query?: Record<string, unknown>;
  payload?: Record<string, unknown>;
}

type Ctx = ReturnType<typeof actorFromAdmin>;

const OPERATIONS: Record<string, PageOperation<Ctx, Record<string, unknown>, OperationReply>> = {
  async runNow(ctx, payload) {
    const statementId = typeof payload.statementId === 'string' && payload.statementId ? payload.statementId : undefined;
    const { job } = await requestJobRun(ctx, { job: payload.job, statementId }, jobThreads);
    const label = findJob(job)?.label ?? job;
    return said(`${label} started${statementId ? ' for the statement' : ''}. Its progress shows below.`);
  },
};

export const jobsPageHandler: PageHandler = async (request: PageRequest, response: Response, context) => {
  const download = request.query?.download;
  if (typeof download === 'string') {
    await sendExport(context.currentAdmin, download, response);
    return undefined;
  }
  // The page's only form runs a job; it sends no `op`.
  if (request.method === 'post') {
    const { notice } = await runPageOperation(OPERATIONS, 'runNow', actorFromAdmin(context.currentAdmin), request.payload ?? {});
    return { notice };
  }
  const rootPath = context._admin.options.rootPath ?? '/admin';
  return jobsPageData(roleOf(context.currentAdmin), {
    withStatements: request.query?.include === 'statements',
    downloadHref: (file) => `${rootPath}/api/pages/${JOBS_PAGE}?download=${encodeURIComponent(file)}`,
  });
};

export const jobsPage: AdminPage = { component: JOBS_COMPONENT, icon: 'Clock', handler: jobsPageHandler };
