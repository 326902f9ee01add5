// Statement dates are calendar days (deadline, payment). "Today" is the UTC day, as in the DfE service.

/** YYYY-MM-DD of a date column or instant. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** Midnight UTC of the current day: compare with date columns (deadline < today, deadline >= today). */
export const startOfUtcDay = (now: Date = new Date()): Date => new Date(`${isoDate(now)}T00:00:00Z`);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3:15pm on 5 Mar 2026": the DfE's `%-I:%M%P on %-e %b %Y`, in UTC. */
export function formatAuthorisedAt(at: Date): string {
  const hours = at.getUTCHours();
  const minutes = String(at.getUTCMinutes()).padStart(2, '0');
  return `${hours % 12 || 12}:${minutes}${hours < 12 ? 'am' : 'pm'} on ${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}`;
}

/** The tag of a statement authorised for payment: "Authorised for payment at 3:15pm on 5 Mar 2026". */
export const authorisedForPaymentTag = (markedAsPaidAt: Date): string => `Authorised for payment at ${formatAuthorisedAt(markedAsPaidAt)}`;
