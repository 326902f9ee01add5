// Why the embedded PostgreSQL could not start, in words a person can act on (the library itself says
// "spawn initdb EACCES" or nothing at all).
import path from 'node:path';

export class EmbeddedServerError extends Error {}

const relative = (dir: string) => path.relative(process.cwd(), dir) || dir;

export const portTaken = (port: number) => new EmbeddedServerError(
  `port ${port} on 127.0.0.1 is used by another program (not a PostgreSQL this app can sign in to). ` +
  `Stop that program, or give the embedded PostgreSQL another port with EMBEDDED_PG_PORT=<free port>.`,
);

export const otherVersion = (dataDir: string, found: string, ours: string) => new EmbeddedServerError(
  `the data folder ${relative(dataDir)} was made by PostgreSQL ${found}; this app runs PostgreSQL ${ours}. ` +
  `To start afresh with demo data, move that folder away (or point EMBEDDED_PG_DIR at a new folder) and start again. ` +
  `To keep its data, start PostgreSQL ${found} on it, dump it with pg_dump and restore it into the new one (or upgrade the folder with pg_upgrade).`,
);

export const unreadableFolder = (dir: string) => new EmbeddedServerError(
  `the embedded PostgreSQL cannot reach ${dir}. Running as root, the app runs PostgreSQL as the user "postgres", ` +
  `and that user must be able to open every folder above the project and its data (a home folder such as /root is closed to others). ` +
  `Run the app as an ordinary user, or move the project to a folder others can read (e.g. /srv/ecf), or set DATABASE_URL to a PostgreSQL server of your own.`,
);

export const didNotStart = (log: string) => new EmbeddedServerError(
  `the embedded PostgreSQL did not start. Its last words:\n${log.trim().split('\n').slice(-5).join('\n')}`,
);

/** Reads PostgreSQL's own account of a failed start. */
export function explainStartFailure(log: string, context: { port: number; dataDir: string; ours: string }): EmbeddedServerError {
  if (/could not bind|address already in use/i.test(log)) return portTaken(context.port);
  const version = /initialized by PostgreSQL version (\d+)/.exec(log);
  if (version) return otherVersion(context.dataDir, version[1], context.ours);
  if (/permission denied|EACCES/i.test(log)) return unreadableFolder(context.dataDir);
  return didNotStart(log);
}
