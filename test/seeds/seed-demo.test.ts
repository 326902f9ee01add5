import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { eligibleSchoolSql } from '../../src/actions/schools/eligibility.js';
import { hashApiToken } from '../../src/auth/api-token.js';
import { verifyPassword } from '../../src/auth/password.js';
import { findFrozenCohortCandidates } from '../../src/actions/participants/frozen-cohort/find-frozen-cohort-candidates.js';
import { db, disconnectDb } from '../../src/db/client.js';
import { openConnection } from '../../src/db/connection.js';
import { readModelDrift } from '../../src/db/read-models.js';
import { DEMO_API_TOKENS, DEMO_LOGINS, DEMO_PASSWORD } from '../../seeds/demo-logins.js';
import { isSeeded, seedDemo, type SeedSummary } from '../../seeds/seed-demo.js';
import { TEMPLATE_DATABASE, testServerUrl } from '../support/test-database.js';

const TODAY = new Date('2026-11-23T12:00:00Z');
const SEEDED_TABLES = [
  'cohorts', 'schedules', 'milestones', 'schools', 'pupil_premiums', 'appropriate_bodies', 'cpd_lead_providers', 'lead_providers',
  'lead_provider_cohorts', 'call_off_contracts', 'participant_bands', 'mentor_call_off_contracts', 'api_tokens', 'statements',
  'delivery_partners', 'provider_relationships', 'partnerships', 'school_cohorts', 'induction_programmes', 'users', 'teachers',
  'participant_profiles', 'induction_records', 'participant_profile_states', 'appropriate_body_claims', 'declarations',
  'declaration_state_changes', 'statement_line_items', 'portal_users', 'portal_roles', 'finance_adjustments', 'audit_events',
  'trn_check_requests',
];

let summary: SeedSummary;
let schemaBefore: string[];

/** Foreign keys and indexes: the seed drops and rebuilds them around its load. */
const schemaChecks = async () =>
  (await db().$queryRaw<{ definition: string }[]>`
    SELECT conname || ' ' || pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
    UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()
    ORDER BY 1`).map((r) => r.definition);

beforeAll(async () => {
  schemaBefore = await schemaChecks();
  summary = await seedDemo({ size: 'small', today: TODAY });
}, 120_000);

const count = async (sql: string) => (await db().$queryRawUnsafe<{ n: number }[]>(sql))[0].n;

