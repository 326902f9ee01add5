// How the API writes times and dates, as the DfE's serializers do (app/serializers/api/v3/**: `.rfc3339`):
// RFC 3339 in UTC to the whole second ("2025-01-31T09:30:00Z"), and plain YYYY-MM-DD days.
export const isoTime = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;
export const isoTimeOrNull = (date: Date | null): string | null => (date ? isoTime(date) : null);
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
export const isoDayOrNull = (date: Date | null): string | null => (date ? isoDay(date) : null);

/** The same time format written by PostgreSQL, for JSON the database renders (columns hold UTC). */
export const ISO_TIME_SQL_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS"Z"';
