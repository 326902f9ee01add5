import { withSubjectTitles } from '../audit-subjects.js';
import { Components } from '../components/index.js';
import { nav } from '../navigation.js';
import { defineResource } from './define-resource.js';

export const operationsResources = () => [
  defineResource({
    // Not in the menu: the Audit log page (src/admin/audit-log) is how people read events; this list stays for
    // links to one event and a record's history.
    model: 'AuditEvent', table: 'audit_events', navigation: false,
    readers: 'audit.read', titleProperty: 'action', auditTrail: false,
    list: ['createdAt', 'actorLabel', 'action', 'subjectType', 'subjectId', 'reason'],
    filter: ['action', 'actorLabel', 'subjectType', 'subjectId', 'createdAt'],
    show: ['createdAt', 'actorType', 'actorLabel', 'ipAddress', 'action', 'subjectType', 'subjectId', 'reason', 'before', 'after'],
    sort: { sortBy: 'createdAt', direction: 'desc' },
    properties: { subjectId: { components: { list: Components.AuditSubject, show: Components.AuditSubject } } },
    actions: { list: { after: [withSubjectTitles()] }, show: { after: [withSubjectTitles()] } },
  }),
  defineResource({
    model: 'JobRun', table: 'job_runs', navigation: nav.operations, readers: 'jobs.read', titleProperty: 'job',
    list: ['job', 'state', 'rowsDone', 'rowsTotal', 'startedAt', 'finishedAt'], filter: ['job', 'state'], auditTrail: false,
    sort: { sortBy: 'startedAt', direction: 'desc' },
  }),
  defineResource({
    model: 'Setting', table: 'settings', navigation: nav.operations, readers: 'settings.manage', titleProperty: 'key',
    list: ['key', 'value', 'updatedAt'],
  }),
  defineResource({
    model: 'EmailOutbox', table: 'email_outbox', navigation: nav.operations, readers: 'emails.read', titleProperty: 'subject', auditTrail: false,
    list: ['to', 'subject', 'template', 'sentAt', 'createdAt'], filter: ['to', 'template', 'sentAt'],
    sort: { sortBy: 'createdAt', direction: 'desc' },
  }),
];
