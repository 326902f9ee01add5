// `npm start` under a supervisor: a SIGTERM to the npm process stops the app and the embedded PostgreSQL it
// started (npm runs the script under `sh -c`, which does not pass the signal on); and if the app itself is
// killed outright, its PostgreSQL still stops. Uses its own ports and data folder, with no demo data.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../support/app-process.js';

let folder: string;
let pgPort: number;
let appPort: number;
const started: ChildProcess[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'npm-start-'));
  // Run as root, PostgreSQL runs as "postgres", which must be able to open the folder (mkdtemp makes it private).
  await chmod(folder, 0o755);
  pgPort = await freePort();
  appPort = await freePort();
});

afterAll(async () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(folder, { recursive: true, force: true });
});

function npmStart(): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', EMBEDDED_PG_PORT: String(pgPort), EMBEDDED_PG_DIR: path.join(folder, 'pg'), PORT: String(appPort), SEED_DEMO_DATA: 'false', START_JOBS: 'false', LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  const child = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const ready = new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (output.includes(`localhost:${appPort}/admin`)) { clearInterval(poll); resolve(); }
    }, 100);
    child.once('exit', (code) => { clearInterval(poll); reject(new Error(`npm start exited with ${code}:\n${output}`)); });
  });
  return { child, output: () => output, ready };
}

const answers = (port: number) => new Promise<boolean>((resolve) => {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.once('connect', () => { socket.destroy(); resolve(true); });
  socket.once('error', () => resolve(false));
});

async function portsFree(ports: number[], output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const open = [];
    for (const port of ports) if (await answers(port)) open.push(port);
    if (open.length === 0) return;
    if (Date.now() > deadline) throw new Error(`Still answering on ${open.join(', ')}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('npm start and signals', () => {
  it('stops the app and its PostgreSQL when the npm process gets SIGTERM', async () => {
    const app = npmStart();
    await app.ready;
    expect(await answers(pgPort)).toBe(true);
    app.child.kill('SIGTERM');
    await portsFree([appPort, pgPort], app.output);
    expect(app.output()).toContain('Shutdown: stopped');
  }, 360_000);

  it('stops its PostgreSQL even when the app is killed outright', async () => {
    const app = npmStart();
    await app.ready;
    const line = app.output().split('\n').find((l) => l.startsWith('{') && l.includes('"pid"'))!;
    const appPid = (JSON.parse(line) as { pid: number }).pid;
    process.kill(appPid, 'SIGKILL');
    await portsFree([appPort, pgPort], app.output);
  }, 360_000);
});
