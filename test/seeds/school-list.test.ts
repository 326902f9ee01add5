import { describe, expect, it } from '@jest/globals';
import { buildSchools } from '../../seeds/build/schools.js';
import { SIZES } from '../../seeds/build/sizes.js';

describe("the demo seed's schools", () => {
  const schools = buildSchools(SIZES.full);

  it('are all 20,760 schools of the 2021 list, with names as the DfE wrote them', () => {
    expect(schools.rows.schools).toHaveLength(20_760);
    expect(new Set(schools.rows.schools.map((s) => s.urn)).size).toBe(20_760);
    const names = schools.rows.schools.map((s) => s.name);
    expect(names.filter((name) => name.includes('\uFFFD') || name.includes('ï¿½'))).toEqual([]);
    expect(names).toContain("St Luke's Church of England School");
    expect(names).toContain('St Thomas à Becket Catholic Secondary School, A Voluntary Academy');
    expect(names).toContain("All Saints' Roman Catholic High School, a Voluntary Academy");
  });

  it('are mostly eligible, with a few percent closed, Welsh, independent or otherwise ineligible', () => {
    const ineligible = schools.list.filter((s) => !s.eligible).length / schools.list.length;
    expect(ineligible).toBeGreaterThan(0.02);
    expect(ineligible).toBeLessThan(0.1);
    expect(schools.list.some((s) => s.cipOnly)).toBe(true);
    expect(schools.rows.schools.find((s) => s.urn === '100000')).toMatchObject({
      name: 'The Aldgate School', localAuthorityCode: '201', localAuthorityName: 'City of London', administrativeDistrictCode: expect.stringMatching(/^E09/),
    });
  });

  it('mostly have an induction tutor with their own address, as the DfE expects a school to nominate one', () => {
    const withTutor = schools.rows.schools.filter((s) => s.inductionTutorEmail);
    expect(withTutor.length / schools.rows.schools.length).toBeGreaterThan(0.8);
    expect(withTutor.length).toBeLessThan(schools.rows.schools.length);
    expect(new Set(withTutor.map((s) => s.inductionTutorEmail)).size).toBe(withTutor.length);
    expect(withTutor.every((s) => s.inductionTutorName && /^[a-z.]+\.\d{6}@schools\.example\.org$/.test(s.inductionTutorEmail!))).toBe(true);
  });

  it('carry the 2024 pupil premium and sparsity flags of the DfE file, first row winning', () => {
    const flags = (urn: string, year: number) => schools.uplifts.get(schools.rows.schools.find((s) => s.urn === urn)!.id!)?.get(year);
    expect(flags('100000', 2024)).toEqual({ pupilPremium: false, sparsity: false });
    expect(flags('100006', 2024)).toEqual({ pupilPremium: true, sparsity: true });
    expect(flags('103895', 2024)).toEqual({ pupilPremium: true, sparsity: true }); // listed twice: 1,1 then 0,1
    const withFlags = [...schools.uplifts.values()];
    expect(withFlags.length).toBe(19_020); // the schools of the list that the 2024 file names
    expect(withFlags.every((byYear) => [2021, 2022, 2023, 2024].every((year) => byYear.has(year)))).toBe(true);
  });
});
