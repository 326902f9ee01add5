// An audit event's subject (a type and an id, of any model) named by its record's title and linked to it,
// on the audit events list and an event's page, for roles that may read that model; others see the id.
import type { ActionContext, ActionRequest, ActionResponse, RecordJSON } from 'adminjs';
import { mayReadModel } from './model-readers.js';
import { recordTitles } from './lists/record-titles.js';
import { roleOf } from './rbac.js';

/** The params our subject component reads (components/audit-subject.tsx). */
export const SUBJECT_TITLE = 'subjectTitle';

export function withSubjectTitles() {
  return async (response: ActionResponse, _request: ActionRequest, context: ActionContext): Promise<ActionResponse> => {
    const records: RecordJSON[] = response.records ?? (response.record ? [response.record] : []);
    const role = roleOf(context.currentAdmin);
    const idsByType = new Map<string, string[]>();
    for (const record of records) {
      const type = String(record.params.subjectType ?? '');
      if (type && mayReadModel(role, type)) idsByType.set(type, [...(idsByType.get(type) ?? []), String(record.params.subjectId)]);
    }
    for (const [type, ids] of idsByType) {
      const resource = context._admin.resources.find((r) => r.id() === type);
      if (!resource) continue;
      const titles = await recordTitles(role, type, resource.decorate().titleProperty().name(), ids);
      for (const record of records) {
        const title = record.params.subjectType === type ? titles.get(String(record.params.subjectId)) : undefined;
        if (title) record.params[SUBJECT_TITLE] = title;
      }
    }
    return response;
  };
}
