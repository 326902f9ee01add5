// Starts the real app (`src/main.ts`, as `npm start` does) against a test database, for browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export interface RunningApp {
  url: string;
  output: () => string;
  stop(): Promise<void>;
  /** Sends a signal to the app's process. */
  signal(name: NodeJS.Signals): void;
  /** Resolves with the process's exit code once it has exited. */
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startApp(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningApp> {
  // A test may choose the port (env.PORT) when something must know the app's address before it starts.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: databaseUrl, PORT: String(port), SEED_SIZE: 'small', START_JOBS: 'false', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://localhost:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`App did not start in time:\n${output}`)), 300_000);
    const poll = setInterval(() => {
      if (output.includes(`${url}/admin`)) { clearInterval(poll); clearTimeout(timer); resolve(); }
    }, 100);
    child.once('exit', (code) => { clearTimeout(timer); clearInterval(poll); reject(new Error(`App exited with ${code}:\n${output}`)); });
  });
  return {
    url,
    output: () => output,
    signal: (name) => { child.kill(name); },
    exited,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
