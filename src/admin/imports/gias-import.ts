// "Import from GIAS" on the schools list: the school data refresh, previewed then confirmed.
import { eligibilityChange, eligibilityChanges, fieldChanges } from '../../actions/schools/gias/describe-change.js';
import { importGias, type GiasChange, type GiasImportResult } from '../../actions/schools/import-gias.js';
import { resultEvenIfRefused, type ImportProblem } from '../../actions/imports/import-refused.js';
import type { ImportPage } from './import-action.js';
import type { ImportView } from './import-view.js';

export const giasImport: ImportPage = {
  permission: 'schools.edit',
  label: 'School data refresh from GIAS',
  fields: [{ name: 'file', label: 'GIAS "all establishments" file (edubasealldata….csv)', type: 'file', hint: 'Download it from Get Information about Schools: Downloads, "Establishment fields".' }],
  async run(ctx, { files, mode }) {
    const file = files.file;
    return view(await resultEvenIfRefused(importGias(ctx, { fileName: file?.name ?? '', content: file?.content ?? '', mode })));
  },
};

const item = (file: string) => (c: GiasChange): ImportProblem => ({
  file, line: c.line, column: `URN ${c.urn}`,
  message: `${c.name}: ${fieldChanges(c)}${c.eligibleBefore !== c.eligibleAfter ? ` (${eligibilityChange(c)})` : ''}`,
});

function view(result: GiasImportResult): ImportView {
  const eligibilityChanged = eligibilityChanges(result);
  return {
    applied: result.applied,
    heading: 'School data refresh from GIAS',
    summary: [{
      label: `Establishments in ${result.file}`,
      counts: { rows: result.rows, 'to add': result.toAdd.length, 'to close': result.toClose.length, changed: result.changed.length, unchanged: result.unchanged, 'eligibility changes': eligibilityChanged.length, 'closed, not ours (left out)': result.closedNotAdded },
    }],
    problems: result.errors,
    warnings: eligibilityChanged.map((c) => ({ file: result.file, line: c.line, column: `URN ${c.urn}`, message: `${c.name} becomes ${c.eligibleAfter ? 'eligible' : 'not eligible'} for funded training (${eligibilityChange(c)})` })),
    lists: [
      { title: 'Schools to add', items: result.toAdd.map((s) => ({ file: result.file, line: s.line, column: `URN ${s.urn}`, message: `${s.name}${s.eligible ? ' (eligible)' : ' (not eligible)'}` })) },
      { title: 'Schools to close', items: result.toClose.map(item(result.file)) },
      { title: 'Changed fields', items: result.changed.map(item(result.file)) },
    ],
    downloads: [],
  };
}
