// About 40 delivery partners and the provider relationships that let each lead provider work with
// 8 to 12 of them per cohort. Two partners were discarded in 2023, with their relationships.
import type { Prisma } from '@prisma/client';
import { utcDate } from '../lib/dates.js';
import { Random, stableId } from '../lib/random.js';
import type { Calendar } from './calendar.js';
import type { LeadProviderInfo } from './lead-providers.js';
import { TRAINING_YEARS } from './sizes.js';

export interface DeliveryPartnerInfo {
  id: string;
  name: string;
  discarded: boolean;
}

export interface DeliveryPartners {
  list: DeliveryPartnerInfo[];
  /** Delivery partners each lead provider works with, by `${leadProviderId}:${startYear}`. */
  byProviderAndYear: Map<string, DeliveryPartnerInfo[]>;
  rows: {
    deliveryPartners: Prisma.DeliveryPartnerCreateManyInput[];
    providerRelationships: Prisma.ProviderRelationshipCreateManyInput[];
  };
}

const PLACES = [
  'Birmingham', 'Leeds', 'Bristol', 'Cumbria', 'Kent', 'Norfolk', 'Devon', 'Cornwall', 'Lancashire', 'Surrey',
  'Essex', 'Solent', 'Thames Valley', 'Tees Valley', 'Humber', 'Black Country', 'Peak District', 'Chilterns',
  'Cotswolds', 'Pennine', 'Mersey', 'Tyne and Wear', 'Fenland', 'Wessex', 'Severn', 'Weald', 'Marches',
  'Lincolnshire', 'Suffolk', 'Sussex', 'Yorkshire Dales', 'Greater Manchester', 'North London', 'South London',
  'East London', 'Medway', 'Bedfordshire', 'Derbyshire', 'Nottingham', 'Leicester', 'Coventry', 'Oxford',
];
const KINDS = [
  ['Teaching School Hub', 40],
  ['Education Partnership', 20],
  ['Learning Trust', 15],
  ['Teaching Alliance', 15],
  ['Schools Alliance', 10],
] as const;
const DISCARDED_AT = utcDate(2023, 8, 1);
/** Discarded partners only ever worked in these cohorts. */
const DISCARDED_PARTNER_YEARS = [2021, 2022];

export const providerYearKey = (leadProviderId: string, startYear: number) => `${leadProviderId}:${startYear}`;

export function buildDeliveryPartners(calendar: Calendar, leadProviders: LeadProviderInfo[]): DeliveryPartners {
  const random = new Random('delivery-partners');
  const result: DeliveryPartners = { list: [], byProviderAndYear: new Map(), rows: { deliveryPartners: [], providerRelationships: [] } };
  const createdAt = utcDate(2021, 5, 20);

  PLACES.forEach((place, index) => {
    const name = `${place} ${random.weighted(KINDS)}`;
    const partner = { id: stableId('delivery-partner', place), name, discarded: index % 20 === 7 };
    result.list.push(partner);
    result.rows.deliveryPartners.push({ id: partner.id, name, discardedAt: partner.discarded ? DISCARDED_AT : null, createdAt });
  });

  const active = result.list.filter((p) => !p.discarded);
  const discarded = result.list.filter((p) => p.discarded);
  leadProviders.forEach((provider, providerIndex) => {
    let partners = random.sample(active, random.int(8, 12));
    for (const startYear of TRAINING_YEARS) {
      if (startYear > TRAINING_YEARS[0]) {
        // Year to year a provider drops a partner now and then and takes on another.
        if (random.chance(0.3) && partners.length > 8) {
          const dropped = random.pick(partners);
          partners = partners.filter((p) => p !== dropped);
        }
        const newcomer = random.pick(active);
        if (random.chance(0.4) && !partners.includes(newcomer)) partners = [...partners, newcomer];
      }
      const withDiscarded = DISCARDED_PARTNER_YEARS.includes(startYear) && providerIndex < discarded.length
        ? [...partners, discarded[providerIndex]]
        : partners;
      result.byProviderAndYear.set(providerYearKey(provider.id, startYear), withDiscarded);
      const cohortId = calendar.cohorts.get(startYear)!.id;
      for (const partner of withDiscarded) {
        result.rows.providerRelationships.push({
          id: stableId('provider-relationship', provider.name, partner.id, startYear),
          leadProviderId: provider.id,
          deliveryPartnerId: partner.id,
          cohortId,
          discardedAt: partner.discarded ? DISCARDED_AT : null,
          createdAt: utcDate(startYear, 5, 15),
        });
      }
    }
  });
  return result;
}
