// Nightly tidying the other features rely on: magic links expired or used more than a day ago, failed
// sign-ins older than a day (they no longer count, and say who tried from where), and exports older than
// EXPORTS_KEEP_DAYS (default 30).
import { forgetOldSignInFailures } from '../auth/sign-in-throttle.js';
import { db } from '../db/client.js';
import { exportStore } from '../reports/exports/export-store.js';
import { NoArgs, type ScheduledJob } from './scheduled-job.js';

const DAY_MS = 86_400_000;

export function exportsKeepDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.EXPORTS_KEEP_DAYS ?? 30);
  if (!Number.isInteger(days) || days < 1) throw new Error(`EXPORTS_KEEP_DAYS must be a whole number of days (at least 1), not "${env.EXPORTS_KEEP_DAYS}".`);
  return days;
}

export const housekeepingJob: ScheduledJob<NoArgs> = {
  name: 'housekeeping',
  label: 'Housekeeping',
  description: 'Deletes magic links expired or used more than a day ago, failed sign-ins older than a day, and exports older than the days they are kept.',
  schedule: { env: 'JOB_HOUSEKEEPING_CRON', default: '30 3 * * *' },
  args: NoArgs,
  summarise: (output) => {
    const { magicLinksDeleted, signInFailuresDeleted, exportsDeleted } = output as { magicLinksDeleted: number; signInFailuresDeleted: number; exportsDeleted: string[] };
    return `${magicLinksDeleted} magic link(s), ${signInFailuresDeleted} old failed sign-in(s) and ${exportsDeleted.length} old export(s) deleted`;
  },
  async run() {
    const now = Date.now();
    const dayAgo = new Date(now - DAY_MS);
    const { count: magicLinksDeleted } = await db().magicLinkToken.deleteMany({
      where: { OR: [{ expiresAt: { lt: dayAgo } }, { usedAt: { lt: dayAgo } }] },
    });
    const signInFailuresDeleted = await forgetOldSignInFailures();
    const keepDays = exportsKeepDays();
    const exportsDeleted = await exportStore().deleteWrittenBefore(new Date(now - keepDays * DAY_MS));
    return { magicLinksDeleted, signInFailuresDeleted, exportsDeleted, exportsKeptDays: keepDays };
  },
};
