import { describe, expect, it } from '@jest/globals';
import { Prisma } from '@prisma/client';
import { db } from '../../../src/db/client.js';
import {
  cipOnlySchoolSql, eligibleSchoolSql, eligibleSchoolWhere, isCipOnlySchool, isEligibleSchool, isInEngland, type SchoolGiasFields,
} from '../../../src/actions/schools/eligibility.js';
import { createSchool } from '../../support/factories.js';

const school = (overrides: Partial<SchoolGiasFields> = {}): SchoolGiasFields => ({
  schoolStatusCode: 1,
  schoolTypeCode: 1,
  administrativeDistrictCode: 'E09000001',
  section41Approved: false,
  ...overrides,
});

// [description, school, eligible, CIP-only]
const cases: [string, SchoolGiasFields, boolean, boolean][] = [
  ['open community school in England', school(), true, false],
  ['open, but proposed to close (status 3)', school({ schoolStatusCode: 3 }), true, false],
  ['closed (status 2)', school({ schoolStatusCode: 2 }), false, false],
  ['proposed to open (status 4)', school({ schoolStatusCode: 4 }), false, false],
  ['academy converter (34)', school({ schoolTypeCode: 34 }), true, false],
  ['academy secure 16 to 19 (57)', school({ schoolTypeCode: 57 }), true, false],
  ["children's centre (47), eligible without comms", school({ schoolTypeCode: 47 }), true, false],
  ["children's centre linked site (48)", school({ schoolTypeCode: 48 }), true, false],
  ['secure unit (24)', school({ schoolTypeCode: 24 }), false, false],
  ['online provider (49)', school({ schoolTypeCode: 49 }), false, false],
  ['funded by another government department (56)', school({ schoolTypeCode: 56 }), false, false],
  ['other independent school (11): CIP only', school({ schoolTypeCode: 11 }), false, true],
  ['other independent special school (10): CIP only', school({ schoolTypeCode: 10 }), false, true],
  ['Welsh establishment (30): CIP only', school({ schoolTypeCode: 30, administrativeDistrictCode: 'W06000015' }), false, true],
  ['British school overseas (37): CIP only', school({ schoolTypeCode: 37, administrativeDistrictCode: null }), false, true],
  ['closed independent school: neither', school({ schoolTypeCode: 11, schoolStatusCode: 2 }), false, false],
  ['independent school approved under section 41: eligible, not CIP only', school({ schoolTypeCode: 11, section41Approved: true }), true, false],
  ['section 41 approved secure unit', school({ schoolTypeCode: 24, section41Approved: true }), true, false],
  ['section 41 approved but in Wales', school({ schoolTypeCode: 11, section41Approved: true, administrativeDistrictCode: 'W06000015' }), false, true],
  ['district code 9999 counts as England', school({ administrativeDistrictCode: '9999' }), true, false],
  ['lower-case e district code', school({ administrativeDistrictCode: 'e09000001' }), true, false],
  ['Scottish district code', school({ administrativeDistrictCode: 'S12000033' }), false, false],
  ['no district code', school({ administrativeDistrictCode: null }), false, false],
  ['no establishment type', school({ schoolTypeCode: null }), false, false],
];

describe('school eligibility (the DfE\'s School#eligible?)', () => {
  it.each(cases)('%s', (_label, s, eligible, cipOnly) => {
    expect(isEligibleSchool(s)).toBe(eligible);
    expect(isCipOnlySchool(s)).toBe(cipOnly);
  });

  it('treats only E/e and 9999 district codes as England', () => {
    expect(['E06000001', 'e1', '9999'].map((c) => isInEngland({ administrativeDistrictCode: c }))).toEqual([true, true, true]);
    expect(['W06000015', 'N09000001', '', '999'].map((c) => isInEngland({ administrativeDistrictCode: c }))).toEqual([false, false, false, false]);
  });

  it('selects the same schools in SQL and through the Prisma filter as the pure functions', async () => {
    const created: { row: { id: string }; eligible: boolean; cipOnly: boolean }[] = [];
    for (const [, s, eligible, cipOnly] of cases) created.push({ row: await createSchool(s), eligible, cipOnly });
    const ids = created.map((c) => c.row.id);
    const eligibleSql = await db().$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT id FROM schools WHERE ${eligibleSchoolSql()} AND id::text IN (${Prisma.join(ids)})`,
    );
    const cipOnlySql = await db().$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT s.id FROM schools s WHERE ${cipOnlySchoolSql('s')} AND s.id::text IN (${Prisma.join(ids)})`,
    );
    const eligibleWhere = await db().school.findMany({ where: { AND: [eligibleSchoolWhere, { id: { in: ids } }] }, select: { id: true } });
    const expected = (pick: (c: (typeof created)[number]) => boolean) => created.filter(pick).map((c) => c.row.id).sort();
    expect(eligibleSql.map((r) => r.id).sort()).toEqual(expected((c) => c.eligible));
    expect(eligibleWhere.map((r) => r.id).sort()).toEqual(expected((c) => c.eligible));
    expect(cipOnlySql.map((r) => r.id).sort()).toEqual(expected((c) => c.cipOnly));
  });
});
