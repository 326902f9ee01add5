// Loads the list of appropriate bodies (seeds/data/appropriate_bodies.csv, columns name,type: the DfE's
// data/appropriate_bodies.csv). Finds or creates each by name and type, so re-running it adds only new bodies.
// All or nothing: a file with any error imports nothing.
import { z } from 'zod';
import type { AppropriateBodyType } from '@prisma/client';
import { db } from '../../db/client.js';
import { readCsv, type ImportProblem } from '../../reports/csv/read-csv.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { auditEvents } from '../audit/events.js';
import { ImportRefused } from '../imports/import-refused.js';

export const ImportAppropriateBodiesInput = z.object({
  fileName: z.string().trim().min(1, 'Choose a file'),
  content: z.union([z.string(), z.instanceof(Uint8Array)]),
});

const BODY_TYPES: readonly AppropriateBodyType[] = ['local_authority', 'teaching_school_hub', 'national'];

/** The DfE stopped accepting National Teacher Accreditation from the 2023 cohort. */
const DISABLED_FROM: Record<string, number> = { 'National Teacher Accreditation (NTA)': 2023 };

export interface AppropriateBodiesImportResult {
  rows: number;
  created: number;
}

export async function importAppropriateBodies(ctx: ActorContext, raw: unknown): Promise<AppropriateBodiesImportResult> {
  const { fileName, content } = ImportAppropriateBodiesInput.parse(raw);
  requirePermission(ctx, 'settings.manage');
  const { rows, errors } = readCsv(content, { file: fileName, requiredHeaders: ['name', 'type'] });
  const problems: ImportProblem[] = [...errors];
  const bodies: { name: string; bodyType: AppropriateBodyType }[] = [];
  for (const row of rows) {
    const name = row.get('name');
    const type = row.get('type');
    if (!name) problems.push(row.problem('name', 'Enter the appropriate body’s name'));
    if (!(BODY_TYPES as string[]).includes(type)) problems.push(row.problem('type', `The type must be one of ${BODY_TYPES.join(', ')}`));
    else if (name) bodies.push({ name, bodyType: type as AppropriateBodyType });
  }
  if (problems.length > 0) throw new ImportRefused(problems.sort((a, b) => a.line - b.line));

  return db().$transaction(async (tx) => {
    const { count } = await tx.appropriateBody.createMany({
      data: bodies.map((b) => ({ ...b, disableFromYear: DISABLED_FROM[b.name] ?? null })),
      skipDuplicates: true,
    });
    for (const [name, disableFromYear] of Object.entries(DISABLED_FROM)) {
      await tx.appropriateBody.updateMany({ where: { name, disableFromYear: null }, data: { disableFromYear } });
    }
    if (count > 0) {
      await recordAudit(tx, ctx, auditEvents.appropriateBodyImported({
        subjectId: fileName,
        after: { file: fileName, rows: rows.length, created: count },
      }));
    }
    return { rows: rows.length, created: count };
  });
}
