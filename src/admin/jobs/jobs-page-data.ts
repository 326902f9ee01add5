// What the Jobs page shows: the jobs and their schedules, recent runs with progress, and (for finance)
// the finished exports; the statements to export one by one when asked for.
import type { JobRun, Role } from '@prisma/client';
import { can } from '../../actions/authz.js';
import { mayOpenPage } from '../page-access.js';
import { db } from '../../db/client.js';
import { exportStore } from '../../reports/exports/export-store.js';
import { findJob, JOBS } from '../../jobs/registry.js';
import { jobSchedules } from '../../jobs/scheduler.js';

const RECENT_RUNS = 30;

export interface JobView { name: string; label: string; description: string; schedule: string }
export interface RunView {
  id: string;
  job: string;
  label: string;
  statementId: string | null;
  state: 'running' | 'succeeded' | 'failed' | 'skipped';
  rowsDone: number;
  rowsTotal: number | null;
  startedAt: string;
  finishedAt: string | null;
  result: string;
}
export interface ExportView { name: string; bytes: number; modifiedAt: string; href: string }
export interface StatementOption { value: string; label: string }

export interface JobsPageData {
  allowed: boolean;
  canRun: boolean;
  canDownload: boolean;
  jobs: JobView[];
  runs: RunView[];
  exports: ExportView[] | null;
  statements?: StatementOption[];
}

export const mayViewJobs = (role: Role | undefined): role is Role => mayOpenPage(role, 'jobs');

function runView(run: JobRun): RunView {
  const job = findJob(run.job);
  const output = (run.output ?? {}) as Record<string, unknown>;
  // A skip records its reason (already running, or another process ran this tick): never a job's own output.
  const skipReason = typeof output.skipped === 'string' ? output.skipped : null;
  const args = (run.args ?? {}) as { statementId?: string };
  return {
    id: run.id,
    job: run.job,
    label: job?.label ?? run.job,
    statementId: args.statementId ?? null,
    state: skipReason ? 'skipped' : run.state,
    rowsDone: run.rowsDone,
    rowsTotal: run.rowsTotal,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    result: run.state === 'failed' ? (run.error ?? 'Failed') : skipReason ? skipReason : run.state === 'succeeded' && job ? job.summarise(output) : '',
  };
}

async function statementOptions(): Promise<StatementOption[]> {
  const statements = await db().statement.findMany({
    select: { id: true, name: true, state: true, cohort: { select: { startYear: true } }, cpdLeadProvider: { select: { name: true } } },
    orderBy: [{ cpdLeadProvider: { name: 'asc' } }, { cohort: { startYear: 'asc' } }, { deadlineDate: 'asc' }],
  });
  return statements.map((s) => ({ value: s.id, label: `${s.cpdLeadProvider.name}, ${s.cohort.startYear} cohort, ${s.name} (${s.state})` }));
}

export async function jobsPageData(role: Role | undefined, options: { downloadHref: (file: string) => string; withStatements: boolean }): Promise<JobsPageData> {
  if (!mayViewJobs(role)) return { allowed: false, canRun: false, canDownload: false, jobs: [], runs: [], exports: null };
  const canRun = can(role, 'jobs.run');
  const canDownload = can(role, 'exports.download');
  const schedules = new Map(jobSchedules().map((s) => [s.job, s.cron]));
  const runs = await db().jobRun.findMany({ orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: RECENT_RUNS });
  const exports = canDownload
    ? (await exportStore().list()).map((f) => ({ name: f.name, bytes: f.bytes, modifiedAt: f.modifiedAt.toISOString(), href: options.downloadHref(f.name) }))
    : null;
  return {
    allowed: true,
    canRun,
    canDownload,
    jobs: JOBS.map((job) => ({ name: job.name, label: job.label, description: job.description, schedule: schedules.get(job.name) ?? 'off' })),
    runs: runs.map(runView),
    exports,
    ...(options.withStatements && canRun ? { statements: await statementOptions() } : {}),
  };
}
