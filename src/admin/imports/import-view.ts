// What an import page shows after a preview or an apply, whatever was imported.
import type { ImportProblem } from '../../reports/csv/read-csv.js';

export interface ImportView {
  applied: boolean;
  heading: string;
  /** One row per file or kind of record: label and counts such as created / updated / unchanged. */
  summary: { label: string; counts: Record<string, number> }[];
  problems: ImportProblem[];
  warnings: ImportProblem[];
  /** Extra lists the user may want to keep, offered as CSV downloads. */
  downloads: { label: string; filename: string; csv: string }[];
}

export interface ImportField {
  name: string;
  label: string;
  type: 'file' | 'year';
  hint?: string;
}
