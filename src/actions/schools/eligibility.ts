// Which schools may take DfE-funded training (the DfE's GiasTypes and School#eligible?, app/models/school.rb).
// The pure functions decide one school; the SQL fragment and Prisma filter select the same schools in bulk.
import { Prisma } from '@prisma/client';

/** GIAS establishment status codes: 1 "Open" and 3 "Open, but proposed to close" count as open. */
export const OPEN_STATUS_CODES: readonly number[] = [1, 3];

/** Eligible GIAS establishment types (children's centres 47 and 48 are eligible but get no comms). */
export const ELIGIBLE_TYPE_CODES: readonly number[] = [
  1, 2, 3, 5, 6, 7, 8, 12, 14, 15, 18, 28, 31, 32, 33, 34, 35, 36,
  38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 57,
];

/** Types that may only use DfE-accredited materials: independent (10, 11), Welsh (30), British schools overseas (37). */
export const CIP_ONLY_TYPE_CODES: readonly number[] = [10, 11, 30, 37];

export interface SchoolGiasFields {
  schoolStatusCode: number;
  schoolTypeCode: number | null;
  administrativeDistrictCode: string | null;
  section41Approved: boolean;
}

export const isOpen = (school: Pick<SchoolGiasFields, 'schoolStatusCode'>): boolean =>
  OPEN_STATUS_CODES.includes(school.schoolStatusCode);

/** English district codes start with E; 9999 crept into GIAS for a few English schools and is accepted too. */
export const isInEngland = (school: Pick<SchoolGiasFields, 'administrativeDistrictCode'>): boolean =>
  /^([Ee]|9999)/.test(school.administrativeDistrictCode ?? '');

export const isEligibleType = (school: Pick<SchoolGiasFields, 'schoolTypeCode'>): boolean =>
  school.schoolTypeCode !== null && ELIGIBLE_TYPE_CODES.includes(school.schoolTypeCode);

/** Open, in England, and an eligible type or approved under section 41. */
export const isEligibleSchool = (school: SchoolGiasFields): boolean =>
  isOpen(school) && isInEngland(school) && (isEligibleType(school) || school.section41Approved);

/** Not eligible, open, and of a CIP-only type: such a school can only use DfE-accredited materials. */
export const isCipOnlySchool = (school: SchoolGiasFields): boolean =>
  !isEligibleSchool(school) && isOpen(school) && school.schoolTypeCode !== null && CIP_ONLY_TYPE_CODES.includes(school.schoolTypeCode);

const column = (alias: string, name: string) => Prisma.raw(`${alias}."${name}"`);

/**
 * SQL condition true for eligible schools; `alias` is the schools table's name or alias in the query.
 * COALESCE because a missing type or district code makes the comparison NULL, which must read as "not eligible".
 */
export function eligibleSchoolSql(alias = 'schools'): Prisma.Sql {
  const c = (name: string) => column(alias, name);
  return Prisma.sql`COALESCE(${c('schoolStatusCode')} IN (${Prisma.join([...OPEN_STATUS_CODES])})
    AND (${c('administrativeDistrictCode')} ILIKE 'E%' OR ${c('administrativeDistrictCode')} LIKE '9999%')
    AND (${c('schoolTypeCode')} IN (${Prisma.join([...ELIGIBLE_TYPE_CODES])}) OR ${c('section41Approved')}), false)`;
}

/** SQL condition true for CIP-only schools (see isCipOnlySchool). */
export function cipOnlySchoolSql(alias = 'schools'): Prisma.Sql {
  const c = (name: string) => column(alias, name);
  return Prisma.sql`COALESCE(NOT ${eligibleSchoolSql(alias)}
    AND ${c('schoolStatusCode')} IN (${Prisma.join([...OPEN_STATUS_CODES])})
    AND ${c('schoolTypeCode')} IN (${Prisma.join([...CIP_ONLY_TYPE_CODES])}), false)`;
}

/** The eligibility rule as a Prisma filter, for findMany/count over schools. */
export const eligibleSchoolWhere: Prisma.SchoolWhereInput = {
  schoolStatusCode: { in: [...OPEN_STATUS_CODES] },
  OR: [
    { administrativeDistrictCode: { startsWith: 'E', mode: 'insensitive' } },
    { administrativeDistrictCode: { startsWith: '9999' } },
  ],
  AND: [{ OR: [{ schoolTypeCode: { in: [...ELIGIBLE_TYPE_CODES] } }, { section41Approved: true }] }],
};
