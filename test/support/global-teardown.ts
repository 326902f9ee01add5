import type { EmbeddedServer } from '../../src/db/embedded.js';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __testPg?: EmbeddedServer }).__testPg;
  if (server) await server.stop();
}
