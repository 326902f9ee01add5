// Maintenance mode, kept in the `maintenance_mode` setting: while on, the lead provider API and the
// check data portal answer 503 and the back office shows a banner. Every request asks, so each process
// keeps the setting cached: a switch anywhere drops every process's copy as it commits (the settings
// trigger's notification, src/db/settings-changes.ts), and the copy is read again at least every
// SETTINGS_POLL_MS (default 5 s) in case a notification was missed.
import type { Tx } from '../../db/client.js';
import { db } from '../../db/client.js';
import { watchSettings } from '../../db/settings-changes.js';

export const MAINTENANCE_SETTING = 'maintenance_mode';
const DEFAULT_POLL_MS = 5_000;

/** SETTINGS_POLL_MS: how old a cached setting may get when no change was announced (the fallback poll). */
export function settingsPollMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.SETTINGS_POLL_MS);
  return env.SETTINGS_POLL_MS && Number.isFinite(value) && value > 0 ? value : DEFAULT_POLL_MS;
}
export const DEFAULT_MAINTENANCE_MESSAGE = 'This service is unavailable while we carry out planned maintenance.';

export interface MaintenanceMode {
  on: boolean;
  /** What callers are told; the default message when none was given. */
  message: string;
  /** The planned end, when one was given. */
  until: Date | null;
  switchedAt: Date | null;
  switchedBy: string | null;
}

/** The setting's JSON. */
export interface MaintenanceSettingValue {
  on: boolean;
  message: string | null;
  until: string | null;
  switchedAt: string;
  switchedBy: string;
}

const OFF: MaintenanceMode = { on: false, message: DEFAULT_MAINTENANCE_MESSAGE, until: null, switchedAt: null, switchedBy: null };

export function maintenanceFromSetting(value: unknown): MaintenanceMode {
  if (!value || typeof value !== 'object') return OFF;
  const v = value as Partial<MaintenanceSettingValue>;
  return {
    on: v.on === true,
    message: v.message?.trim() || DEFAULT_MAINTENANCE_MESSAGE,
    until: v.until ? new Date(v.until) : null,
    switchedAt: v.switchedAt ? new Date(v.switchedAt) : null,
    switchedBy: v.switchedBy ?? null,
  };
}

export async function readMaintenanceMode(client: Tx = db()): Promise<MaintenanceMode> {
  const setting = await client.setting.findUnique({ where: { key: MAINTENANCE_SETTING } });
  return maintenanceFromSetting(setting?.value);
}

let cached: { at: number; mode: Promise<MaintenanceMode> } | undefined;

const onSettingChanged = (key: string | null) => {
  if (key === null || key === MAINTENANCE_SETTING) cached = undefined;
};

/** The mode as last announced, or read at most SETTINGS_POLL_MS ago. A failed read is not kept. */
export function currentMaintenanceMode(now = Date.now()): Promise<MaintenanceMode> {
  watchSettings(onSettingChanged);
  if (cached && now - cached.at < settingsPollMs()) return cached.mode;
  const mode = readMaintenanceMode();
  const entry = { at: now, mode };
  cached = entry;
  mode.catch(() => { if (cached === entry) cached = undefined; });
  return mode;
}

export function forgetCachedMaintenanceMode(): void {
  cached = undefined;
}

/** "10:00pm on Tuesday 24 November 2026", UK time. */
export function plannedEndLabel(until: Date): string {
  const time = until.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hour12: true }).replace(' ', '');
  const day = until.toLocaleDateString('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).replace(',', '');
  return `${time} on ${day}`;
}

/** The one sentence callers of the API and the portal read. */
export function maintenanceNotice(mode: MaintenanceMode): string {
  return mode.until ? `${mode.message} We plan to be back by ${plannedEndLabel(mode.until)} (UK time).` : mode.message;
}

/** Seconds until the planned end, for a Retry-After header; none when no end is set or it has passed. */
export function retryAfterSeconds(until: Date | null | undefined, now = Date.now()): number | undefined {
  const seconds = until ? Math.ceil((until.getTime() - now) / 1000) : 0;
  return seconds > 0 ? seconds : undefined;
}
