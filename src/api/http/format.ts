// How the API writes times and dates: ISO 8601 in UTC with milliseconds, and plain YYYY-MM-DD days.
export const isoTime = (date: Date): string => date.toISOString();
export const isoTimeOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
export const isoDayOrNull = (date: Date | null): string | null => (date ? isoDay(date) : null);