/** Every seeded table's row count and a digest of its rows in id order (users without their salted hashes). */
async function fingerprint(): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of SEEDED_TABLES) {
    const row = table === 'users' ? 'ROW(t.id, t.email, t."fullName", t.role, t."disabledAt")' : 't';
    const [{ n, digest }] = await db().$queryRawUnsafe<{ n: number; digest: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(${row}::text, '|' ORDER BY t.id), '')) AS digest FROM "${table}" t`,
    );
    result[table] = `${n} ${digest}`;
  }
  return result;
}

describe('the small demo seed', () => {
  it('fills every table the back office shows, and says how many rows it wrote', async () => {
    const rows: Record<string, number> = {};
    for (const table of SEEDED_TABLES) rows[table] = await count(`SELECT count(*)::int AS n FROM "${table}"`);
    expect(SEEDED_TABLES.filter((table) => rows[table] === 0)).toEqual([]);
    expect(summary.counts).toEqual(rows);
    expect(summary.counts.schools).toBeGreaterThan(250);
    expect(summary.counts.participant_profiles).toBeGreaterThan(500);
    expect(summary.counts.declarations).toBeGreaterThan(1500);
  });

  it('leaves every foreign key and index as the migrations made them', async () => {
    expect(schemaBefore.length).toBeGreaterThan(50);
    expect(await schemaChecks()).toEqual(schemaBefore);
  });

  it('gives every school cohort that trains a default induction programme, partnered when provider-led', async () => {
    expect(await count(`
      SELECT count(*)::int AS n FROM school_cohorts sc
      LEFT JOIN induction_programmes ip ON ip.id = sc."defaultInductionProgrammeId"
      WHERE sc."inductionProgrammeChoice" NOT IN ('no_early_career_teachers', 'not_yet_known')
        AND (ip.id IS NULL OR ip."schoolCohortId" <> sc.id OR ip."trainingProgramme"::text <> sc."inductionProgrammeChoice"::text)`)).toBe(0);
    expect(await count(`
      SELECT count(*)::int AS n FROM school_cohorts sc JOIN induction_programmes ip ON ip.id = sc."defaultInductionProgrammeId"
      WHERE sc."inductionProgrammeChoice" = 'full_induction_programme' AND ip."partnershipId" IS NOT NULL`)).toBeGreaterThan(100);
  });

  it('loads the real cohort calendar: six cohorts, 2021 frozen, statements per provider from the file', async () => {
    const cohorts = await db().cohort.findMany({ orderBy: { startYear: 'asc' } });
    expect(cohorts.map((c) => c.startYear)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(cohorts.filter((c) => c.paymentsFrozenAt).map((c) => [c.startYear, c.paymentsFrozenAt!.toISOString().slice(0, 10)])).toEqual([[2021, '2024-04-03']]);
    expect(await db().leadProvider.count()).toBe(6);
    // 163 ecf rows in statements.csv, one statement each for the six providers.
    expect(await db().statement.count()).toBe(6 * 163);
    const nta = await db().appropriateBody.findFirstOrThrow({ where: { name: 'National Teacher Accreditation (NTA)' } });
    expect(nta.disableFromYear).toBe(2023);
  });

  it('dates statements from today: paid before, payable after the deadline, open ahead', async () => {
    const state = async (name: string, startYear: number) =>
      (await db().statement.findFirstOrThrow({ where: { name, cohort: { startYear }, cpdLeadProvider: { name: 'Teach First' } } }));
    expect(await state('November 2021', 2021)).toMatchObject({ state: 'paid', markedAsPaidAt: expect.any(Date) });
    expect(await state('November 2026', 2024)).toMatchObject({ state: 'payable', markedAsPaidAt: null });
    expect(await state('January 2027', 2025)).toMatchObject({ state: 'open', markedAsPaidAt: null });
    // Finance always has an output-fee statement to authorise in a running cohort.
    expect(await state('October 2026', 2025)).toMatchObject({ state: 'payable', outputFee: true, markedAsPaidAt: null });
  });

  it('has declarations in every state, each with line items that agree with it', async () => {
    const states = await db().declaration.groupBy({ by: ['state'], _count: true });
    expect(states.map((s) => s.state).sort()).toEqual(
      ['awaiting_clawback', 'clawed_back', 'eligible', 'ineligible', 'paid', 'payable', 'submitted', 'voided'],
    );
    const combinations = await db().$queryRaw<{ state: string; items: string[] | null; n: number }[]>`
      SELECT d.state::text AS state, items, count(*)::int AS n
      FROM declarations d
      LEFT JOIN LATERAL (
        SELECT array_agg(li.state::text || ' on ' || s.state::text ORDER BY li.state::text) AS items
        FROM statement_line_items li JOIN statements s ON s.id = li."statementId"
        WHERE li."declarationId" = d.id
      ) l ON true
      GROUP BY 1, 2`;
    const allowed: Record<string, (string[] | null)[]> = {
      submitted: [null],
      eligible: [['eligible on open']],
      payable: [['payable on payable']],
      paid: [['paid on paid']],
      voided: [null, ['voided on open'], ['voided on payable'], ['voided on paid']],
      ineligible: [['ineligible on open'], ['ineligible on payable'], ['ineligible on paid']],
      awaiting_clawback: [['awaiting_clawback on open', 'paid on paid'], ['awaiting_clawback on payable', 'paid on paid']],
      clawed_back: [['clawed_back on paid', 'paid on paid']],
    };
    for (const { state, items } of combinations) expect(allowed[state]).toContainEqual(items);
  });

  it("puts each line item on a statement of the declaration's provider and cohort, after its state history", async () => {
    expect(await count(`
      SELECT count(*)::int AS n FROM statement_line_items li
      JOIN statements s ON s.id = li."statementId" JOIN declarations d ON d.id = li."declarationId"
      WHERE s."cpdLeadProviderId" <> d."cpdLeadProviderId" OR s."cohortId" <> d."cohortId"`)).toBe(0);
    expect(await count(`
      SELECT count(*)::int AS n FROM declarations d
      WHERE d.state <> (SELECT c.state FROM declaration_state_changes c WHERE c."declarationId" = d.id ORDER BY c."createdAt" DESC LIMIT 1)
         OR NOT EXISTS (SELECT 1 FROM declaration_state_changes c WHERE c."declarationId" = d.id AND c.state = 'submitted')`)).toBe(0);
  });

  it("dates declarations inside their schedule's milestone windows, never in the future", async () => {
    expect(await count(`
      SELECT count(*)::int AS n FROM declarations d
      WHERE d."declarationDate" > '${TODAY.toISOString()}' OR NOT EXISTS (
        SELECT 1 FROM induction_records ir
        JOIN schedules s ON s.id = ir."scheduleId" AND s."cohortId" = d."cohortId"
        JOIN milestones m ON m."scheduleId" = s.id AND m."declarationType" = d."declarationType"
        WHERE ir."participantProfileId" = d."participantProfileId"
          AND d."declarationDate" >= m."startDate" AND (m."milestoneDate" IS NULL OR d."declarationDate" < m."milestoneDate" + 1))`)).toBe(0);
  });

  it('partners only eligible schools, and gives participants the uplifts of their school for their cohort', async () => {
    const [{ n }] = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM partnerships p JOIN schools s ON s.id = p."schoolId" WHERE NOT ${eligibleSchoolSql('s')}`;
    expect(n).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM schools WHERE "schoolStatusCode" <> 1 OR "schoolTypeCode" IN (10, 11, 30)`)).toBeGreaterThan(0);
    // Participants still at the school they were registered with.
    expect(await count(`
      SELECT count(*)::int AS n FROM participant_profiles p
      JOIN school_cohorts sc ON sc.id = p."schoolCohortId" JOIN cohorts c ON c.id = sc."cohortId"
      LEFT JOIN pupil_premiums pp ON pp."schoolId" = sc."schoolId" AND pp."startYear" = c."startYear"
      WHERE NOT EXISTS (SELECT 1 FROM induction_records ir WHERE ir."participantProfileId" = p.id AND ir."schoolTransfer")
        AND NOT p."cohortChangedAfterPaymentsFrozen"
        AND (p."pupilPremiumUplift" <> coalesce(pp."pupilPremiumIncentive", false) OR p."sparsityUplift" <> coalesce(pp."sparsityIncentive", false))`)).toBe(0);
  });

  it('leaves 2021 participants with unfinished training for the frozen-cohort move, and one already moved', async () => {
    expect(await count(`
      SELECT count(*)::int AS n FROM participant_profiles p JOIN cohorts c ON c.id = p."cohortId"
      WHERE c."startYear" = 2021 AND p."inductionCompletionDate" IS NULL AND p."mentorCompletionDate" IS NULL
        AND EXISTS (SELECT 1 FROM declarations d WHERE d."participantProfileId" = p.id AND d.state IN ('eligible', 'payable', 'paid') AND d."declarationType" <> 'completed')
        AND NOT EXISTS (SELECT 1 FROM declarations d WHERE d."participantProfileId" = p.id AND d.state IN ('eligible', 'payable', 'paid') AND d."declarationType" = 'completed')`))
      .toBeGreaterThan(5);
    const moved = await db().participantProfile.findFirstOrThrow({ where: { cohortChangedAfterPaymentsFrozen: true }, include: { cohort: true, schedule: true } });
    expect([moved.cohort.startYear, moved.schedule.scheduleIdentifier]).toEqual([2024, 'ecf-extended-september']);
  });

  it('has frozen-cohort participants in every situation the frozen cohort moves page shows', async () => {
    const { rows, counts } = await findFrozenCohortCandidates({ perPage: 500 });
    expect(counts.eligible).toBeGreaterThan(3);
    expect(counts.already_moved).toBeGreaterThan(0);
    // Blocked for one reason only, so each case is seen on its own.
    const alone = new Set(rows.filter((r) => r.reasons.length === 1).map((r) => `${r.reasons[0].replace(/ (not setup on) .*/, ' $1')} ${r.notEligibleBecause ?? ''}`.trim()));
    // A school without a 2024 default programme no longer blocks an eligible participant: the move sets it up.
    expect([...alone].sort()).toEqual(expect.arrayContaining([
      'Participant not eligible to be transferred from their current cohort completed_training',
      'Participant not eligible to be transferred from their current cohort no_billable_declarations',
      'The participant has notes that block a cohort change',
    ]));
  });

  it('gives every role a demo user who signs in with the demo password', async () => {
    for (const login of DEMO_LOGINS) {
      const user = await db().user.findUniqueOrThrow({ where: { email: login.email } });
      expect(user.role).toBe(login.role);
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash!)).toBe(true);
      expect(await verifyPassword('wrong-password', user.passwordHash!)).toBe(false);
    }
    expect(new Set(DEMO_LOGINS.map((l) => l.role))).toEqual(new Set(['admin', 'super_user', 'support', 'finance', 'policy']));
    expect(await isSeeded()).toBe(true);
  });

  it('stores only the hash of each lead provider demo API token', async () => {
    for (const { leadProvider, token } of DEMO_API_TOKENS) {
      const stored = await db().apiToken.findUniqueOrThrow({ where: { hashedToken: hashApiToken(token) }, include: { cpdLeadProvider: true } });
      expect(stored.cpdLeadProvider.name).toBe(leadProvider);
    }
    expect(await db().apiToken.count({ where: { hashedToken: { in: DEMO_API_TOKENS.map((t) => t.token) } } })).toBe(0);
  });

  it('leaves every read model exactly as a rebuild from the base tables makes it', async () => {
    const client = await openConnection(process.env.DATABASE_URL!);
    try {
      const drift = await readModelDrift(client);
      expect(drift.map((d) => d.readModel)).toEqual(['lead_provider_participants', 'participant_updated_at', 'statement_line_items']);
      expect(drift.filter((d) => d.stale.length || d.missing.length)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('refuses to seed a database that has data, writing nothing', async () => {
    const before = await fingerprint();
    await expect(seedDemo({ size: 'small', today: TODAY })).rejects.toThrow(/db:reset --yes/);
    expect(await fingerprint()).toEqual(before);
  });

  describe('seeded again into another database', () => {
    let ownUrl: string;
    let other: string;

    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: testServerUrl() });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    };

    beforeAll(async () => {
      ownUrl = process.env.DATABASE_URL!;
      other = `${ownUrl.split('/').pop()}_again`;
      await admin(`CREATE DATABASE "${other}" TEMPLATE "${TEMPLATE_DATABASE}"`);
    });

    afterAll(async () => {
      await disconnectDb();
      process.env.DATABASE_URL = ownUrl;
      await admin(`DROP DATABASE IF EXISTS "${other}" WITH (FORCE)`);
    });

    it('gives the same rows: same ids, names, URNs, dates and states', async () => {
      const first = await fingerprint();
      await disconnectDb();
      process.env.DATABASE_URL = testServerUrl(other);
      const again = await seedDemo({ size: 'small', today: TODAY });
      expect(again.counts).toEqual(summary.counts);
      expect(await fingerprint()).toEqual(first);
    }, 120_000);
  });
});
