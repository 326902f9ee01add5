// A check-then-confirm screen for a dangerous action: what will happen, what blocks it, and the form.
export interface ConfirmField {
  name: string;
  label: string;
  /** A `select` with many options offers a text filter over their labels. */
  type: 'textarea' | 'text' | 'radios' | 'checkbox' | 'select';
  options?: { value: string; label: string }[];
  hint?: string;
}

export interface ConfirmView {
  heading: string;
  rows: [string, string][];
  /** Messages that stop the action; with any, the submit button is not offered. */
  blockers: string[];
  warning?: string;
  fields: ConfirmField[];
  submitLabel: string;
  /** What happens on confirming, for the check-your-answers step (the warning when not given). */
  consequences?: string[];
  /** No check-your-answers step: for actions that change nothing others see (a new API token, shown once). */
  noCheckStep?: boolean;
  /** An outcome to read (e.g. a secret shown once), with no form. */
  done?: boolean;
}
