// The pupil premium and sparsity page in a real browser against the real app: choose the year, upload,
// preview, apply, and the school's page shows the flags; finance cannot import.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { School } from '@prisma/client';
import { findCurrentCohort } from '../../src/rules/current-cohort.js';
import { db } from '../../src/db/client.js';
import { useBackOfficeSession } from '../support/back-office-session.js';
import { ownPageHeaders } from '../support/browser.js';
import { chooseFileByKeyboard, previewAndApplyImportByKeyboard, tabTo } from '../support/keyboard.js';

const IMPORT_API = '/admin/api/resources/PupilPremium/actions/import';
const HEADER = 'URN,Pupil Premium Incentive,Sparsity Incentive';
const IMPORT_BUTTON = 'a[href*="/actions/import"], button:has-text("Import")';

const session = useBackOfficeSession();
let startYear: number;
let schools: School[];
let unknownUrn: string;
const dir = mkdtempSync(path.join(tmpdir(), 'pupil-premium-page-'));

beforeAll(async () => {
  startYear = (await db().cohort.findFirstOrThrow({ orderBy: { startYear: 'desc' } })).startYear;
  schools = await db().school.findMany({ where: { pupilPremiums: { none: { startYear } } }, orderBy: { urn: 'asc' }, take: 3 });
  expect(schools).toHaveLength(3);
  unknownUrn = String(Number((await db().school.findFirstOrThrow({ orderBy: { urn: 'desc' } })).urn) + 1);
});

function csv(name: string, lines: string[]): string {
  const at = path.join(dir, name);
  writeFileSync(at, `${[HEADER, ...lines].join('\r\n')}\r\n`);
  return at;
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).innerText()).replace(/\s+/g, ' ');

