// Which fields of a record each role may see, beside the permissions table (./authz.ts). A field listed
// here is shown only to the roles with its permission, and a 'secret' never leaves the server for anyone;
// every other field is seen by whoever may read its record. Every model has an entry, so a new model
// (or a new secret) is decided here. The back office applies this to every record it serialises
// (src/admin/record-visibility.ts); custom pages and audit values go through the helpers below.
import type { Prisma, Role } from '@prisma/client';
import type { ActorContext } from './actor.js';
import { can, type Permission } from './authz.js';
import { maskLinkTokens } from './link-tokens.js';
import { MASK } from './mask.js';

/**
 * A permission: only its roles see the value. 'secret': nobody does, it is removed. 'link-tokens': text
 * everyone may read except the token part of the links in it (src/actions/link-tokens.ts).
 */
export type FieldRule = Permission | 'secret' | 'link-tokens';

/** What a field the reader may not see shows instead of its value (secrets are removed outright). */
export { MASK };

const IDENTITY: FieldRule = 'participants.identity.read';
/** A named person's contact details, seen by the roles that see participants' names and emails. */
const PERSON: FieldRule = 'people.read';

export const FIELD_RULES: Record<Prisma.ModelName, Readonly<Record<string, FieldRule>>> = {
  Cohort: {},
  CpdLeadProvider: {},
  LeadProvider: {},
  LeadProviderCohort: {},
  DeliveryPartner: {},
  ProviderRelationship: {},
  School: { inductionTutorName: PERSON, inductionTutorEmail: PERSON },
  PupilPremium: {},
  SchoolCohort: {},
  Partnership: {},
  InductionProgramme: {},
  InductionRecord: {},
  Teacher: { dateOfBirth: IDENTITY, nationalInsuranceNumber: IDENTITY },
  ParticipantProfile: {},
  ParticipantProfileState: {},
  AppropriateBody: {},
  AppropriateBodyClaim: {},
  Schedule: {},
  Milestone: {},
  Declaration: {},
  DeclarationStateChange: {},
  Statement: {},
  StatementLineItem: {},
  StatementSnapshot: {},
  CallOffContract: {},
  ParticipantBand: {},
  MentorCallOffContract: {},
  FinanceAdjustment: {},
  User: { passwordHash: 'secret' },
  PortalUser: {},
  PortalRole: {},
  MagicLinkToken: { tokenHash: 'secret' },
  ApiToken: { hashedToken: 'secret' },
  LeadProviderParticipant: {},
  ParticipantUpdatedAt: {},
  // Where the actor was (an address is personal data): seen by those who see people's names.
  AuditEvent: { ipAddress: PERSON },
  JobRun: {},
  Setting: {},
  TrnCheckRequest: { dateOfBirth: IDENTITY, nationalInsuranceNumber: IDENTITY },
  // A sign-in link in an email is a credential (as are password reset or challenge links).
  EmailOutbox: { body: 'link-tokens' },
  Session: { sess: 'secret', sid: 'secret' },
  // Who failed to sign in from where: never shown.
  SignInFailure: { account: 'secret', ip: 'secret' },
  ApprovalRequest: {},
  PartnershipNotificationEmail: { tokenHash: 'secret' },
  FrozenCohortMoveOutcome: {},
  ExportFile: {},
  SavedFilter: {},
};

/**
 * Rules by field name alone, for values whose model is not known (audit before/after, nested copies):
 * every restricted field of any model, plus the names of passwords and tokens in transit.
 */
const RULES_BY_NAME: Readonly<Record<string, FieldRule>> = Object.assign(
  { password: 'secret', token: 'secret' } as Record<string, FieldRule>,
  ...Object.values(FIELD_RULES),
);

const allows = (role: Role | undefined, rule: FieldRule | undefined): boolean =>
  rule === undefined || (rule !== 'secret' && rule !== 'link-tokens' && !!role && can(role, rule));

/** The rule of `field` of a `model` record, if it has one. */
export function fieldRule(model: string, field: string): FieldRule | undefined {
  return (FIELD_RULES as Record<string, Readonly<Record<string, FieldRule>>>)[model]?.[field];
}

