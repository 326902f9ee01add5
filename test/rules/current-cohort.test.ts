// The current cohort from a date and the calendar, and the dashboard's call for the cohort set-up when the
// calendar lacks this year's cohort. Far-future years keep clear of the seeded calendar.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { findCurrentCohort } from '../../src/rules/current-cohort.js';
import { dashboardAlerts } from '../../src/admin/dashboard.js';
import { createCohort } from '../support/factories.js';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

beforeAll(async () => {
  await createCohort(2090);
  // This year's academic year starts early (a calendar date, not 1 September).
  await createCohort(2091, { academicYearStartDate: at('2091-08-20') });
});

describe('findCurrentCohort', () => {
  it("is the cohort of the academic year the date falls in, from the calendar's start date", async () => {
    expect(await findCurrentCohort(at('2091-12-05'))).toMatchObject({ startYear: 2091, cohort: { startYear: 2091 } });
    expect(await findCurrentCohort(at('2091-08-21'))).toMatchObject({ startYear: 2091, cohort: { startYear: 2091 } });
    expect(await findCurrentCohort(at('2091-08-19'))).toMatchObject({ startYear: 2090, cohort: { startYear: 2090 } });
    expect(await findCurrentCohort(at('2091-01-10'))).toMatchObject({ startYear: 2090, cohort: { startYear: 2090 } });
  });

  it('is a year the calendar lacks from 1 September, falling back on the latest started cohort', async () => {
    expect(await findCurrentCohort(at('2092-08-31'))).toMatchObject({ startYear: 2091, cohort: { startYear: 2091 } });
    expect(await findCurrentCohort(at('2092-12-05'))).toMatchObject({ startYear: 2092, cohort: null, latestStarted: { startYear: 2091 } });
  });
});

describe('dashboardAlerts', () => {
  it('tells those who run the cohort set-up when the calendar has no cohort for this year, and nobody else', async () => {
    const [alert] = await dashboardAlerts('policy', at('2092-12-05'));
    expect(alert.message).toContain('The calendar has no 2092 cohort');
    expect(alert.href).toBe('/admin/resources/Cohort/actions/importSetup');
    expect(await dashboardAlerts('support', at('2092-12-05'))).toEqual([]);
    expect(await dashboardAlerts('policy', at('2091-12-05'))).toEqual([]);
  });
});
