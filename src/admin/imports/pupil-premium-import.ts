import { findCurrentCohort } from '../../rules/current-cohort.js';
import { db } from '../../db/client.js';
import { importPupilPremium, type PupilPremiumImportResult } from '../../actions/schools/import-pupil-premium.js';
import { resultEvenIfRefused } from '../../actions/imports/import-refused.js';
import type { FlagCounts } from '../../actions/schools/pupil-premium/stage-pupil-premium.js';
import { unknownUrnsCsv } from '../../actions/schools/pupil-premium/unknown-urns-csv.js';
import type { ImportPage } from './import-action.js';
import type { ImportChoice, ImportView } from './import-view.js';

const HEADING = 'Pupil premium and sparsity';

export const pupilPremiumImport: ImportPage = {
  permission: 'pupil_premium.import',
  label: 'Import pupil premium and sparsity',
  fields: [
    { name: 'startYear', label: 'Cohort start year', type: 'choice', hint: 'The flags are for participants in this cohort, for example 2024 for 2024 to 2025.' },
    { name: 'file', label: 'The DfE file (URN, Pupil Premium Incentive, Sparsity Incentive)', type: 'file' },
  ],
  async choices() {
    const [cohorts, current] = await Promise.all([
      db().cohort.findMany({ orderBy: { startYear: 'desc' }, select: { startYear: true } }),
      findCurrentCohort(),
    ]);
    const chosen = (current.cohort ?? current.latestStarted)?.startYear;
    const startYear: ImportChoice[] = cohorts.map(({ startYear: year }) => ({ value: String(year), label: `${year} to ${year + 1}`, selected: year === chosen }));
    // This year, when the calendar does not have it yet: listed, so nobody wonders where it went, but not choosable.
    if (!current.cohort) {
      startYear.unshift({ value: String(current.startYear), label: `${current.startYear} to ${current.startYear + 1} (not in the calendar yet: import the cohort set-up first)`, disabled: true });
    }
    return { startYear };
  },
  async run(ctx, { values, files, mode }) {
    const file = files.file;
    // An apply that finds errors after all (the file changed since its preview) lists them as a preview does.
    return view(await resultEvenIfRefused(importPupilPremium(ctx, { startYear: values.startYear, fileName: file?.name ?? '', content: file?.content ?? '', mode })));
  },
};

function view(result: PupilPremiumImportResult): ImportView {
  const { pupilPremium, sparsity } = result.flags;
  return {
    applied: result.applied,
    heading: HEADING,
    summary: [{
      label: `Schools in ${result.file} for ${result.startYear}`,
      counts: { rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged, 'unknown URNs': result.unknownUrns.length },
    }],
    tables: [{ title: 'Flags', rows: [flagRow('Pupil premium', pupilPremium), flagRow('Sparsity', sparsity)] }],
    problems: result.errors,
    warnings: result.warnings,
    lists: [{
      title: 'URNs that are not our schools (left out)',
      items: result.unknownUrns.map(({ urn, lines }) => ({
        file: result.file, line: lines[0], column: 'URN', message: `URN ${urn} is not one of our schools, so ${lines.length > 1 ? `lines ${lines.join(', ')} are` : 'it is'} left out`,
      })),
    }],
    downloads: result.unknownUrns.length
      ? [{ label: `Download the ${result.unknownUrns.length} unknown URNs (CSV)`, filename: `unknown-urns-${result.startYear}.csv`, csv: unknownUrnsCsv(result.unknownUrns) }]
      : [],
  };
}

const flagRow = (label: string, counts: FlagCounts) => ({ label, counts: { set: counts.set, unset: counts.unset, unchanged: counts.unchanged } });
