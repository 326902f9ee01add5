// "Import from GIAS" on the schools list: the school data refresh, previewed then confirmed.
import { importGias, type GiasChange, type GiasImportResult } from '../../actions/schools/import-gias.js';
import type { ImportProblem } from '../../reports/csv/read-csv.js';
import type { ImportPage } from './import-action.js';
import type { ImportView } from './import-view.js';

export const giasImport: ImportPage = {
  permission: 'schools.edit',
  label: 'School data refresh from GIAS',
  fields: [{ name: 'file', label: 'GIAS "all establishments" file (edubasealldata….csv)', type: 'file', hint: 'Download it from Get Information about Schools: Downloads, "Establishment fields".' }],
  async run(ctx, { files, mode }) {
    const file = files.file;
    return view(await importGias(ctx, { fileName: file?.name ?? '', content: file?.content ?? '', mode }));
  },
};

const eligibility = (c: GiasChange) => `${c.eligibleBefore ? 'eligible' : 'not eligible'} → ${c.eligibleAfter ? 'eligible' : 'not eligible'}`;
const item = (file: string) => (c: GiasChange): ImportProblem => ({
  file, line: c.line, column: `URN ${c.urn}`,
  message: `${c.name}: ${c.fields.map((f) => `${f.column} ${f.before} → ${f.after}`).join('; ')}${c.eligibleBefore !== c.eligibleAfter ? ` (${eligibility(c)})` : ''}`,
});

function view(result: GiasImportResult): ImportView {
  const changes = [...result.toClose, ...result.changed];
  const eligibilityChanges = changes.filter((c) => c.eligibleBefore !== c.eligibleAfter);
  return {
    applied: result.applied,
    heading: 'School data refresh from GIAS',
    summary: [{
      label: `Establishments in ${result.file}`,
      counts: { rows: result.rows, 'to add': result.toAdd.length, 'to close': result.toClose.length, changed: result.changed.length, unchanged: result.unchanged, 'eligibility changes': eligibilityChanges.length, 'closed, not ours (left out)': result.closedNotAdded },
    }],
    problems: result.errors,
    warnings: eligibilityChanges.map((c) => ({ file: result.file, line: c.line, column: `URN ${c.urn}`, message: `${c.name} becomes ${c.eligibleAfter ? 'eligible' : 'not eligible'} for funded training (${eligibility(c)})` })),
    lists: [
      { title: 'Schools to add', items: result.toAdd.map((s) => ({ file: result.file, line: s.line, column: `URN ${s.urn}`, message: `${s.name}${s.eligible ? ' (eligible)' : ' (not eligible)'}` })) },
      { title: 'Schools to close', items: result.toClose.map(item(result.file)) },
      { title: 'Changed fields', items: result.changed.map(item(result.file)) },
    ],
    downloads: [],
  };
}
