// The lead provider's system of a load benchmark: it runs on a thread of its own, as it would on a
// machine of its own, so parsing the answers is not charged to the server's event loop. Requests each
// path once, `inFlight` at a time, and reports each request's latency and the ids of the data it got.
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
const latencies: number[] = [];
const ids = new Set<string>();
let next = 0;
const started = performance.now();
await Promise.all(Array.from({ length: inFlight }, async () => {
  while (next < paths.length) {
    const path = paths[next++];
    const t = performance.now();
    const response = await fetch(base + path, { headers });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    const body = (await response.json()) as { data?: { id: string }[] };
    latencies.push(performance.now() - t);
    for (const item of body.data ?? []) ids.add(item.id);
  }
}));
parentPort!.postMessage({ latencies, elapsedMs: performance.now() - started, distinctIds: ids.size } satisfies ClientReport);
