// All demo rows, built in memory from the seed files and a fixed random seed, table by table in the
// order they are written (foreign keys are checked once the load is done, see lib/bulk-load.ts).
import { TRAINING_YEARS, SIZES, type SeedSize } from './sizes.js';
import { buildAppropriateBodies } from './appropriate-bodies.js';
import { buildBackOffice, demoUserId } from './back-office.js';
import { buildCalendar } from './calendar.js';
import { buildDeclarations } from './declarations.js';
import { buildDeliveryPartners } from './delivery-partners.js';
import { buildLeadProviders } from './lead-providers.js';
import { buildParticipants } from './participants.js';
import { buildSchoolCohorts } from './school-cohorts.js';
import { buildSchools } from './schools.js';
import { buildStatements } from './statements.js';
import { buildTrnChecks } from './trn-checks.js';

/** [SQL table name, rows], in the order they are written. */
export type DemoTables = [string, readonly object[]][];

export function buildDemoData(size: SeedSize, today: Date, passwordHashes: Map<string, string>): DemoTables {
  const config = SIZES[size];
  const calendar = buildCalendar();
  const schools = buildSchools(config);
  const appropriateBodies = buildAppropriateBodies();
  const leadProviders = buildLeadProviders(calendar, today);
  const statements = buildStatements(calendar, leadProviders.list, today);
  const deliveryPartners = buildDeliveryPartners(calendar, leadProviders.list);
  const schoolCohorts = buildSchoolCohorts({ calendar, today, config }, schools.list, leadProviders.list, deliveryPartners, appropriateBodies);
  const participants = buildParticipants({ calendar, today, config }, schoolCohorts, schools, appropriateBodies);
  const declarations = buildDeclarations(today, participants.plans, statements, demoUserId('finance'));
  const latestCohortId = calendar.cohorts.get(TRAINING_YEARS[TRAINING_YEARS.length - 1])!.id;
  const backOffice = buildBackOffice(today, {
    passwordHashes, leadProviders: leadProviders.list, deliveryPartners, appropriateBodies, schools, schoolCohorts, statements, declarations, latestCohortId,
  });

  return [
    ['cohorts', calendar.rows.cohorts],
    ['schedules', calendar.rows.schedules],
    ['milestones', calendar.rows.milestones],
    ['schools', schools.rows.schools],
    ['pupil_premiums', schools.rows.pupilPremiums],
    ['appropriate_bodies', appropriateBodies.rows],
    ['cpd_lead_providers', leadProviders.rows.cpdLeadProviders],
    ['lead_providers', leadProviders.rows.leadProviders],
    ['lead_provider_cohorts', leadProviders.rows.leadProviderCohorts],
    ['call_off_contracts', leadProviders.rows.callOffContracts],
    ['participant_bands', leadProviders.rows.participantBands],
    ['mentor_call_off_contracts', leadProviders.rows.mentorCallOffContracts],
    ['api_tokens', leadProviders.rows.apiTokens],
    ['statements', statements.rows],
    ['delivery_partners', deliveryPartners.rows.deliveryPartners],
    ['provider_relationships', deliveryPartners.rows.providerRelationships],
    ['partnerships', [...schoolCohorts.rows.partnerships, ...participants.rows.partnerships]],
    ['school_cohorts', schoolCohorts.rows.schoolCohorts],
    ['induction_programmes', [...schoolCohorts.rows.inductionProgrammes, ...participants.rows.inductionProgrammes]],
    ['users', backOffice.rows.users],
    ['teachers', participants.rows.teachers],
    ['participant_profiles', participants.rows.participantProfiles],
    ['induction_records', participants.rows.inductionRecords],
    ['participant_profile_states', participants.rows.participantProfileStates],
    ['appropriate_body_claims', participants.rows.appropriateBodyClaims],
    ['trn_check_requests', buildTrnChecks(today, participants.rows.teachers, participants.rows.participantProfiles)],
    ['declarations', declarations.rows.declarations],
    ['declaration_state_changes', declarations.rows.declarationStateChanges],
    ['statement_line_items', declarations.rows.statementLineItems],
    ['portal_users', backOffice.rows.portalUsers],
    ['portal_roles', backOffice.rows.portalRoles],
    ['finance_adjustments', backOffice.rows.financeAdjustments],
    ['audit_events', backOffice.rows.auditEvents],
  ];
}
