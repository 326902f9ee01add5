import { importPupilPremium } from '../../actions/schools/import-pupil-premium.js';
import { unknownUrnsCsv } from '../../actions/schools/pupil-premium/unknown-urns-csv.js';
import type { ImportPage } from './import-action.js';

export const pupilPremiumImport: ImportPage = {
  permission: 'pupil_premium.import',
  label: 'Import pupil premium and sparsity',
  fields: [
    { name: 'startYear', label: 'Cohort start year', type: 'year', hint: 'For example 2024 for the 2024 to 2025 cohort.' },
    { name: 'file', label: 'The DfE file (URN, Pupil Premium Incentive, Sparsity Incentive)', type: 'file' },
  ],
  async run(ctx, { values, files, mode }) {
    const file = files.file;
    const result = await importPupilPremium(ctx, { startYear: values.startYear, fileName: file?.name ?? '', content: file?.content ?? '', mode });
    return {
      applied: result.applied,
      heading: 'Pupil premium and sparsity',
      summary: [
        { label: `Schools in ${result.file} for ${result.startYear}`, counts: { rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged, 'unknown URNs': result.unknownUrns.length } },
      ],
      problems: result.errors,
      warnings: result.warnings,
      downloads: result.unknownUrns.length
        ? [{ label: `Download the ${result.unknownUrns.length} unknown URNs (CSV)`, filename: `unknown-urns-${result.startYear}.csv`, csv: unknownUrnsCsv(result.unknownUrns) }]
        : [],
    };
  },
};