/** Whether `role` may see `field` of a `model` record (a role it may read at all). */
export function seesField(role: Role | undefined, model: string, field: string): boolean {
  return allows(role, fieldRule(model, field));
}

/** The fields of `model` that `role` may not see. */
export function hiddenFields(role: Role | undefined, model: string): string[] {
  const rules = (FIELD_RULES as Record<string, Readonly<Record<string, FieldRule>>>)[model] ?? {};
  return Object.keys(rules).filter((field) => !allows(role, rules[field]));
}

/** What a hidden field shows: undefined (removed) for a secret, text without its links' tokens, MASK for a value, an empty value as it is. */
export function mask(value: unknown, rule: FieldRule): unknown {
  if (rule === 'secret') return undefined;
  if (rule === 'link-tokens' && typeof value === 'string') return maskLinkTokens(value);
  return value === null || value === undefined || value === '' ? value : MASK;
}

/** A copy of a `model` record as `role` may see it: secrets removed, restricted values masked. */
export function visibleRecord<T extends object>(role: Role | undefined, model: string, record: T): T {
  const rules = (FIELD_RULES as Record<string, Readonly<Record<string, FieldRule>>>)[model] ?? {};
  const copy: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const [field, rule] of Object.entries(rules)) {
    if (!(field in copy) || allows(role, rule)) continue;
    const value = mask(copy[field], rule);
    if (value === undefined) delete copy[field];
    else copy[field] = value;
  }
  return copy as T;
}

/**
 * A JSON value (an audit event's before or after, at any depth) as `role` may see it: every key whose
 * name is restricted anywhere is masked or removed, and no link keeps its token.
 */
export function visibleJson(role: Role | undefined, value: unknown): unknown {
  if (typeof value === 'string') return maskLinkTokens(value);
  if (Array.isArray(value)) return value.map((item) => visibleJson(role, item));
  if (!value || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const rule = RULES_BY_NAME[key];
    if (rule && !allows(role, rule)) {
      const masked = mask(item, rule);
      if (masked !== undefined) copy[key] = masked;
    } else {
      copy[key] = visibleJson(role, item);
    }
  }
  return copy;
}

/**
 * What an audit event is about when it is not a record the back office shows (a job, an export, an import,
 * a lead provider's cohorts): the model whose readers may read its values. Every other subjectType is the
 * name of a model with its own resource.
 */
const AUDIT_SUBJECTS: Readonly<Record<string, Prisma.ModelName>> = {
  LeadProviderCohort: 'LeadProvider',
  Job: 'JobRun',
  Export: 'JobRun',
  SchoolImport: 'School',
  CohortSetupImport: 'Cohort',
  // A person's saved filter (what they look for) is read as users are: by admins.
  SavedFilter: 'User',
};

/** The model whose rules and readers govern the values of an audit event about `subjectType`, if known. */
export function auditSubjectModel(subjectType: string): Prisma.ModelName | undefined {
  if (Object.hasOwn(AUDIT_SUBJECTS, subjectType)) return AUDIT_SUBJECTS[subjectType];
  return Object.hasOwn(FIELD_RULES, subjectType) ? (subjectType as Prisma.ModelName) : undefined;
}

/**
 * An audit event's before or after as `role` may see it, whatever it is about. Masked whole when the role
 * may not read records of the subject's model (`mayRead`), or when the subject has no model at all (the
 * safe default for a kind of event nobody decided); otherwise the model's field rules apply to its fields,
 * and every restricted field name at any depth is masked.
 */
export function visibleAuditValue(role: Role | undefined, subjectType: string, value: unknown, mayRead: (model: Prisma.ModelName) => boolean): unknown {
  if (value === null || value === undefined) return value;
  const model = auditSubjectModel(subjectType);
  if (!model || !mayRead(model)) return MASK;
  const own = typeof value === 'object' && !Array.isArray(value) ? visibleRecord(role, model, value) : value;
  return visibleJson(role, own);
}

/** The role whose view an actor gets: a user's own; the system (jobs, CLI) sees what a super user sees; others nothing restricted. */
export function viewerRole(ctx: ActorContext): Role | undefined {
  return ctx.actor.kind === 'user' ? ctx.actor.role : ctx.actor.kind === 'system' ? 'super_user' : undefined;
}
