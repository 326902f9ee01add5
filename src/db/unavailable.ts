// Whether an error means the database cannot be reached (down, restarting, refusing connections), as
// opposed to a fault in a query: the first is a 503 "try again later", the second a bug.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE']);
// PostgreSQL: connection exceptions (08…), shutting down or starting up (57P01-57P03), too many connections.
const SERVER_CODES = /^(08...|57P0[123]|53300)$/;
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database server|Client has encountered a connection error|the database system is (shutting down|starting up)/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: unknown; code?: unknown; errorCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
  if (e.name === 'PrismaClientInitializationError') return true;
  for (const code of [e.code, e.errorCode, e.originalCode]) {
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.test(code) || PRISMA_CODES.has(code))) return true;
  }
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
