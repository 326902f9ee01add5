// The people and paperwork around the data: DfE users for every role (the demo logins plus colleagues
// who cannot sign in), delivery partner and appropriate body portal users, a few finance adjustments,
// and audit events for what the data says happened, so timelines are not empty.
import { Prisma, type ActorType, type Role } from '@prisma/client';
import { DEMO_LOGINS } from '../demo-logins.js';
import { addDays, addHours, earliest, utcDate } from '../lib/dates.js';
import { Random, stableId } from '../lib/random.js';
import type { AppropriateBodies } from './appropriate-bodies.js';
import type { Declarations } from './declarations.js';
import type { DeliveryPartners } from './delivery-partners.js';
import type { LeadProviderInfo } from './lead-providers.js';
import type { SchoolCohorts } from './school-cohorts.js';
import type { Schools } from './schools.js';
import type { Statements } from './statements.js';

export interface BackOffice {
  rows: {
    users: Prisma.UserCreateManyInput[];
    portalUsers: Prisma.PortalUserCreateManyInput[];
    portalRoles: Prisma.PortalRoleCreateManyInput[];
    financeAdjustments: Prisma.FinanceAdjustmentCreateManyInput[];
    auditEvents: Prisma.AuditEventCreateManyInput[];
  };
}

const COLLEAGUES = [
  { fullName: 'Hannah Okoro', role: 'support' },
  { fullName: 'Tom Whitfield', role: 'support' },
  { fullName: 'Grace Lam', role: 'finance' },
  { fullName: 'Marcus Bell', role: 'finance' },
  { fullName: 'Ruth Adebayo', role: 'policy' },
  { fullName: 'Imran Qureshi', role: 'admin' },
  { fullName: 'Claire Donnelly', role: 'support', disabled: true },
] as const;

const ADJUSTMENTS = ['Reconciliation of uplift fees', 'Correction to previous statement', 'Additional set-up costs', 'Late declarations agreed with DfE'];

const userId = (email: string) => stableId('user', email);

export const demoUserId = (role: Role): string => userId(DEMO_LOGINS.find((login) => login.role === role)!.email);

interface Actor {
  actorType: ActorType;
  actorId: string | null;
  actorLabel: string;
}

const demoUser = (role: Role): Actor => {
  const login = DEMO_LOGINS.find((l) => l.role === role)!;
  return { actorType: 'user', actorId: userId(login.email), actorLabel: login.email };
};
const SEED: Actor = { actorType: 'system', actorId: null, actorLabel: 'System: demo seed' };
const apiActor = (provider: LeadProviderInfo): Actor => ({ actorType: 'api', actorId: provider.cpdLeadProviderId, actorLabel: `API: ${provider.name}` });

