// The "Contract Information" panel of a statement (2025+: "Provider targets (per academic year)").
import type { BandInput } from './bands.js';
import { Decimal } from './decimal.js';

/** The revised target is 150% of the recruitment target (the target plus half), labelled "(150%)" as the DfE labels it. */
export const REVISED_RECRUITMENT_TARGET_PERCENTAGE = 150;

export interface ContractInformationRow {
  label: string;
  /** Counts and labels as they are; money as Decimal. */
  value: string | number | Decimal;
}

export interface ContractInformationSection {
  heading: string;
  rows: ContractInformationRow[];
}

export interface ContractInformation {
  heading: string;
  sections: ContractInformationSection[];
  bandsHeading: string;
  perParticipantHeading: string;
  /** "Band A", "Band B", "Band C", "New target"; min 0 for the first band, max "Unlimited" when open. */
  bands: { label: string; min: number; max: number | 'Unlimited'; perParticipant: Decimal }[];
}

export interface EcfContractDetails {
  recruitmentTarget: number;
  setUpFee: string;
  upliftTarget: string | null;
  upliftAmount: string | null;
  bands: BandInput[];
}

const BAND_LABELS = ['Band A', 'Band B', 'Band C', 'New target'];

/** The recruitment target plus 50%, rounded half up: 999 → 1499. */
export const revisedRecruitmentTarget = (recruitmentTarget: number): number =>
  new Decimal(recruitmentTarget).times(REVISED_RECRUITMENT_TARGET_PERCENTAGE).dividedBy(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();

function bandRows(bands: readonly BandInput[]): ContractInformation['bands'] {
  const byMin = [...bands].sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity));
  return byMin.map((band, index) => ({
    label: BAND_LABELS[index] ?? `Band ${index + 1}`,
    min: band.min ?? 0,
    max: band.max ?? 'Unlimited',
    perParticipant: new Decimal(band.perParticipant),
  }));
}

/** Uplift target 0.33 shows as "33%". */
const percentage = (fraction: string) => `${new Decimal(fraction).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString()}%`;

export function ecfContractInformation(leadProviderName: string, contract: EcfContractDetails): ContractInformation {
  const uplift: ContractInformationRow[] = contract.upliftAmount === null ? [] : [
    { label: 'Uplift target', value: contract.upliftTarget === null ? '' : percentage(contract.upliftTarget) },
    { label: 'Uplift amount', value: new Decimal(contract.upliftAmount) },
  ];
  return {
    heading: 'Contract Information',
    sections: [
      { heading: 'Provider', rows: [{ label: 'Provider', value: leadProviderName }] },
      {
        heading: 'Targets',
        rows: [
          { label: 'Recruitment target', value: contract.recruitmentTarget },
          { label: `Revised recruitment target (${REVISED_RECRUITMENT_TARGET_PERCENTAGE}%)`, value: revisedRecruitmentTarget(contract.recruitmentTarget) },
          ...uplift,
          { label: 'Set-up Fee', value: new Decimal(contract.setUpFee) },
        ],
      },
    ],
    bandsHeading: 'Band',
    perParticipantHeading: 'Payment amount per participant',
    bands: bandRows(contract.bands),
  };
}

export function ectMentorContractInformation(
  contract: Pick<EcfContractDetails, 'recruitmentTarget' | 'bands'>,
  mentorContract: { recruitmentTarget: number; paymentPerParticipant: string },
): ContractInformation {
  return {
    heading: 'Provider targets (per academic year)',
    sections: [
      {
        heading: 'ECTs',
        rows: [
          { label: 'ECTs recruitment target', value: contract.recruitmentTarget },
          { label: `Revised ECTs recruitment target (${REVISED_RECRUITMENT_TARGET_PERCENTAGE}%)`, value: revisedRecruitmentTarget(contract.recruitmentTarget) },
        ],
      },
      {
        heading: 'Mentors',
        rows: [
          { label: 'Mentors recruitment target', value: mentorContract.recruitmentTarget },
          { label: 'Payment per participant', value: new Decimal(mentorContract.paymentPerParticipant) },
        ],
      },
    ],
    bandsHeading: 'ECT payment bands',
    perParticipantHeading: 'Payment per participant',
    bands: bandRows(contract.bands),
  };
}
