// An audit event as the signed-in role may read it on the audit log page and in its download: the event in
// words, who did it (linked to their record where the role may read it), which record (by its title where
// the role may see it, linked to its page), and what changed field by field, with every value masked by the
// one rule for audit values (src/admin/model-readers.ts, src/actions/field-visibility.ts).
import type { Role } from '@prisma/client';
import { auditSubjectModel, seesField } from '../../actions/field-visibility.js';
import { changesInWords, eventInWords, type FieldChange } from '../../reports/audit-log/event-words.js';
import { SUBJECT_TITLES, subjectKind } from '../../reports/audit-log/subject-titles.js';
import type { AuditLogRow } from '../../reports/audit-log/audit-log-query.js';
import { propertyLabels } from '../labels.js';
import { sentenceCase } from '../lists/list-export-query.js';
import { mayReadModel, visibleAuditValueFor } from '../model-readers.js';
import { storedValueInWords } from '../value-words.js';

export interface AuditLogEntry {
  id: string;
  at: string;
  who: { label: string; name: string | null; href: string | null };
  what: { action: string; words: string };
  record: { kind: string; title: string | null; href: string | null };
  changes: FieldChange[];
  reason: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The subject types whose records' titles `role` may see (and so search by). */
export const titledSubjectTypes = (role: Role | undefined): string[] =>
  Object.entries(SUBJECT_TITLES).filter(([, t]) => mayReadModel(role, t.model) && seesField(role, t.model, t.titleField)).map(([type]) => type);

const fieldLabel = (field: string) => propertyLabels[field] ?? sentenceCase(field);

/** Whose record an actor is: a user, a portal user, or a lead provider's API token (its CPD lead provider). */
const ACTOR_MODELS: Record<string, string> = { user: 'User', portal: 'PortalUser', api: 'CpdLeadProvider' };

/** An event's words and its changes field by field, with its values as `role` may see them (a record's History uses this too). */
export function eventSummary(role: Role | undefined, event: { action: string; subjectType: string; before: unknown; after: unknown }) {
  const model = auditSubjectModel(event.subjectType);
  return {
    words: eventInWords(event.action),
    changes: changesInWords(
      visibleAuditValueFor(role, event.subjectType, event.before), visibleAuditValueFor(role, event.subjectType, event.after), fieldLabel,
      (value, field) => storedValueInWords(value, model, field),
    ),
  };
}

export function auditLogEntry(row: AuditLogRow, role: Role | undefined, rootPath: string): AuditLogEntry {
  const recordHref = (model: string, id: string) => `${rootPath}/resources/${model}/records/${encodeURIComponent(id)}/show`;
  const actorModel = ACTOR_MODELS[row.actorType];
  const subjectModel = auditSubjectModel(row.subjectType);
  const readsSubject = !!subjectModel && mayReadModel(role, subjectModel);
  // A job's or an export's subject is its name, shown to those who may read it.
  const title = row.subjectTitle ?? (readsSubject && !UUID.test(row.subjectId) ? row.subjectId : null);
  const summary = eventSummary(role, row);
  return {
    id: row.id,
    at: new Date(row.createdAt).toISOString(),
    who: {
      label: row.actorLabel,
      name: row.actorName,
      href: actorModel && row.actorId && mayReadModel(role, actorModel) ? recordHref(actorModel, row.actorId) : null,
    },
    what: { action: row.action, words: summary.words },
    record: {
      kind: subjectKind(row.subjectType),
      title,
      href: subjectModel === row.subjectType && readsSubject && UUID.test(row.subjectId) ? recordHref(row.subjectType, row.subjectId) : null,
    },
    changes: summary.changes,
    reason: row.reason,
  };
}
