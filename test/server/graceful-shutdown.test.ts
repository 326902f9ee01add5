// SIGTERM while a request is in flight: the request still completes (reading the database after the
// signal), new connections are refused, and the process exits cleanly having closed its pools.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../support/app-process.js';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp(process.env.DATABASE_URL!, { SEED_DEMO_DATA: 'false', LOG_LEVEL: 'info', TEST_SLOW_REQUESTS: 'true', SHUTDOWN_GRACE_SECONDS: '60' });
}, 360_000);

afterAll(async () => {
  await app?.stop();
});

async function waitForOutput(text: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!app.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`Never saw "${text}":\n${app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const connects = (port: number) => new Promise<boolean>((resolve) => {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.once('connect', () => { socket.destroy(); resolve(true); });
  socket.once('error', () => resolve(false));
});

describe('graceful shutdown', () => {
  it('finishes a request in flight during SIGTERM, refuses new connections, then exits 0', async () => {
    const port = Number(new URL(app.url).port);
    // Without TRUST_PROXY an incoming X-Request-Id is not believed.
    const inFlight = fetch(`${app.url}/__test/slow?ms=4000`, { headers: { 'x-request-id': 'client-chosen-id' } });
    await waitForOutput('Slow test request started');
    app.signal('SIGTERM');
    await waitForOutput('Shutdown: stopping');

    expect(await connects(port)).toBe(false);
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-request-id')).not.toBe('client-chosen-id');
    expect(await answer.text()).toBe('slept 4000 ms, database answered 1');

    expect(await app.exited).toBe(0);
    expect(app.output()).toContain('Shutdown: stopped');
    expect(app.output()).not.toContain('a step failed');
  });
});
