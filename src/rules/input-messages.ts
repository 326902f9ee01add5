// Refused input in plain English, one module for every way a person reaches an action (back-office pages,
// notices, the CLI): each message names the field as the page labels it, says what is wrong and what to do.
// Messages our schemas write themselves ("Give a reason for this change") are kept; zod's own wording
// ("Invalid input: expected number, received NaN") never reaches anyone.
import type { ZodError } from 'zod';
import type { FieldError } from './action-error.js';

export type InputIssue = ZodError['issues'][number];
/** Field names as a page or command labels them, by the input's field name. */
export type FieldLabels = Readonly<Record<string, string>>;

/** zod's own messages start so; ours never do. */
const VALIDATOR_WORDING = /^(Invalid|Too (small|big)|Unrecognized|Expected)\b|expected .*, received/;

/** "startYear" → "Start year", unless the page gives its own label. */
export function fieldLabel(field: string, labels: FieldLabels = {}): string {
  if (labels[field]) return labels[field];
  const last = field.split('.').filter((part) => !/^\d+$/.test(part)).pop() || 'this field';
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label inside a sentence: "the cohort start year", but "the TRN" keeps its capitals. */
const inSentence = (label: string) => `the ${/^[A-Z]{2,}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1)}`;

const TYPE_WORDS: Record<string, string> = {
  number: 'a number', int: 'a whole number', string: 'text', boolean: 'yes or no', date: 'a date', array: 'a list', object: 'a set of answers',
};

export function plainIssueMessage(issue: InputIssue, label: string): string {
  if (!VALIDATOR_WORDING.test(issue.message)) return issue.message;
  const the = inSentence(label);
  const details = issue as unknown as { expected?: string; origin?: string; minimum?: number | bigint; maximum?: number | bigint; format?: string; keys?: string[]; divisor?: number };
  switch (issue.code) {
    case 'invalid_type':
      return /received (undefined|null|NaN)\b/.test(issue.message) || details.expected === 'nonoptional'
        ? `Enter ${the}`
        : `${label} must be ${TYPE_WORDS[details.expected ?? ''] ?? 'in the correct format'}`;
    case 'too_small':
      if (details.origin === 'string') return Number(details.minimum) <= 1 ? `Enter ${the}` : `${label} must be ${details.minimum} characters or more`;
      if (details.origin === 'array' || details.origin === 'set') return `Choose at least ${details.minimum} for ${the}`;
      return `${label} must be ${details.minimum} or more`;
    case 'too_big':
      if (details.origin === 'string') return `${label} must be ${details.maximum} characters or fewer`;
      if (details.origin === 'array' || details.origin === 'set') return `Choose at most ${details.maximum} for ${the}`;
      return `${label} must be ${details.maximum} or less`;
    case 'invalid_format':
      if (details.format === 'email') return `Enter ${the} in the correct format, like name@example.com`;
      if (details.format === 'uuid' || details.format === 'guid') return `${label} is not one we know: choose it again from the list`;
      return `Enter ${the} in the correct format`;
    case 'invalid_value':
      return `Choose one of the options for ${the}`;
    case 'not_multiple_of':
      return `${label} must be a multiple of ${details.divisor}`;
    case 'unrecognized_keys':
      return `${(details.keys ?? []).join(', ')} is not something this form takes: check its spelling`;
    default:
      return `Check ${the}`;
  }
}

/** One plain message per refused field. */
export function plainFieldErrors(issues: readonly InputIssue[], labels: FieldLabels = {}, fallbackField = 'input'): FieldError[] {
  return issues.map((issue) => {
    const field = issue.path.join('.') || fallbackField;
    return { field, message: plainIssueMessage(issue, fieldLabel(field, labels)) };
  });
}
