// Statement money maths. Contract amounts arrive as exact decimal strings and every figure is a Decimal.
// 40 significant digits carry the service fee's division by 29 far beyond pennies, so only the
// presentation (pounds, spreadsheet cells) ever rounds.
import { Prisma } from '@prisma/client';

export const Decimal = Prisma.Decimal.clone({ precision: 40, rounding: Prisma.Decimal.ROUND_HALF_UP });
export type Decimal = Prisma.Decimal;

export const ZERO = new Decimal(0);

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

/** The DfE's number_to_pounds: "£1,234.57", "-£5,132.79", "£0.00". */
export function formatPounds(amount: Decimal): string {
  const rounded = amount.toDecimalPlaces(2);
  const [whole, pence] = rounded.abs().toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded.isNegative() && !rounded.isZero() ? '-' : ''}£${grouped}.${pence}`;
}
