// The one import pipeline: read → stage → compare → preview → apply → audit. Each import (GIAS schools,
// pupil premium, the cohort set-up) says how to do each step for its files; this says when, and keeps the
// rules they share:
//   read     parse the files before any database work; every problem located by file, line and column
//   stage    inside one transaction holding the import's advisory lock (two runs at once would each miss
//            what the other writes), put the rows where SQL can compare them (a temporary table or an
//            in-memory staging set)
//   compare  what would change against the live tables: the preview a person confirms, with any problems
//   apply    only when asked and only with no problems: every write, in the same transaction
//   audit    one summary event of the run, in that same transaction
// An apply with problems raises ImportRefused and writes nothing; a preview never commits.
import { Prisma } from '@prisma/client';
import type { ActorContext } from '../actor.js';
import type { AuditEvent } from '../audit/events.js';
import { recordAudit, type AuditWriter } from '../audit/record-audit.js';
import { ImportRefused, type ImportProblem } from './import-refused.js';
import type { ImportTransaction } from './import-transaction.js';

export type ImportMode = 'preview' | 'apply';

/** What every import's result says, whatever else it holds. */
export interface ImportOutcome {
  /** True only when the import was written. */
  applied: boolean;
}

export interface ImportSteps<File, Staged, Preview extends ImportOutcome, W extends AuditWriter> {
  /** The advisory lock held for the whole transaction: a name, and a number when runs of different keys may overlap. */
  lock: readonly [name: string, key?: number];
  transaction: ImportTransaction<W>;
  read(): File;
  stage(writer: W, file: File): Promise<Staged>;
  compare(writer: W, staged: Staged): Promise<Preview>;
  /** The problems of the preview (the file's and those found against the database): any one refuses the apply. */
  problems(preview: Preview): ImportProblem[];
  /** Run the writes in a preview too (then rolled back), so a preview meets every constraint an apply would. */
  rehearseWrites?: boolean;
  apply(writer: W, staged: Staged, preview: Preview): Promise<void>;
  /** The run's summary event, written after the writes. */
  audit(staged: Staged, preview: Preview): AuditEvent;
}

export async function runImport<File, Staged, Preview extends ImportOutcome, W extends AuditWriter>(
  ctx: ActorContext, mode: ImportMode, steps: ImportSteps<File, Staged, Preview, W>,
): Promise<Preview> {
  const file = steps.read();
  const commit = mode === 'apply';
  return steps.transaction.run(commit, async (writer) => {
    await lock(writer, steps.lock);
    const staged = await steps.stage(writer, file);
    const preview = await steps.compare(writer, staged);
    const problems = steps.problems(preview);
    if (problems.length > 0) {
      if (commit) throw new ImportRefused(problems, preview);
      return preview;
    }
    if (!commit && !steps.rehearseWrites) return preview;
    await steps.apply(writer, staged, preview);
    if (!commit) return preview;
    await recordAudit(writer, ctx, steps.audit(staged, preview));
    return { ...preview, applied: true };
  });
}

async function lock(writer: AuditWriter, [name, key]: readonly [string, number?]): Promise<void> {
  const sql = key === undefined
    ? Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`
    : Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${name}), ${key}::int)`;
  if ('$executeRaw' in writer) await writer.$executeRaw(sql);
  else await writer.query(sql.text, sql.values);
}
