// Changes to the settings table as they commit, from any process: a trigger (migration
// settings_notify) sends each changed key on the channel "settings_changed", and this module keeps one
// connection of the process LISTENing to it. When that connection drops it reconnects (backing off up
// to RETRY_MAX_MS) and then tells every watcher that anything may have changed meanwhile, so caches
// refresh; while it is down, callers' own polls are the fallback.
import type pg from 'pg';
import { openConnection } from './connection.js';

const CHANNEL = 'settings_changed';
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 10_000;

/** `key` is the setting that changed; null means "any may have changed" (after a reconnect). */
export type SettingsWatcher = (key: string | null) => void;

const watchers = new Set<SettingsWatcher>();
let client: pg.Client | undefined;
let starting: Promise<void> | undefined;
let retry: NodeJS.Timeout | undefined;
let retryMs = RETRY_FIRST_MS;
let everConnected = false;
let stopped = false;

function tell(key: string | null): void {
  for (const watcher of watchers) {
    try {
      watcher(key);
    } catch {
      // One watcher's failure must not keep the change from the others.
    }
  }
}

function scheduleReconnect(): void {
  if (stopped || retry || watchers.size === 0) return;
  retry = setTimeout(() => {
    retry = undefined;
    void connect();
  }, retryMs);
  retry.unref();
  retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
}

function dropped(connection: pg.Client): void {
  if (client !== connection) return;
  client = undefined;
  connection.end().catch(() => {});
  tell(null);
  scheduleReconnect();
}

function connect(): Promise<void> {
  starting ??= (async () => {
    let connection: pg.Client | undefined;
    try {
      connection = await openConnection();
      const opened = connection;
      opened.on('error', () => dropped(opened));
      opened.on('end', () => dropped(opened));
      opened.on('notification', (message) => {
        if (message.channel === CHANNEL) tell(message.payload ?? null);
      });
      // The connection must not keep a process alive that has nothing else to do (the CLI, a test).
      (opened as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      if (stopped) {
        await opened.end();
        return;
      }
      await opened.query(`LISTEN ${CHANNEL}`);
      client = opened;
      retryMs = RETRY_FIRST_MS;
      // Changes made while no connection listened went unannounced.
      if (everConnected) tell(null);
      everConnected = true;
    } catch {
      await connection?.end().catch(() => {});
      scheduleReconnect();
    } finally {
      starting = undefined;
    }
  })();
  return starting;
}

/**
 * Calls `watcher` for each committed settings change from now on (once however often it is passed),
 * opening the listening connection when none is open or on its way. Returns a function that stops watching.
 */
export function watchSettings(watcher: SettingsWatcher): () => void {
  watchers.add(watcher);
  stopped = false;
  if (!client && !retry && !starting) void connect();
  return () => watchers.delete(watcher);
}

/** Resolves once the listening connection is up (or its first attempt failed): for tests and start-up. */
export async function settingsWatchReady(): Promise<boolean> {
  if (starting) await starting;
  return client !== undefined;
}

/** True while changes are being heard as they happen. */
export const settingsWatchLive = (): boolean => client !== undefined;

/** Closes the listening connection (the process is stopping or changing databases); a later watch reopens it. */
export async function closeSettingsWatch(): Promise<void> {
  stopped = true;
  if (retry) clearTimeout(retry);
  retry = undefined;
  if (starting) await starting;
  const connection = client;
  client = undefined;
  everConnected = false;
  retryMs = RETRY_FIRST_MS;
  await connection?.end().catch(() => {});
}
