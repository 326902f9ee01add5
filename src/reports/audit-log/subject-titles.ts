// What each kind of audited record is called, in SQL: the title the audit log shows for "which record", and
// what its record search matches (a school's name or URN, a participant's name, never an id). `model` is
// the record model whose readers and field rules decide who may see the title (src/admin/audit-log/ asks);
// a subject type not listed shows no title and cannot be searched for.
import type { Prisma } from '@prisma/client';

export interface SubjectTitle {
  /** Whose readers and whose title field decide who sees it. */
  model: Prisma.ModelName;
  /** The title's field of `model`, for the field rules. */
  titleField: string;
  /** In words, for a record whose title the reader may not see. */
  kind: string;
  /** SQL giving (id uuid, title text) for every record of the kind. */
  sql: string;
}

const school = (alias: string) => `${alias}.name || ' (URN ' || ${alias}.urn || ')'`;

export const SUBJECT_TITLES: Readonly<Record<string, SubjectTitle>> = {
  School: { model: 'School', titleField: 'name', kind: 'School', sql: `SELECT s.id, ${school('s')} AS title FROM schools s` },
  Teacher: { model: 'Teacher', titleField: 'fullName', kind: 'Participant', sql: 'SELECT t.id, t."fullName" AS title FROM teachers t' },
  ParticipantProfile: {
    model: 'Teacher', titleField: 'fullName', kind: 'Participant',
    sql: `SELECT p.id, t."fullName" || CASE p.type WHEN 'ect' THEN ' (ECT)' ELSE ' (mentor)' END AS title FROM participant_profiles p JOIN teachers t ON t.id = p."teacherId"`,
  },
  TrnCheckRequest: { model: 'TrnCheckRequest', titleField: 'fullName', kind: 'TRN check', sql: `SELECT r.id, 'TRN check for ' || r."fullName" AS title FROM trn_check_requests r` },
  Declaration: {
    model: 'Teacher', titleField: 'fullName', kind: 'Declaration',
    sql: `SELECT d.id, t."fullName" || ': ' || d."declarationType"::text || ' declaration' AS title FROM declarations d JOIN teachers t ON t.id = d."teacherId"`,
  },
  DeliveryPartner: { model: 'DeliveryPartner', titleField: 'name', kind: 'Delivery partner', sql: 'SELECT x.id, x.name AS title FROM delivery_partners x' },
  LeadProvider: { model: 'LeadProvider', titleField: 'name', kind: 'Lead provider', sql: 'SELECT x.id, x.name AS title FROM lead_providers x' },
  AppropriateBody: { model: 'AppropriateBody', titleField: 'name', kind: 'Appropriate body', sql: 'SELECT x.id, x.name AS title FROM appropriate_bodies x' },
  Cohort: { model: 'Cohort', titleField: 'startYear', kind: 'Cohort', sql: `SELECT c.id, c."startYear" || ' cohort' AS title FROM cohorts c` },
  Statement: {
    model: 'Statement', titleField: 'name', kind: 'Statement',
    sql: `SELECT s.id, p.name || ': ' || s.name || ' (' || c."startYear" || ' cohort)' AS title FROM statements s JOIN cpd_lead_providers p ON p.id = s."cpdLeadProviderId" JOIN cohorts c ON c.id = s."cohortId"`,
  },
  SchoolCohort: {
    model: 'SchoolCohort', titleField: 'id', kind: 'School cohort',
    sql: `SELECT x.id, ${school('s')} || ', ' || c."startYear" || ' cohort' AS title FROM school_cohorts x JOIN schools s ON s.id = x."schoolId" JOIN cohorts c ON c.id = x."cohortId"`,
  },
  Partnership: {
    model: 'Partnership', titleField: 'id', kind: 'Partnership',
    sql: `SELECT x.id, ${school('s')} || ' with ' || l.name || ', ' || c."startYear" || ' cohort' AS title FROM partnerships x JOIN schools s ON s.id = x."schoolId" JOIN lead_providers l ON l.id = x."leadProviderId" JOIN cohorts c ON c.id = x."cohortId"`,
  },
  Schedule: { model: 'Schedule', titleField: 'name', kind: 'Schedule', sql: 'SELECT x.id, x.name AS title FROM schedules x' },
  CallOffContract: {
    model: 'CallOffContract', titleField: 'version', kind: 'Call-off contract',
    sql: `SELECT x.id, l.name || ' ' || c."startYear" || ' contract ' || x.version AS title FROM call_off_contracts x JOIN lead_providers l ON l.id = x."leadProviderId" JOIN cohorts c ON c.id = x."cohortId"`,
  },
  MentorCallOffContract: {
    model: 'MentorCallOffContract', titleField: 'version', kind: 'Mentor call-off contract',
    sql: `SELECT x.id, l.name || ' ' || c."startYear" || ' mentor contract ' || x.version AS title FROM mentor_call_off_contracts x JOIN lead_providers l ON l.id = x."leadProviderId" JOIN cohorts c ON c.id = x."cohortId"`,
  },
  User: { model: 'User', titleField: 'fullName', kind: 'User', sql: `SELECT u.id, u."fullName" || ' (' || u.email || ')' AS title FROM users u` },
  PortalUser: { model: 'PortalUser', titleField: 'email', kind: 'Portal user', sql: `SELECT u.id, u."fullName" || ' (' || u.email || ')' AS title FROM portal_users u` },
  ApiToken: { model: 'ApiToken', titleField: 'description', kind: 'API token', sql: `SELECT x.id, coalesce(x.description, 'API token') AS title FROM api_tokens x` },
  Setting: { model: 'Setting', titleField: 'key', kind: 'Setting', sql: 'SELECT x.id, x.key AS title FROM settings x' },
};

/** A subject type in words, whether or not its title is shown. */
export const subjectKind = (subjectType: string): string =>
  Object.hasOwn(SUBJECT_TITLES, subjectType) ? SUBJECT_TITLES[subjectType].kind
    : subjectType.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
