// A school's change from a GIAS import in words, as the back office and the CLI both show it.
import type { GiasChange, GiasImportResult } from '../import-gias.js';

const eligibleWord = (eligible: boolean) => (eligible ? 'eligible' : 'not eligible');

/** "eligible → not eligible". */
export const eligibilityChange = (c: GiasChange) => `${eligibleWord(c.eligibleBefore)} → ${eligibleWord(c.eligibleAfter)}`;

/** "Postcode AB1 2CD → AB1 3CD; UKPRN … → …". */
export const fieldChanges = (c: GiasChange) => c.fields.map((f) => `${f.column} ${f.before} → ${f.after}`).join('; ');

/** The schools closed or changed whose eligibility for funded training changes with them. */
export const eligibilityChanges = (result: GiasImportResult) => [...result.toClose, ...result.changed].filter((c) => c.eligibleBefore !== c.eligibleAfter);
