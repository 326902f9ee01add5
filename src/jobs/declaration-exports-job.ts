// Nightly: the declarations CSV of each lead provider and cohort with declarations on its statements,
// into the export store (src/reports/exports/export-store.ts) every app process serves; on demand, one
// statement's. Each file replaces the previous version whole, so a run killed half way leaves the last
// good file, and running the job again writes the same files.
import { z } from 'zod';
import { Id } from '../actions/zod.js';
import { db } from '../db/client.js';
import { exportStore } from '../reports/exports/export-store.js';
import { declarationsCsvFilename, statementDeclarationsCsvFilename, writeStatementDeclarationsCsv } from '../reports/statements/declarations-csv.js';
import { findProviderCohortExports, writeProviderDeclarationsCsv } from '../reports/statements/provider-declarations-csv.js';
import type { ScheduledJob } from './scheduled-job.js';

export const DeclarationExportsArgs = z.object({ statementId: Id.optional() }).strict();
export type DeclarationExportsArgs = z.infer<typeof DeclarationExportsArgs>;

/** Stands in for the statement name in a lead provider and cohort's file: ECF-Declarations-<LP>-Cohort<year>-Allstatements.csv. */
export const ALL_STATEMENTS = 'All statements';

interface WrittenFile {
  file: string;
  rows: number;
}

export const declarationExportsJob: ScheduledJob<DeclarationExportsArgs> = {
  name: 'declaration-exports',
  label: 'Declaration exports',
  description: "Writes the declarations CSV of each lead provider and cohort (or of one statement) to the export store, for finance to download.",
  schedule: { env: 'JOB_EXPORTS_CRON', default: '45 2 * * *' },
  args: DeclarationExportsArgs,
  summarise: (output) => {
    const { files } = output as { files: WrittenFile[] };
    const rows = files.reduce((sum, f) => sum + f.rows, 0);
    return `${files.length} file(s) written, ${rows.toLocaleString('en-GB')} declaration row(s)`;
  },
  async run({ args, progress, signal }) {
    if (args.statementId) {
      const statementId = args.statementId;
      const file = await statementDeclarationsCsvFilename(statementId);
      await progress.setTotal(await db().statementLineItem.count({ where: { statementId } }));
      const { rows } = await exportStore().write(file, (out) => writeStatementDeclarationsCsv(statementId, out));
      await progress.advance(rows);
      return { files: [{ file, rows }] };
    }

    const exports = await findProviderCohortExports();
    await progress.setTotal(exports.reduce((sum, e) => sum + e.rows, 0));
    const files: WrittenFile[] = [];
    for (const scope of exports) {
      signal.throwIfAborted();
      const file = declarationsCsvFilename({ ...scope, name: ALL_STATEMENTS });
      const { rows } = await exportStore().write(file, (out) => writeProviderDeclarationsCsv(scope, out, {
        onRows: async (n) => {
          signal.throwIfAborted();
          await progress.advance(n);
        },
      }));
      files.push({ file, rows });
    }
    return { files };
  },
};
