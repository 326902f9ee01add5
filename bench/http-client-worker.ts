// The lead provider's system of a load benchmark: it runs on a thread of its own, as it would on a
// machine of its own, so parsing the answers is not charged to the server's event loop, and it uses
// node:http with kept-alive connections, the leanest client at hand (fetch costs several times more CPU
// per request, which on two cores is taken from the server being measured). Requests each path once,
// `inFlight` at a time, and reports each request's latency and the ids of the data it got.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

export interface ClientWork {
  base: string;
  paths: string[];
  headers: Record<string, string>;
  inFlight: number;
}

export interface ClientReport {
  latencies: number[];
  elapsedMs: number;
  /** Distinct `data[].id` over every answer. */
  distinctIds: number;
}

const { base, paths, headers, inFlight } = workerData as ClientWork;
const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });

function get(path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    http.get(base + path, { agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`${path} answered ${response.statusCode}`));
        else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      });
      response.on('error', reject);
    }).on('error', reject);
  });
}

const latencies: number[] = [];
const ids = new Set<string>();
let next = 0;
const started = performance.now();
await Promise.all(Array.from({ length: inFlight }, async () => {
  while (next < paths.length) {
    const path = paths[next++];
    const t = performance.now();
    const body = (await get(path)) as { data?: { id: string }[] };
    latencies.push(performance.now() - t);
    for (const item of body.data ?? []) ids.add(item.id);
  }
}));
agent.destroy();
parentPort!.postMessage({ latencies, elapsedMs: performance.now() - started, distinctIds: ids.size } satisfies ClientReport);
