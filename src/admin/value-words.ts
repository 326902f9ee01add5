// Stored values as people read them on the back office's pages, where a page shows a value it did not lay out
// itself (an audit event's before and after): a value of one of the schema's enums in words
// ("awaiting_clawback" → "Awaiting clawback", "ect" → "ECT") and a date or time as src/admin/human-dates.ts
// writes it. Text a person typed is left as typed.
import { dmmfDatamodel } from './dmmf.js';
import { formatDate, formatDateTime } from './human-dates.js';

/** Short forms the programme always writes in capitals. */
const CAPITALS: Record<string, string> = { ect: 'ECT', ects: 'ECTs', ecf: 'ECF', fip: 'FIP', cip: 'CIP', trn: 'TRN', qts: 'QTS', api: 'API', gias: 'GIAS', urn: 'URN' };

/** Each model's fields by name, with their kind (scalar, enum, object) and type (String, DateTime, an enum's name). */
const FIELDS = new Map(dmmfDatamodel.models.map((m) => [m.name, new Map(m.fields.map((f) => [f.name, f]))]));

/** Each enum's values, by the enum's name. */
const ENUMS = new Map(dmmfDatamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
const ENUM_VALUES = new Set([...ENUMS.values()].flat());

/** The values `model`'s `field` may take when its type is one of the schema's enums (one value, not a list). */
export function enumValuesOf(model: string, field: string): string[] | undefined {
  const known = FIELDS.get(model)?.get(field);
  return known?.kind === 'enum' && !known.isList ? ENUMS.get(known.type) : undefined;
}

/** `model`'s fields whose type is one of the schema's enums, with their values. */
export function enumFieldsOf(model: string): Array<[string, string[]]> {
  return [...(FIELDS.get(model)?.keys() ?? [])].flatMap((field) => {
    const values = enumValuesOf(model, field);
    return values ? [[field, values] as [string, string[]]] : [];
  });
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** "awaiting_clawback" → "Awaiting clawback"; "school_funded_fip" → "School funded FIP". */
export function enumValueInWords(value: string): string {
  const words = value.split('_').filter(Boolean).map((word) => CAPITALS[word] ?? word);
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/**
 * A string value of `model`'s `field` in words: an enum value, a date ("5 December 2026") or a time
 * ("5 December 2026, 12:13pm"). A field the schema knows as free text stays as it is; a field it does not know
 * (an event's own data) is read by its shape.
 */
export function storedValueInWords(value: string, model: string | undefined, field: string): string {
  const known = model ? FIELDS.get(model)?.get(field) : undefined;
  if (known?.kind === 'enum') return enumValueInWords(value);
  if (known?.type === 'DateTime') return (known.nativeType?.[0] === 'Date' ? formatDate(value) : formatDateTime(value)) || value;
  if (known) return value;
  if (ISO_DAY.test(value)) return formatDate(value);
  if (ISO_INSTANT.test(value)) return formatDateTime(value);
  if (ENUM_VALUES.has(value)) return enumValueInWords(value);
  return value;
}
