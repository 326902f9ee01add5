// Calendar dates for the demo data, always at UTC midnight (the database stores dates and UTC timestamps).

const DAY_MS = 86_400_000;

/** A calendar date from the seed files' formats: 2022-1-25, 2022-01-25 or 2020/05/10. */
export function calendarDate(text: string): Date {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text.trim());
  if (!match) throw new Error(`Not a date: "${text}"`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

export const optionalCalendarDate = (text: string): Date | null => (text.trim() === '' ? null : calendarDate(text));

export const startOfDay = (date: Date): Date => new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);

export const addHours = (date: Date, hours: number): Date => new Date(date.getTime() + hours * 3_600_000);

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

export const utcDate = (year: number, month: number, day: number): Date => new Date(Date.UTC(year, month - 1, day));

export const earliest = (...dates: Date[]): Date => new Date(Math.min(...dates.map((d) => d.getTime())));

export const latest = (...dates: Date[]): Date => new Date(Math.max(...dates.map((d) => d.getTime())));
