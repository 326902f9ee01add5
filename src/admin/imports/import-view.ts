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
  /** Further tables of counts, each with columns of its own (e.g. flags set, unset and unchanged). */
  tables?: { title: string; rows: { label: string; counts: Record<string, number> }[] }[];
  /** Further lists of lines worth a look that are neither problems nor warnings (e.g. rows left out). */
  lists?: { title: string; items: ImportProblem[] }[];
}

export interface ImportField {
  name: string;
  label: string;
  /** 'choice' is a list whose options the page's `choices()` gives when the form opens. */
  type: 'file' | 'year' | 'choice';
  hint?: string;
}

export interface ImportChoice {
  value: string;
  label: string;
  /** Chosen when the form opens (e.g. the current cohort). */
  selected?: boolean;
  /** Shown but not choosable, with its label saying why. */
  disabled?: boolean;
}
