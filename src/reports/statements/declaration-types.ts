// The nine ECF declaration types, their share of a band's output payment and how statements name them.
import type { DeclarationType } from '@prisma/client';
import { Decimal } from './decimal.js';

export const DECLARATION_TYPES = [
  'started',
  'retained_1',
  'retained_2',
  'retained_3',
  'retained_4',
  'completed',
  'extended_1',
  'extended_2',
  'extended_3',
] as const satisfies readonly DeclarationType[];

export const RETAINED_TYPES: readonly DeclarationType[] = ['retained_1', 'retained_2', 'retained_3', 'retained_4'];
export const EXTENDED_TYPES: readonly DeclarationType[] = ['extended_1', 'extended_2', 'extended_3'];

/** Share of a band's output payment per participant that each declaration earns. */
export const OUTPUT_WEIGHTS: Record<DeclarationType, Decimal> = {
  started: new Decimal('0.2'),
  retained_1: new Decimal('0.15'),
  retained_2: new Decimal('0.15'),
  retained_3: new Decimal('0.15'),
  retained_4: new Decimal('0.15'),
  completed: new Decimal('0.2'),
  extended_1: new Decimal('0.15'),
  extended_2: new Decimal('0.15'),
  extended_3: new Decimal('0.15'),
};

/** "Started", "Retained 1", "Extended 3": the labels of the DfE's output payment and clawback rows. */
export function declarationTypeLabel(type: DeclarationType): string {
  const [word, number] = type.split('_');
  return `${word[0].toUpperCase()}${word.slice(1)}${number ? ` ${number}` : ''}`;
}

/** The API and database spelling: `retained-1`. */
export const dashed = (type: DeclarationType): string => type.replace('_', '-');

/** From the database spelling (`retained-1`) back to the Prisma enum value. */
export function fromDashed(value: string): DeclarationType {
  const type = value.replace('-', '_') as DeclarationType;
  if (!(DECLARATION_TYPES as readonly string[]).includes(type)) throw new Error(`Unknown declaration type ${value}`);
  return type;
}