describe('the pupil premium and sparsity page', () => {
  it('lets policy choose the year, upload, preview, apply with progress shown, and see the flags on the school page', async () => {
    const [a, b, c] = schools;
    const file = csv('flags.csv', [`${a.urn},1,1`, `${b.urn},0,1`, `${c.urn},0,0`, `${unknownUrn},1,1`, `${a.urn},1,0`]);
    const page = await session.signIn('policy');
    await page.goto(`${session.url}/admin/resources/PupilPremium`);
    await page.locator(IMPORT_BUTTON).first().click();
    await page.waitForURL(`**/admin/resources/PupilPremium/actions/import`);

    // The year list starts on the current cohort (src/rules/current-cohort.ts) and shows this year even
    // before the calendar has it.
    const current = await findCurrentCohort();
    const yearSelect = page.locator('#import-startYear');
    await page.locator(`#import-startYear option[value="${current.startYear}"]`).waitFor({ state: 'attached' });
    await page.waitForFunction((year) => (document.querySelector('#import-startYear') as HTMLSelectElement | null)?.value === year,
      String((current.cohort ?? current.latestStarted)!.startYear));
    await yearSelect.selectOption(String(startYear));
    await page.locator('#import-file').setInputFiles(file);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('Preview: this is what applying will do').waitFor();

    expect(await text(page, 'import-summary')).toContain(`Schools in flags.csv for ${startYear} 5 3 0 0 1`);
    const flags = await text(page, 'import-table-Flags');
    expect(flags).toContain('set unset unchanged');
    expect(flags).toContain('Pupil premium 1 0 2');
    expect(flags).toContain('Sparsity 1 0 2');
    expect(await text(page, 'import-warnings')).toContain(
      `URN ${a.urn} is on lines 2 and 6 with different values (Sparsity Incentive 1 on line 2, 0 on line 6): the last row, line 6, is imported`,
    );
    expect(await text(page, 'import-list-URNs that are not our schools (left out)')).toContain(`URN ${unknownUrn} is not one of our schools, so it is left out`);
    const download = page.getByRole('link', { name: 'Download the 1 unknown URNs (CSV)' });
    expect(decodeURIComponent((await download.getAttribute('href'))!)).toContain(`URN,Lines in file\n${unknownUrn},5`);
    expect(await db().pupilPremium.count({ where: { startYear, schoolId: { in: schools.map((s) => s.id) } } })).toBe(0);

    // Hold the apply's answer, to see what the user sees while the import runs.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**${IMPORT_API}`, async (route) => {
      if (route.request().postData()?.includes('apply')) await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-progress').waitFor();
    expect(await page.getByRole('progressbar', { name: 'Importing' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Importing…' }).isDisabled()).toBe(true);
    release();
    await page.getByText('Imported', { exact: true }).waitFor();
    expect(await page.getByTestId('import-progress').count()).toBe(0);

    const stored = await db().pupilPremium.findMany({ where: { startYear, schoolId: { in: schools.map((s) => s.id) } } });
    expect(Object.fromEntries(stored.map((row) => [row.schoolId, [row.pupilPremiumIncentive, row.sparsityIncentive]]))).toEqual({
      [a.id]: [true, false], [b.id]: [false, true], [c.id]: [false, false],
    });

    await page.goto(`${session.url}/admin/resources/School/records/${b.id}/show`);
    await page.getByTestId('school-pupil-premium').waitFor();
    expect(await text(page, 'school-pupil-premium')).toContain(`Cohort start year Pupil premium Sparsity ${startYear} No Yes`);
    await page.close();
  });

  it('lets policy import with the keyboard alone: the Import link, the year, the file chooser, preview and apply, focus visible at every step', async () => {
    const [school] = await db().school.findMany({ where: { pupilPremiums: { none: { startYear } } }, orderBy: { urn: 'desc' }, take: 1 });
    const file = csv('keyboard.csv', [`${school.urn},1,0`]);
    const page = await session.signIn('policy');
    await page.goto(`${session.url}/admin/resources/PupilPremium`);
    await tabTo(page, page.locator(IMPORT_BUTTON).first());
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/admin/resources/PupilPremium/actions/import`);

    const yearSelect = page.locator('#import-startYear');
    await page.locator(`#import-startYear option[value="${startYear}"]`).waitFor({ state: 'attached' });
    await tabTo(page, yearSelect);
    // A closed select takes the option whose text is typed.
    await page.keyboard.type(String(startYear));
    await expect(yearSelect.inputValue()).resolves.toBe(String(startYear));
    await chooseFileByKeyboard(page, page.locator('#import-file'), file);
    await previewAndApplyImportByKeyboard(page);
    expect(await db().pupilPremium.findMany({ where: { startYear, schoolId: school.id }, select: { pupilPremiumIncentive: true, sparsityIncentive: true } }))
      .toEqual([{ pupilPremiumIncentive: true, sparsityIncentive: false }]);
    await page.close();
  });

  it('lists every problem by line when an apply is refused, writing nothing', async () => {
    const page = await session.signIn('policy');
    const before = await db().pupilPremium.count();
    const response = await page.request.post(`${session.url}${IMPORT_API}`, { headers: await ownPageHeaders(page),
      multipart: {
        startYear: String(startYear),
        mode: 'apply',
        file: { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${schools[0].urn},yes,0\n12x,1,1\n`) },
      },
    });
    const body = await response.json();
    expect(body.view.problems).toEqual([
      { file: 'bad.csv', line: 2, column: 'Pupil Premium Incentive', message: 'Pupil Premium Incentive must be 1 or 0, not "yes"' },
      { file: 'bad.csv', line: 3, column: 'URN', message: 'The URN must be a number, like 100000, not "12x"' },
    ]);
    expect(body.notice).toMatchObject({ type: 'error' });
    expect(await db().pupilPremium.count()).toBe(before);
    await page.close();
  });

  it('does not offer the import to finance, and refuses it when called directly', async () => {
    const page = await session.signIn('finance');
    await page.goto(`${session.url}/admin/resources/PupilPremium`);
    await page.locator('table, [data-css="no-records"]').first().waitFor();
    expect(await page.locator(IMPORT_BUTTON).count()).toBe(0);

    const before = await db().pupilPremium.count();
    const response = await page.request.post(`${session.url}${IMPORT_API}`, { headers: await ownPageHeaders(page),
      multipart: { startYear: String(startYear), mode: 'apply', file: { name: 'f.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${schools[2].urn},1,1\n`) } },
    });
    expect((await response.json().catch(() => ({}))).view?.applied).not.toBe(true);
    expect(await db().pupilPremium.count()).toBe(before);
    await page.close();
  });
});
