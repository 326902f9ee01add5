// Every school of the DfE's 2021 schools list (seeds/data/schools_2021.csv), with GIAS-style type and
// status codes, and their pupil premium and sparsity flags: 2024 from the DfE's file, 2021-2023 derived.
// A few percent are made closed, Welsh, independent or otherwise ineligible so the eligibility rules have cases.
import type { Prisma } from '@prisma/client';
import { isCipOnlySchool, isEligibleSchool } from '../../src/actions/schools/eligibility.js';
import { readSeedFile, repairName } from '../lib/seed-files.js';
import { utcDate } from '../lib/dates.js';
import { Random, stableId } from '../lib/random.js';
import { GIAS_TYPE_NAMES, giasTypeCode, isAcademyType } from './gias-types.js';
import { FIRST_NAMES, SURNAMES } from './identities.js';
import type { SizeConfig } from './sizes.js';

export interface SchoolInfo {
  id: string;
  urn: string;
  name: string;
  localAuthorityName: string;
  eligible: boolean;
  cipOnly: boolean;
}

export interface UpliftFlags {
  pupilPremium: boolean;
  sparsity: boolean;
}

export interface Schools {
  list: SchoolInfo[];
  /** By school id, then cohort start year; absent when the school is not in that year's file. */
  uplifts: Map<string, Map<number, UpliftFlags>>;
  rows: { schools: Prisma.SchoolCreateManyInput[]; pupilPremiums: Prisma.PupilPremiumCreateManyInput[] };
}

const STATUS_NAMES: Record<number, string> = { 1: 'Open', 2: 'Closed', 3: 'Open, but proposed to close', 4: 'Proposed to open' };
const PUPIL_PREMIUM_FILE_YEAR = 2024;
const DERIVED_YEARS = [2023, 2022, 2021];

/** ONS-style district codes: London boroughs E09, metropolitan districts E08, the rest E06, numbered in LA order. */
function districtCodes(laCodes: string[]): Map<string, string> {
  const groups = new Map<string, number>();
  const codes = new Map<string, string>();
  for (const la of [...new Set(laCodes)].sort()) {
    const n = Number(la);
    const prefix = (n >= 201 && n <= 213) || (n >= 301 && n <= 320) ? 'E09' : n >= 330 && n <= 394 ? 'E08' : 'E06';
    const next = (groups.get(prefix) ?? 0) + 1;
    groups.set(prefix, next);
    codes.set(la, `${prefix}${String(next).padStart(6, '0')}`);
  }
  return codes;
}

/** Most schools keep the list's type; a few become the kinds the eligibility rules exclude. */
function oddities(random: Random): { typeCode?: number; statusCode: number; welsh: boolean; section41: boolean } {
  const statusCode = random.weighted([[1, 96.4], [2, 2.5], [3, 0.8], [4, 0.3]]);
  const kind = random.weighted([['none', 97.2], ['independent', 1.3], ['independent-special', 0.6], ['welsh', 0.4], ['other', 0.5]] as const);
  switch (kind) {
    case 'independent':
      return { typeCode: 11, statusCode, welsh: false, section41: false };
    case 'independent-special':
      return { typeCode: 10, statusCode, welsh: false, section41: random.chance(0.35) };
    case 'welsh':
      return { typeCode: 30, statusCode, welsh: true, section41: false };
    case 'other':
      return { typeCode: random.pick([24, 27, 56]), statusCode, welsh: false, section41: false };
    default:
      return { statusCode, welsh: false, section41: false };
  }
}

function readPupilPremiums(): Map<string, UpliftFlags> {
  const flags = new Map<string, UpliftFlags>();
  for (const row of readSeedFile('pupil_premium_and_sparsity_2024.csv', ['URN', 'Pupil Premium Incentive', 'Sparsity Incentive'])) {
    const urn = row.get('URN');
    if (flags.has(urn)) continue; // the file repeats a few URNs: the first row wins
    flags.set(urn, { pupilPremium: row.get('Pupil Premium Incentive') === '1', sparsity: row.get('Sparsity Incentive') === '1' });
  }
  return flags;
}

export function buildSchools(config: SizeConfig): Schools {
  const result: Schools = { list: [], uplifts: new Map(), rows: { schools: [], pupilPremiums: [] } };
  const all = readSeedFile('schools_2021.csv', ['URN', 'LA', 'Local Authority', 'School Name', 'School Type']);
  const districts = districtCodes(all.map((row) => row.get('LA')));
  const pupilPremiums = readPupilPremiums();
  const createdAt = utcDate(2021, 5, 10);

  all.forEach((row, index) => {
    if (index % config.schoolStride !== 0) return;
    const urn = row.get('URN');
    const random = new Random(`school:${urn}`);
    const name = repairName(row.get('School Name'));
    const la = row.get('LA');
    const odd = oddities(random);
    const listTypeCode = giasTypeCode(row.get('School Type'), name, random);
    const schoolTypeCode = odd.typeCode ?? listTypeCode;
    const school = {
      id: stableId('school', urn),
      urn,
      name,
      ukprn: isAcademyType(schoolTypeCode) ? String(10_000_000 + random.int(0, 99_999)) : null,
      schoolTypeCode,
      schoolTypeName: GIAS_TYPE_NAMES[schoolTypeCode],
      schoolStatusCode: odd.statusCode,
      schoolStatusName: STATUS_NAMES[odd.statusCode],
      localAuthorityCode: la,
      localAuthorityName: repairName(row.get('Local Authority')),
      administrativeDistrictCode: odd.welsh ? 'W06000006' : districts.get(la)!,
      administrativeDistrictName: odd.welsh ? 'Wrexham' : repairName(row.get('Local Authority')),
      primaryContactEmail: `office.${urn}@schools.example.org`,
      secondaryContactEmail: random.chance(0.4) ? `head.${urn}@schools.example.org` : null,
      ...inductionTutor(urn),
      section41Approved: odd.section41,
      createdAt,
    };
    result.rows.schools.push(school);
    result.list.push({
      id: school.id,
      urn,
      name,
      localAuthorityName: school.localAuthorityName,
      eligible: isEligibleSchool(school),
      cipOnly: isCipOnlySchool(school),
    });

    const known = pupilPremiums.get(urn);
    if (!known) return;
    const byYear = new Map<number, UpliftFlags>([[PUPIL_PREMIUM_FILE_YEAR, known]]);
    let previous = known;
    for (const year of DERIVED_YEARS) {
      previous = { pupilPremium: random.chance(0.08) ? !previous.pupilPremium : previous.pupilPremium, sparsity: random.chance(0.03) ? !previous.sparsity : previous.sparsity };
      byYear.set(year, previous);
    }
    result.uplifts.set(school.id, byYear);
    for (const [startYear, flags] of byYear) {
      result.rows.pupilPremiums.push({
        id: stableId('pupil-premium', urn, startYear),
        schoolId: school.id,
        startYear,
        pupilPremiumIncentive: flags.pupilPremium,
        sparsityIncentive: flags.sparsity,
        createdAt: utcDate(startYear, 4, 1),
      });
    }
  });
  return result;
}

/** Most schools have nominated an induction tutor; some never did (their emails go to the school's contact). Own stream, so the other draws stay as they were. */
function inductionTutor(urn: string): { inductionTutorName: string | null; inductionTutorEmail: string | null } {
  const random = new Random(`induction-tutor:${urn}`);
  if (!random.chance(0.85)) return { inductionTutorName: null, inductionTutorEmail: null };
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(SURNAMES);
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  return { inductionTutorName: `${first} ${last}`, inductionTutorEmail: `${local}.${urn}@schools.example.org` };
}
