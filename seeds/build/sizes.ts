// How much demo data to make. 'full' makes every screen realistic; 'small' has the same shape for
// browser tests and seeds in a couple of seconds.
export type SeedSize = 'full' | 'small';

export interface SizeConfig {
  /** Every nth school of the 2021 schools list is seeded. */
  schoolStride: number;
  /** Share of eligible schools with a school cohort in each cohort (most of them partnered). */
  schoolCohortShare: number;
  /** Participant profiles (ECTs and mentors) per cohort start year. */
  participantsPerCohort: Record<number, number>;
}

export const SIZES: Record<SeedSize, SizeConfig> = {
  full: {
    schoolStride: 1,
    schoolCohortShare: 0.17,
    participantsPerCohort: { 2021: 3300, 2022: 3700, 2023: 4000, 2024: 4600, 2025: 4400 },
  },
  small: {
    schoolStride: 69,
    schoolCohortShare: 0.4,
    participantsPerCohort: { 2021: 100, 2022: 110, 2023: 120, 2024: 140, 2025: 130 },
  },
};

/** Cohorts with lead providers, partnerships and participants (2020 was the early roll-out, outside this service). */
export const TRAINING_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
