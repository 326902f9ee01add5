// A PostgreSQL connection of its own, outside Prisma's pool, for what must stay on one session:
// an advisory lock held for a whole job run, or a cursor read batch by batch (configured in src/db/connection.ts).
import type pg from 'pg';
import { openConnection } from '../../db/connection.js';

export function openDedicatedConnection(): Promise<pg.Client> {
  return openConnection();
}