export function buildBackOffice(
  today: Date,
  parts: {
    passwordHashes: Map<string, string>;
    leadProviders: LeadProviderInfo[];
    deliveryPartners: DeliveryPartners;
    appropriateBodies: AppropriateBodies;
    schools: Schools;
    schoolCohorts: SchoolCohorts;
    statements: Statements;
    declarations: Declarations;
    /** Partnerships of this cohort get a 'reported' event each (older ones only when challenged). */
    latestCohortId: string;
  },
): BackOffice {
  const random = new Random('back-office');
  const rows: BackOffice['rows'] = { users: [], portalUsers: [], portalRoles: [], financeAdjustments: [], auditEvents: [] };
  const audit = (actor: Actor, event: Omit<Prisma.AuditEventCreateManyInput, 'id' | keyof Actor>) =>
    rows.auditEvents.push({ id: stableId('audit-event', rows.auditEvents.length), ...actor, ...event });
  const started = utcDate(2021, 5, 1);

  for (const login of DEMO_LOGINS) {
    const id = userId(login.email);
    rows.users.push({ id, email: login.email, fullName: login.fullName, role: login.role, passwordHash: parts.passwordHashes.get(login.email) ?? null, createdAt: started });
    audit(SEED, { action: 'user.created', subjectType: 'User', subjectId: id, after: { email: login.email, role: login.role }, createdAt: started });
  }
  COLLEAGUES.forEach((colleague, index) => {
    const email = `${colleague.fullName.toLowerCase().replace(/ /g, '.')}@example.com`;
    const id = userId(email);
    const createdAt = addDays(started, 30 + index * 97);
    const disabledAt = 'disabled' in colleague ? addDays(createdAt, 400) : null;
    rows.users.push({ id, email, fullName: colleague.fullName, role: colleague.role, disabledAt, lastSignedInAt: addDays(createdAt, 20), createdAt });
    audit(demoUser('admin'), { action: 'user.created', subjectType: 'User', subjectId: id, after: { email, role: colleague.role }, createdAt });
    if (disabledAt) audit(demoUser('admin'), { action: 'user.disabled', subjectType: 'User', subjectId: id, before: { disabledAt: null }, after: { disabledAt }, reason: 'Left the team', createdAt: disabledAt });
  });

  const partners = parts.deliveryPartners.list.filter((p) => !p.discarded);
  const hub = parts.appropriateBodies.list.find((b) => b.bodyType === 'teaching_school_hub')!;
  const portal: { email: string; fullName: string; deliveryPartners: string[]; appropriateBodies: string[] }[] = [
    { email: 'dp.lead@example.org', fullName: 'Nadia Hussain', deliveryPartners: [partners[0].id], appropriateBodies: [] },
    { email: 'dp.coordinator@example.org', fullName: 'Gareth Price', deliveryPartners: [partners[1].id, partners[2].id], appropriateBodies: [] },
    { email: 'ab.induction@example.org', fullName: 'Joanne Fletcher', deliveryPartners: [], appropriateBodies: [hub.id] },
  ];
  for (const user of portal) {
    const id = stableId('portal-user', user.email);
    rows.portalUsers.push({ id, email: user.email, fullName: user.fullName, createdAt: utcDate(2022, 3, 1) });
    for (const deliveryPartnerId of user.deliveryPartners) rows.portalRoles.push({ id: stableId('portal-role', user.email, deliveryPartnerId), portalUserId: id, deliveryPartnerId, createdAt: utcDate(2022, 3, 1) });
    for (const appropriateBodyId of user.appropriateBodies) rows.portalRoles.push({ id: stableId('portal-role', user.email, appropriateBodyId), portalUserId: id, appropriateBodyId, createdAt: utcDate(2022, 3, 1) });
    audit(demoUser('support'), { action: 'portal_user.created', subjectType: 'PortalUser', subjectId: id, after: { email: user.email }, createdAt: utcDate(2022, 3, 1) });
  }

  for (const statements of parts.statements.byProviderAndYear.values()) {
    for (const statement of statements) {
      if (!statement.outputFee) continue; // only output-fee statements are authorised for payment or adjusted
      if (statement.markedAsPaidAt) {
        audit(demoUser('finance'), { action: 'statement.authorised_for_payment', subjectType: 'Statement', subjectId: statement.id, before: { state: 'payable', markedAsPaidAt: null }, after: { state: 'paid', markedAsPaidAt: statement.markedAsPaidAt }, createdAt: statement.markedAsPaidAt });
      }
      if (random.chance(0.04)) {
        const adjustmentId = stableId('finance-adjustment', statement.id);
        const pence = random.int(1_000, 250_000) * (random.chance(0.25) ? -1 : 1); // never zero
        const amount = new Prisma.Decimal(pence).dividedBy(100);
        const createdAt = earliest(addDays(statement.deadlineDate, random.int(1, 10)), today);
        rows.financeAdjustments.push({ id: adjustmentId, statementId: statement.id, paymentType: random.pick(ADJUSTMENTS), amount, createdAt });
        audit(demoUser('finance'), { action: 'statement.adjustment_added', subjectType: 'Statement', subjectId: statement.id, after: { adjustmentId, amount: amount.toFixed(2) }, createdAt });
      }
    }
  }

  const providersById = new Map(parts.leadProviders.map((p) => [p.id, p]));
  for (const partnership of parts.schoolCohorts.rows.partnerships) {
    const provider = providersById.get(partnership.leadProviderId)!;
    const reportedAt = partnership.createdAt as Date;
    if (partnership.cohortId === parts.latestCohortId || partnership.challengedAt) {
      audit(apiActor(provider), { action: 'partnership.reported', subjectType: 'Partnership', subjectId: partnership.id!, after: { deliveryPartnerId: partnership.deliveryPartnerId, challengeDeadline: partnership.challengeDeadline }, createdAt: reportedAt });
    }
    if (partnership.challengedAt) {
      const challengedAt = partnership.challengedAt as Date;
      const late = partnership.challengeDeadline && challengedAt > (partnership.challengeDeadline as Date);
      audit(late ? demoUser('super_user') : { actorType: 'system', actorId: null, actorLabel: 'System: school induction tutor' }, {
        action: 'partnership.challenged', subjectType: 'Partnership', subjectId: partnership.id!,
        before: { challengedAt: null, challengeReason: null }, after: { challengedAt, challengeReason: partnership.challengeReason },
        reason: late ? 'Authorised by the Policy Engagement Team' : null, createdAt: challengedAt,
      });
    }
  }

  const financeUserId = demoUser('finance').actorId;
  for (const declaration of parts.declarations.rows.declarations) {
    if (declaration.voidedByUserId !== financeUserId) continue;
    audit(demoUser('finance'), { action: 'declaration.voided', subjectType: 'Declaration', subjectId: declaration.id!, after: { state: declaration.state, voidedAt: declaration.voidedAt }, createdAt: declaration.voidedAt as Date });
  }

  for (const school of random.sample(parts.schools.rows.schools, 12)) {
    const createdAt = addHours(utcDate(2023, 1, 10), random.int(0, 24 * 600));
    audit(demoUser('support'), {
      action: 'school.updated', subjectType: 'School', subjectId: school.id!,
      before: { primaryContactEmail: `old.office.${school.urn}@schools.example.org` }, after: { primaryContactEmail: school.primaryContactEmail },
      reason: 'School asked us to update their contact email', createdAt,
    });
  }
  return { rows };
}
