// How the API writes times and dates: ISO 8601 in UTC with milliseconds, and plain YYYY-MM-DD days.
export const isoTime = (date: Date): string => date.toISOString();
export const isoTimeOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
export const isoDayOrNull = (date: Date | null): string | null => (date ? isoDay(date) : null);

/**
 * A timestamp or date as PostgreSQL writes it inside JSON ("2024-09-01T10:00:00.123", "2024-09-01"):
 * the columns hold UTC without a zone. Hot queries return their rows as one json_agg value, which
 * Prisma hands over far more cheaply than many typed columns.
 */
export const fromSqlJson = (value: string): Date => new Date(value.includes('T') ? `${value}Z` : value);
export const fromSqlJsonOrNull = (value: string | null): Date | null => (value === null ? null : fromSqlJson(value));
