// The scheduled moment a cron-fired run belongs to. Every app process on one database works it out the
// same way, so a scheduled job runs once per tick however many processes fire it.
import { createRequire } from 'node:module';

interface Later {
  date: { localTime(): void };
  parse: { cron(expression: string, hasSeconds?: boolean): unknown };
  schedule(schedule: unknown): { prev(count: 1, from: Date): Date | 0 };
}

// Bree's own cron library (it has no type declarations), read in local time as Bree reads it.
const later = createRequire(import.meta.url)('@breejs/later') as Later;
later.date.localTime();

/** The latest tick of `cron` at or before `now`, as an ISO time. */
export function scheduledTick(cron: string, hasSeconds: boolean, now = new Date()): string | undefined {
  const tick = later.schedule(later.parse.cron(cron, hasSeconds)).prev(1, now);
  return tick ? tick.toISOString() : undefined;
}
