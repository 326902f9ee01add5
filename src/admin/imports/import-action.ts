// A back-office page that uploads files, previews what an import would do, and applies it on confirmation.
// The import itself is an action in src/actions; this only reads the uploads and shapes the answer.
import { readFile } from 'node:fs/promises';
import type { Action, ActionResponse } from 'adminjs';
import type { Permission } from '../../actions/authz.js';
import { asActionError } from '../../actions/errors.js';
import { ImportRefused } from '../../actions/imports/import-refused.js';
import type { ActorContext } from '../../actions/actor.js';
import { actorFromAdmin } from '../actor.js';
import { Components } from '../components/index.js';
import { allowPermission } from '../rbac.js';
import type { ImportChoice, ImportField, ImportView } from './import-view.js';

export interface Upload { name: string; content: Buffer }

export interface ImportPage {
  permission: Permission;
  label: string;
  fields: ImportField[];
  run(ctx: ActorContext, form: { values: Record<string, string>; files: Record<string, Upload>; mode: 'preview' | 'apply' }): Promise<ImportView>;
  /** The options of each 'choice' field, by field name. */
  choices?(): Promise<Record<string, ImportChoice[]>>;
}

interface UploadedFile { path?: string; filepath?: string; name?: string; originalFilename?: string }

async function readUploads(payload: Record<string, unknown>, fields: ImportField[]): Promise<Record<string, Upload>> {
  const uploads: Record<string, Upload> = {};
  for (const field of fields.filter((f) => f.type === 'file')) {
    const file = payload[field.name] as UploadedFile | undefined;
    const path = file?.path ?? file?.filepath;
    if (path) uploads[field.name] = { name: file?.name ?? file?.originalFilename ?? `${field.name}.csv`, content: await readFile(path) };
  }
  return uploads;
}

const labelOf = (page: ImportPage, field: string) => page.fields.find((f) => f.name === field)?.label ?? field;

export function importAction(page: ImportPage): Partial<Action<ActionResponse>> {
  return {
    actionType: 'resource',
    icon: 'Upload',
    component: Components.ImportPage,
    isAccessible: allowPermission(page.permission),
    custom: { fields: page.fields, heading: page.label, acceptsFiles: page.fields.some((f) => f.type === 'file') },
    handler: async (request, _response, { currentAdmin }) => {
      if (request.method !== 'post') return { choices: (await page.choices?.()) ?? {} };
      const payload = (request.payload ?? {}) as Record<string, unknown>;
      const values = Object.fromEntries(Object.entries(payload).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
      const mode = values.mode === 'apply' ? 'apply' : 'preview';
      try {
        const view = await page.run(actorFromAdmin(currentAdmin), { values, files: await readUploads(payload, page.fields), mode });
        const notice = view.applied
          ? { message: 'Imported. Every change is in the audit log.', type: 'success' as const }
          : view.problems.length
            ? { message: 'Nothing was imported: correct the problems listed and try again.', type: 'error' as const }
            : { message: 'Preview ready: nothing has been written yet.', type: 'info' as const };
        return { view, notice };
      } catch (error) {
        const refusal = asActionError(error, Object.fromEntries(page.fields.map((field) => [field.name, field.label])));
        if (!refusal) throw error;
        return {
          notice: { message: refusal.message, type: 'error' },
          view: {
            applied: false, heading: page.label, summary: [], warnings: [], downloads: [],
            // An import's refusal lists its problems by file, line and column; any other names its fields.
            problems: refusal instanceof ImportRefused
              ? refusal.problems
              : refusal.fieldErrors.map((f) => ({ file: '', line: 0, column: labelOf(page, f.field), message: f.message })),
          } satisfies ImportView,
        };
      }
    },
  };
}
