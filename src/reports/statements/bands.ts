// Participant bands of an ECF call-off contract: how declarations fill them and what each band pays.
import type { DeclarationType } from '@prisma/client';
import { Decimal, ZERO } from './decimal.js';
import { OUTPUT_WEIGHTS } from './declaration-types.js';

export interface BandInput {
  /** null: the first band, starting from the first participant. */
  min: number | null;
  /** null: no upper limit. */
  max: number | null;
  perParticipant: string;
  outputPaymentPercentage: number;
  serviceFeePercentage: number;
}

export const BAND_LETTERS = ['A', 'B', 'C', 'D'] as const;
export type BandLetter = (typeof BAND_LETTERS)[number];

export interface LetteredBand extends BandInput {
  letter: BandLetter;
  /** How many declarations of one type the band holds: max − max(1, min) + 1. */
  capacity: number;
  /** per_participant × output_payment_percentage / 100. */
  outputPaymentPerParticipant: Decimal;
}

/** Bands sorted by max (no max last) and lettered A–D, as the output payments are banded. */
export function letterBands(bands: readonly BandInput[]): LetteredBand[] {
  if (bands.length > BAND_LETTERS.length) throw new Error(`A contract has at most ${BAND_LETTERS.length} bands, this one has ${bands.length}`);
  const byMax = [...bands].sort((a, b) => (a.max ?? Infinity) - (b.max ?? Infinity));
  return byMax.map((band, index) => {
    const from = Math.max(1, band.min ?? 0);
    return {
      ...band,
      letter: BAND_LETTERS[index],
      capacity: band.max === null ? Infinity : band.max - from + 1,
      outputPaymentPerParticipant: new Decimal(band.perParticipant).times(band.outputPaymentPercentage).dividedBy(100),
    };
  });
}

export interface LineItemCounts {
  /** Line items in eligible, payable or paid state. */
  billable: number;
  /** Line items in awaiting_clawback or clawed_back state. */
  refundable: number;
}

export interface BandFill {
  band: BandLetter;
  /** Declarations of earlier statements held in this band. */
  previousCount: number;
  /** additions − subtractions; negative when clawbacks reach into earlier statements' fill. */
  count: number;
  additions: number;
  subtractions: number;
}

/**
 * One declaration type's banding on a statement. Earlier statements' net declarations fill the bands
 * from A; this statement's billable declarations fill what is left, and any beyond the last band are
 * not paid. Clawbacks come off this statement's additions from the highest band down, then off the
 * earlier fill, highest band first.
 */
export function fillBands(bands: readonly LetteredBand[], counts: { previous: LineItemCounts; current: LineItemCounts }): BandFill[] {
  let previous = Math.max(0, counts.previous.billable - counts.previous.refundable);
  let billable = counts.current.billable;
  const fills = bands.map((band) => {
    const previousCount = Math.min(previous, band.capacity);
    previous -= previousCount;
    const additions = Math.min(billable, band.capacity - previousCount);
    billable -= additions;
    return { band: band.letter, previousCount, count: additions, additions, subtractions: 0 };
  });

  let refundable = counts.current.refundable;
  for (const fill of [...fills].reverse()) {
    const taken = Math.min(fill.count, refundable);
    refundable -= taken;
    fill.count -= taken;
    fill.subtractions = taken;
  }
  for (const fill of [...fills].reverse()) {
    if (refundable === 0) break;
    const taken = Math.min(fill.previousCount, refundable);
    refundable -= taken;
    fill.count -= taken;
    fill.subtractions += taken;
  }
  return fills;
}

/** What one declaration of this type earns in this band: weight × per_participant × output_payment_percentage / 100. */
export function feePerDeclaration(band: LetteredBand, type: DeclarationType): Decimal {
  return OUTPUT_WEIGHTS[type].times(band.outputPaymentPerParticipant);
}

/**
 * How many of `current` participants fall in this band when `previous` participants came before them
 * (the DfE's ParticipantBand#number_of_participants_in_this_band). The band runs from max(min − 1, 0)
 * exclusive to max inclusive; a band without max has no upper limit.
 */
export function participantsInBand(band: Pick<BandInput, 'min' | 'max'>, current: number, previous = 0): number {
  const lower = Math.max((band.min ?? 0) - 1, 0);
  const upper = band.max ?? Infinity;
  const heldUpTo = (total: number) => (total < lower ? 0 : Math.min(total, upper) - lower);
  return heldUpTo(current + previous) - heldUpTo(previous);
}

export const NUMBER_OF_SERVICE_FEE_PAYMENTS = 29;

export interface ServiceFeeBand {
  min: number | null;
  max: number | null;
  /** Recruitment-target participants in this band. */
  participants: number;
  /** set_up_fee / max for the band starting at the first participant, else 0. */
  setUpCostPerParticipant: Decimal;
  /** per_participant × service_fee_percentage / 100 − set-up cost per participant. */
  serviceFeePerParticipant: Decimal;
  /** participants × service fee per participant. */
  total: Decimal;
  /** total / 29: this band's part of each monthly service fee. */
  monthly: Decimal;
}

/** The DfE's calculated service fee, band by band (min, no-min first), before any monthly_service_fee override. */
export function serviceFeeBands(contract: { recruitmentTarget: number; setUpFee: string; bands: readonly BandInput[] }): ServiceFeeBand[] {
  const byMin = [...contract.bands].sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity));
  return byMin.map((band) => {
    const participants = participantsInBand(band, contract.recruitmentTarget);
    const startsAtFirst = Math.max((band.min ?? 0) - 1, 0) === 0;
    const setUpCostPerParticipant = startsAtFirst && band.max ? new Decimal(contract.setUpFee).dividedBy(band.max) : ZERO;
    const serviceFeePerParticipant = new Decimal(band.perParticipant).times(band.serviceFeePercentage).dividedBy(100).minus(setUpCostPerParticipant);
    const total = serviceFeePerParticipant.times(participants);
    return {
      min: band.min,
      max: band.max,
      participants,
      setUpCostPerParticipant,
      serviceFeePerParticipant,
      total,
      monthly: total.dividedBy(NUMBER_OF_SERVICE_FEE_PAYMENTS),
    };
  });
}
