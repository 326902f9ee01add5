// The DfE's six ECF lead providers, their contracted cohorts, call-off contracts with participant bands,
// 2025 mentor contracts and one demo API token each.
import { Prisma } from '@prisma/client';
import { hashApiToken } from '../../src/auth/api-token.js';
import { DEMO_API_TOKENS } from '../demo-logins.js';
import { addHours, utcDate } from '../lib/dates.js';
import { Random, stableId } from '../lib/random.js';
import type { Calendar } from './calendar.js';
import { TRAINING_YEARS } from './sizes.js';

export interface LeadProviderInfo {
  id: string;
  cpdLeadProviderId: string;
  name: string;
  /** Relative share of schools that choose this provider. */
  share: number;
}

export interface LeadProviders {
  list: LeadProviderInfo[];
  rows: {
    cpdLeadProviders: Prisma.CpdLeadProviderCreateManyInput[];
    leadProviders: Prisma.LeadProviderCreateManyInput[];
    leadProviderCohorts: Prisma.LeadProviderCohortCreateManyInput[];
    callOffContracts: Prisma.CallOffContractCreateManyInput[];
    participantBands: Prisma.ParticipantBandCreateManyInput[];
    mentorCallOffContracts: Prisma.MentorCallOffContractCreateManyInput[];
    apiTokens: Prisma.ApiTokenCreateManyInput[];
  };
}

const PROVIDERS = [
  { name: 'Ambition Institute', share: 24 },
  { name: 'Best Practice Network', share: 13 },
  { name: 'Capita', share: 8 },
  { name: 'Education Development Trust', share: 17 },
  { name: 'Teach First', share: 22 },
  { name: 'UCL Institute of Education', share: 16 },
] as const;

/** Teach First is the one provider in the demo that does not charge VAT. */
const NOT_VAT_CHARGEABLE = 'Teach First';

/** National recruitment the contracts are sized from, by cohort. */
const NATIONAL_TARGET: Record<number, number> = { 2021: 26_000, 2022: 28_000, 2023: 30_000, 2024: 28_000, 2025: 26_000 };
const MENTOR_FUNDING_FROM = 2025;

const money = (pounds: number) => new Prisma.Decimal(pounds).toDecimalPlaces(2);

function buildContract(result: LeadProviders, provider: LeadProviderInfo, cohortId: string, startYear: number, random: Random): void {
  const target = Math.round((NATIONAL_TARGET[startYear] * provider.share) / 100 / 10) * 10;
  const bandSize = Math.ceil(target / 3 / 100) * 100;
  const bandA = 940 + random.int(0, 60);
  const bandB = bandA - random.int(10, 20);
  const bandC = bandB - random.int(10, 15);
  const bandD = random.chance(0.4) ? bandC - random.int(10, 30) : null;
  const setUpFee = startYear === 2021 ? random.int(120_000, 150_000) : random.int(0, 4) * 10_000;
  const id = stableId('call-off-contract', provider.name, startYear);
  const bands: { min: number; max: number; perParticipant: number; output: number; service: number }[] = [
    { min: 0, max: bandSize, perParticipant: bandA, output: 60, service: 40 },
    { min: bandSize + 1, max: bandSize * 2, perParticipant: bandB, output: 60, service: 40 },
    { min: bandSize * 2 + 1, max: target, perParticipant: bandC, output: 60, service: 40 },
  ];
  // The DfE's importer pays a band D only as output (100/0).
  if (bandD !== null) bands.push({ min: target + 1, max: target + Math.round(target / 10), perParticipant: bandD, output: 100, service: 0 });

  const createdAt = utcDate(startYear, 6, 1);
  result.rows.callOffContracts.push({
    id,
    leadProviderId: provider.id,
    cohortId,
    version: '0.0.1',
    recruitmentTarget: target,
    setUpFee: money(setUpFee),
    upliftTarget: new Prisma.Decimal('0.33'),
    upliftAmount: money(100),
    raw: {
      'lead-provider-name': provider.name,
      'cohort-start-year': String(startYear),
      'recruitment-target': String(target),
      'set-up-fee': String(setUpFee),
      'uplift-target': '0.33',
      'uplift-amount': '100',
    },
    createdAt,
  });
  bands.forEach((band, index) => {
    result.rows.participantBands.push({
      id: stableId('participant-band', provider.name, startYear, index),
      callOffContractId: id,
      min: band.min,
      max: band.max,
      perParticipant: money(band.perParticipant),
      outputPaymentPercentage: band.output,
      serviceFeePercentage: band.service,
      createdAt,
    });
  });
}

/** Every provider has an ECF call-off contract for every training cohort (2025 adds a mentor contract). */
export function buildLeadProviders(calendar: Calendar, today: Date): LeadProviders {
  const result: LeadProviders = {
    list: [],
    rows: { cpdLeadProviders: [], leadProviders: [], leadProviderCohorts: [], callOffContracts: [], participantBands: [], mentorCallOffContracts: [], apiTokens: [] },
  };
  const createdAt = utcDate(2021, 5, 1);
  for (const { name, share } of PROVIDERS) {
    const random = new Random(`lead-provider:${name}`);
    const provider: LeadProviderInfo = { id: stableId('lead-provider', name), cpdLeadProviderId: stableId('cpd-lead-provider', name), name, share };
    result.list.push(provider);
    result.rows.cpdLeadProviders.push({ id: provider.cpdLeadProviderId, name, createdAt });
    result.rows.leadProviders.push({ id: provider.id, name, cpdLeadProviderId: provider.cpdLeadProviderId, vatChargeable: name !== NOT_VAT_CHARGEABLE, createdAt });

    for (const startYear of TRAINING_YEARS) {
      const cohort = calendar.cohorts.get(startYear);
      if (!cohort) throw new Error(`cohorts.csv has no ${startYear} cohort`);
      result.rows.leadProviderCohorts.push({ id: stableId('lead-provider-cohort', name, startYear), leadProviderId: provider.id, cohortId: cohort.id, createdAt: utcDate(startYear, 5, 1) });
      buildContract(result, provider, cohort.id, startYear, random);
      if (startYear >= MENTOR_FUNDING_FROM) {
        result.rows.mentorCallOffContracts.push({
          id: stableId('mentor-call-off-contract', name, startYear),
          leadProviderId: provider.id,
          cohortId: cohort.id,
          version: '0.0.1',
          recruitmentTarget: 4500,
          paymentPerParticipant: money(1000),
          createdAt: utcDate(startYear, 6, 1),
        });
      }
    }

    const demo = DEMO_API_TOKENS.find((t) => t.leadProvider === name);
    if (!demo) throw new Error(`No demo API token for ${name}`);
    result.rows.apiTokens.push({
      id: stableId('api-token', name),
      cpdLeadProviderId: provider.cpdLeadProviderId,
      hashedToken: hashApiToken(demo.token),
      description: 'Demo token (see seeds/demo-logins.ts)',
      createdAt: utcDate(2021, 9, 1),
      lastUsedAt: addHours(today, -random.int(1, 72)),
    });
  }
  return result;
}
