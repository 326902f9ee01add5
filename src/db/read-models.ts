// The read models' one SQL file (prisma/read-models.sql): applied after the migrations whenever it differs
// from what this database last applied, and compared with a rebuild from the base tables
// (docs/read-models.md). The migration runner calls applyReadModels under its advisory lock, so several
// machines starting at once apply it once.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { checksumOf } from './checksum.js';

export const READ_MODELS_FILE = fileURLToPath(new URL('../../prisma/read-models.sql', import.meta.url));
const NAME = 'read-models.sql';

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_read_models" (
  "name" TEXT PRIMARY KEY,
  "checksum" VARCHAR(64) NOT NULL,
  "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

export const readModelsSql = (): Promise<string> => readFile(READ_MODELS_FILE, 'utf8');

/** The checksum of the file this build ships: what "_read_models" holds once it is applied. */
export const shippedReadModelsChecksum = async (): Promise<string> => checksumOf(await readModelsSql());

/** The query reading the checksum this database last applied (no row: never applied). */
export const APPLIED_READ_MODELS_CHECKSUM = `SELECT checksum FROM "_read_models" WHERE name = '${NAME}'`;

/**
 * Applies the file and rebuilds the stored rows from it, in one transaction, when its checksum differs
 * from the one recorded; returns whether it did. The caller holds the migrations' advisory lock.
 */
export async function applyReadModels(client: pg.Client): Promise<boolean> {
  await client.query(CREATE_TABLE);
  const sql = await readModelsSql();
  const checksum = checksumOf(sql);
  const recorded = await client.query<{ checksum: string }>('SELECT checksum FROM "_read_models" WHERE name = $1', [NAME]);
  if (recorded.rows[0]?.checksum === checksum) return false;
  await client.query('BEGIN');
  try {
    await client.query(sql);
    await client.query('SELECT rebuild_read_models()');
    await client.query(
      `INSERT INTO "_read_models" (name, checksum) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, "appliedAt" = now()`,
      [NAME, checksum],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(`The read models (prisma/read-models.sql) failed to apply: ${(error as Error).message}`);
  }
  return true;
}

/** A read model's stored rows that a rebuild from the base tables would not write, and the rows it would write that are missing. */
export interface ReadModelDrift {
  readModel: string;
  stale: Record<string, unknown>[];
  missing: Record<string, unknown>[];
}

// Each read model as stored, and as computed from scratch by the file's own functions, column for column.
const COMPARISONS: { readModel: string; stored: string; rebuilt: string }[] = [
  {
    readModel: 'lead_provider_participants',
    stored: `SELECT "leadProviderId", "participantProfileId", "teacherId", "teacherCreatedAt", "inductionRecordId", "cohortStartYear",
      "trainingStatus", enrolment, "profileCreatedAt", "startDate", "endDate", "inductionStatus" FROM lead_provider_participants`,
    rebuilt: 'SELECT * FROM lead_provider_participants_of(ARRAY(SELECT id FROM participant_profiles))',
  },
  {
    readModel: 'participant_updated_at',
    stored: 'SELECT "teacherId", "updatedAt" FROM participant_updated_at',
    rebuilt: 'SELECT * FROM participant_updated_at_from_sources()',
  },
  {
    readModel: 'statement_line_items',
    stored: 'SELECT id, "participantType", "declarationType", uplift, "declarationState" FROM statement_line_items',
    rebuilt: 'SELECT * FROM statement_line_item_copies_from_declarations()',
  },
];

/**
 * Every read model compared with a rebuild from the base tables (EXCEPT both ways, up to `sample` rows
 * each way). An empty `stale` and `missing` for each means the triggers kept it exactly.
 */
export async function readModelDrift(client: pg.Client | pg.Pool, sample = 5): Promise<ReadModelDrift[]> {
  const drift: ReadModelDrift[] = [];
  for (const { readModel, stored, rebuilt } of COMPARISONS) {
    const stale = await client.query(`(${stored}) EXCEPT (${rebuilt}) LIMIT ${sample}`);
    const missing = await client.query(`(${rebuilt}) EXCEPT (${stored}) LIMIT ${sample}`);
    drift.push({ readModel, stale: stale.rows, missing: missing.rows });
  }
  return drift;
}
