// Settings changes reach a process as they commit: another connection (as another app process would)
// switches maintenance mode and this process's cached mode follows at once, with the fallback poll set
// far beyond the test's waits; after the listening connection is cut, it reconnects and hears again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { currentMaintenanceMode, MAINTENANCE_SETTING } from '../../src/actions/maintenance/maintenance-mode.js';
import { settingsWatchLive, settingsWatchReady } from '../../src/db/settings-changes.js';

const HOUR = 3_600_000;
let other: pg.Client;

beforeAll(async () => {
  process.env.SETTINGS_POLL_MS = String(HOUR);
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  // The per-file database hook may drop the database (and this connection) before afterAll below runs.
  other.on('error', () => {});
  await other.connect();
});
afterAll(async () => {
  delete process.env.SETTINGS_POLL_MS;
  await other.end().catch(() => {});
});

/** Another process's switch: a plain write to the settings table. */
async function switchElsewhere(on: boolean): Promise<void> {
  const value = JSON.stringify({ on, message: null, until: null, switchedAt: new Date().toISOString(), switchedBy: 'other process' });
  await other.query(
    `INSERT INTO settings (id, key, value, "updatedAt") VALUES (gen_random_uuid(), $1, $2::jsonb, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
    [MAINTENANCE_SETTING, value],
  );
}

/** How long until this process's cached mode reads `on` (polling; null when it never did within a minute). */
async function delayUntil(on: boolean, since: number): Promise<number | null> {
  const deadline = since + 60_000;
  while (Date.now() < deadline) {
    if ((await currentMaintenanceMode()).on === on) return Date.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return null;
}

describe('settings changes', () => {
  it('reach the cached maintenance mode as they commit, with the poll an hour away', async () => {
    expect((await currentMaintenanceMode()).on).toBe(false);
    expect(await settingsWatchReady()).toBe(true);
    const since = Date.now();
    await switchElsewhere(true);
    const delay = await delayUntil(true, since);
    expect(delay).not.toBeNull();
    expect(delay!).toBeLessThan(1_000);
  });

  it('are heard again after the listening connection drops', async () => {
    const { rowCount } = await other.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN settings_changed'`,
    );
    expect(rowCount).toBe(1);
    // It reconnects on its own (and refreshes what it may have missed meanwhile).
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await currentMaintenanceMode();
      if (settingsWatchLive() && (await other.query(`SELECT 1 FROM pg_stat_activity WHERE query = 'LISTEN settings_changed' AND datname = current_database()`)).rowCount === 1) break;
    }
    expect(settingsWatchLive()).toBe(true);
    const since = Date.now();
    await switchElsewhere(false);
    const delay = await delayUntil(false, since);
    expect(delay).not.toBeNull();
    expect(delay!).toBeLessThan(1_000);
  });
});
