// The yearly pupil premium and sparsity update: the DfE's file sets each known school's uplift flags
// for one cohort start year. A preview compares and writes nothing; an apply writes everything or,
// if the file has any error, nothing (src/actions/imports/run-import.ts). The file is staged with COPY.
import { z } from 'zod';
import type { ActorContext } from '../actor.js';
import { requirePermission } from '../authz.js';
import { ActionError, inputRefused } from '../errors.js';
import type { ImportProblem } from '../imports/import-refused.js';
import { ownConnectionTransaction } from '../imports/import-transaction.js';
import { runImport } from '../imports/run-import.js';
import { StartYear } from '../zod.js';
import { readPupilPremiumFile } from './pupil-premium/read-pupil-premium-file.js';
import { stagePupilPremium, type PupilPremiumComparison } from './pupil-premium/stage-pupil-premium.js';
import type { UnknownUrn } from './pupil-premium/unknown-urns-csv.js';
import { writePupilPremium } from './pupil-premium/write-pupil-premium.js';
import { auditEvents } from '../audit/events.js';

const MAX_BYTES = 20 * 1024 * 1024;

export const ImportPupilPremiumInput = z.object({
  startYear: StartYear,
  /** Shown in every problem and in the audit trail. */
  fileName: z.string().trim().min(1, 'Choose a file'),
  content: z
    .union([z.string(), z.instanceof(Uint8Array)])
    .refine((content) => content.length <= MAX_BYTES, 'The file is larger than 20 MB'),
  mode: z.enum(['preview', 'apply']).default('preview'),
});

export const PUPIL_PREMIUM_IMPORTED = 'pupil_premium.imported' as const;

export interface PupilPremiumImportResult extends Omit<PupilPremiumComparison, 'unknownUrns'> {
  applied: boolean;
  file: string;
  startYear: number;
  /** Data rows read. created, updated and unchanged count schools, each once. */
  rows: number;
  unknownUrns: UnknownUrn[];
  warnings: ImportProblem[];
  errors: ImportProblem[];
}

export async function importPupilPremium(ctx: ActorContext, raw: unknown): Promise<PupilPremiumImportResult> {
  const parsed = ImportPupilPremiumInput.safeParse(raw);
  if (!parsed.success) {
    throw inputRefused(parsed.error, 'Check the start year and the file');
  }
  const { startYear, fileName, content, mode } = parsed.data;
  requirePermission(ctx, 'pupil_premium.import');
  const reason = `Pupil premium and sparsity import for ${startYear} from ${fileName}`;

  return runImport(ctx, mode, {
    // Two imports for one year at once would each count the other's writes as their own.
    lock: [PUPIL_PREMIUM_IMPORTED, startYear],
    // COPY needs the connection itself.
    transaction: ownConnectionTransaction(),
    read: () => readPupilPremiumFile(fileName, content),
    async stage(client, file) {
      const { rows: [cohort] } = await client.query<{ id: string }>('SELECT id FROM cohorts WHERE "startYear" = $1', [startYear]);
      if (!cohort) {
        const message = `There is no cohort starting in ${startYear}`;
        throw new ActionError('INVALID_INPUT', message, [{ field: 'startYear', message }]);
      }
      return { file, cohortId: cohort.id, comparison: await stagePupilPremium(client, startYear, file.rows) };
    },
    async compare(_client, { file, comparison: { unknownUrns, ...comparison } }) {
      const linesOf = new Map(file.rows.map((row) => [row.urn, row.lines]));
      return {
        applied: false,
        file: fileName,
        startYear,
        rows: file.rowCount,
        ...comparison,
        unknownUrns: unknownUrns.map((urn) => ({ urn, lines: linesOf.get(urn) ?? [] })),
        warnings: file.warnings,
        errors: file.errors,
      };
    },
    problems: (result) => result.errors,
    apply: (client, { cohortId }, result) => writePupilPremium(client, ctx, { startYear, cohortId, expectedChanges: result.created + result.updated, reason }),
    audit: ({ cohortId }, result) => auditEvents.pupilPremiumImported({
      subjectId: cohortId,
      after: {
        file: fileName,
        startYear,
        rows: result.rows,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        flags: result.flags,
        unknownUrns: result.unknownUrns.length,
        warnings: result.warnings.length,
      },
      reason,
    }),
  });
}
