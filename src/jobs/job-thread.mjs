// Development entry of a job's worker thread: Node cannot load TypeScript itself, so register tsx in
// this thread first. A compiled build runs job-thread.js directly instead.
import { register } from 'tsx/esm/api';

register();
await import('./job-thread.ts');
