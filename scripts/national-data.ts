// National-scale data: the full demo seed (every school of England's list, the real calendar, six lead
// providers and their partnerships) topped up to `participants` participants and `declarations`
// declarations, across every lead provider, cohort and declaration state, with their statement line
// items. Set-based SQL (INSERT ... SELECT over generate_series), so it takes minutes, not hours; ids are
// md5s of a tag and a number, so the same run twice gives the same database.
//   npx tsx scripts/national-data.ts [database]   (default ecf_national on the embedded server, or DATABASE_URL)
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { db, disconnectDb } from '../src/db/client.js';
import { createDatabaseIfMissing } from '../src/db/database.js';
import { embeddedUrl, ensureEmbeddedServer } from '../src/db/embedded.js';
import { applyMigrations } from '../src/db/migrate.js';
import { unchallengedPartnershipSql } from '../src/rules/unchallenged-partnership.js';
import { isSeeded, seedDemo } from '../seeds/seed-demo.js';

export interface NationalScale {
  participants: number;
  declarations: number;
}

export const NATIONAL: NationalScale = { participants: 100_000, declarations: 1_000_000 };

const TAG = 'national';
const FIRST_NAMES = ['Amira', 'Ben', 'Chloe', 'Dev', 'Ella', 'Femi', 'Grace', 'Harry', 'Isla', 'Jack', 'Kiran', 'Leah', 'Mo', 'Nia', 'Oscar', 'Priya', 'Reuben', 'Sofia', 'Tom', 'Zara'];
const LAST_NAMES = ['Ahmed', 'Brown', 'Clarke', 'Davies', 'Evans', 'Fraser', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Morgan', 'Nowak', "O'Neill", 'Patel', 'Roberts', 'Smith', 'Taylor', 'Wright'];
// Declaration types in the order a participant makes them; a participant's later declarations are
// voided earlier attempts at its first ones.
const TYPES = ['started', 'retained-1', 'retained-2', 'retained-3', 'retained-4', 'completed'];

const sqlList = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;
const id = (kind: string, n: string) => `md5('${TAG}-${kind}-' || ${n})::uuid`;

/** Adds participants and declarations until the totals reach `scale`. Needs the full demo seed first. */
export async function topUpToNationalScale(scale: NationalScale = NATIONAL, log: (line: string) => void = () => {}): Promise<void> {
  const run = async (label: string, sql: string) => {
    const started = performance.now();
    const rows = await db().$executeRawUnsafe(sql);
    log(`${label}: ${rows.toLocaleString('en-GB')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  const [{ participants, declarations }] = await db().$queryRawUnsafe<{ participants: bigint; declarations: bigint }[]>(
    'SELECT (SELECT count(*) FROM participant_profiles) AS participants, (SELECT count(*) FROM declarations) AS declarations');
  const add = scale.participants - Number(participants);
  if (add <= 0) return;
  const perParticipant = Math.max(1, Math.round((scale.declarations - Number(declarations)) / add));

  // Every induction programme with a lead provider, numbered, with what a participant on it needs.
  await db().$executeRawUnsafe(`
    CREATE TEMPORARY TABLE national_programmes AS
    SELECT row_number() OVER (ORDER BY ip.id) AS n, ip.id AS programme, ip."schoolCohortId" AS school_cohort, sc."cohortId" AS cohort,
           lp."cpdLeadProviderId" AS cpd, p."deliveryPartnerId" AS partner, c."startYear" AS year,
           (SELECT s.id FROM schedules s WHERE s."cohortId" = sc."cohortId" ORDER BY s."scheduleIdentifier" = 'ecf-standard-september' DESC, s."scheduleIdentifier" LIMIT 1) AS schedule
    FROM induction_programmes ip
    JOIN school_cohorts sc ON sc.id = ip."schoolCohortId"
    JOIN cohorts c ON c.id = sc."cohortId"
    JOIN partnerships p ON p.id = ip."partnershipId"
    JOIN lead_providers lp ON lp.id = p."leadProviderId"
    WHERE ${unchallengedPartnershipSql('p').sql}`);
  await db().$executeRawUnsafe(`
    CREATE TEMPORARY TABLE national_statements AS
    SELECT s.id, s."cpdLeadProviderId" AS cpd, s."cohortId" AS cohort, s.state,
           row_number() OVER (PARTITION BY s."cpdLeadProviderId", s."cohortId" ORDER BY s."deadlineDate", s.id) AS position,
           count(*) OVER (PARTITION BY s."cpdLeadProviderId", s."cohortId") AS statements
    FROM statements s WHERE s."outputFee"`);
  await db().$executeRawUnsafe('CREATE INDEX ON national_statements (cpd, cohort, position)');
  const [{ programmes }] = await db().$queryRawUnsafe<{ programmes: bigint }[]>('SELECT count(*) AS programmes FROM national_programmes');
  // Participants spread over every programme (7919 is prime, so consecutive ones land far apart).
  await db().$executeRawUnsafe(`
    CREATE TEMPORARY TABLE national_people AS
    SELECT i, np.programme, np.school_cohort, np.cohort, np.cpd, np.partner, np.year, np.schedule,
           CASE WHEN i % 5 = 0 THEN 'mentor' ELSE 'ect' END AS type
    FROM generate_series(1, ${add}) i JOIN national_programmes np ON np.n = 1 + (i::bigint * 7919) % ${programmes}`);
  await run('teachers', `
    INSERT INTO teachers (id, "fullName", email, trn, "dateOfBirth", "updatedAt")
    SELECT ${id('teacher', 'i')}, (${sqlList(FIRST_NAMES)})[1 + i % 20] || ' ' || (${sqlList(LAST_NAMES)})[1 + (i / 20) % 20] || '-' || i,
           '${TAG}-' || i || '@example.com', (3000000 + i)::text, date '1985-01-01' + (i % 7000), now()
    FROM national_people`);
  await run('participant profiles', `
    INSERT INTO participant_profiles (id, type, "teacherId", "schoolCohortId", "cohortId", "scheduleId", "trainingStatus", status,
      "pupilPremiumUplift", "sparsityUplift", "trnValidationState", "eligibilityStatus", "inductionStartDate", "updatedAt")
    SELECT ${id('profile', 'i')}, type::"ParticipantType", ${id('teacher', 'i')}, school_cohort, cohort, schedule,
           (CASE WHEN i % 23 = 0 THEN 'withdrawn' WHEN i % 31 = 0 THEN 'deferred' ELSE 'active' END)::"TrainingStatus",
           (CASE WHEN i % 23 = 0 THEN 'withdrawn' ELSE 'active' END)::"ProfileStatus",
           i % 3 = 0, i % 11 = 0, 'valid', (CASE WHEN i % 41 = 0 THEN 'ineligible' ELSE 'eligible' END)::"EligibilityStatus",
           make_date(year, 9, 1), now()
    FROM national_people`);
  await run('induction records', `
    INSERT INTO induction_records (id, "inductionProgrammeId", "participantProfileId", "scheduleId", "startDate", "trainingStatus", "updatedAt")
    SELECT ${id('induction-record', 'i')}, programme, ${id('profile', 'i')}, schedule, make_date(year, 9, 1),
           (CASE WHEN i % 23 = 0 THEN 'withdrawn' WHEN i % 31 = 0 THEN 'deferred' ELSE 'active' END)::"TrainingStatus", now()
    FROM national_people`);

  // Declaration k of participant i: its type, the statement it lands on (spread over the lead provider and
  // cohort's statements) and a state that fits that statement's; later ones are voided repeats.
  await db().$executeRawUnsafe(`
    CREATE TEMPORARY TABLE national_declarations AS
    SELECT ${id('declaration', "i || '-' || k")} AS id, p.i, k, p.type, p.cpd, p.cohort, p.partner, p.year,
           (${sqlList(TYPES)})[1 + k % ${TYPES.length}] AS declaration_type, s.id AS statement, s.state AS statement_state,
           CASE
             WHEN k >= ${TYPES.length} THEN 'voided'
             WHEN s.id IS NULL THEN 'submitted'
             WHEN i % 41 = 0 THEN 'ineligible'
             WHEN s.state = 'paid' AND i % 97 = 0 THEN 'awaiting_clawback'
             WHEN s.state = 'paid' AND i % 89 = 0 THEN 'clawed_back'
             WHEN s.state = 'paid' THEN 'paid'
             WHEN s.state = 'payable' THEN 'payable'
             WHEN (i + k) % 9 = 0 THEN 'submitted'
             ELSE 'eligible'
           END AS state
    FROM national_people p
    CROSS JOIN generate_series(0, ${perParticipant - 1}) k
    LEFT JOIN LATERAL (
      SELECT ns.id, ns.state FROM national_statements ns
      WHERE ns.cpd = p.cpd AND ns.cohort = p.cohort AND ns.position = 1 + ((k % ${TYPES.length}) * 4 + p.i % 4) % ns.statements
    ) s ON true`);
  await run('declarations', `
    INSERT INTO declarations (id, type, "participantProfileId", "teacherId", "cpdLeadProviderId", "cohortId", "deliveryPartnerId",
      "declarationType", "declarationDate", "courseIdentifier", "evidenceHeld", state, "pupilPremiumUplift", "sparsityUplift", "voidedAt", "updatedAt")
    SELECT id, type::"ParticipantType", ${id('profile', 'i')}, ${id('teacher', 'i')}, cpd, cohort, partner,
           declaration_type::"DeclarationType", make_timestamp(year, 10, 1, 9, 0, 0) + (k % ${TYPES.length}) * interval '120 days' + (i % 60) * interval '1 day',
           (CASE WHEN type = 'mentor' THEN 'ecf-mentor' ELSE 'ecf-induction' END)::"CourseIdentifier", 'training-event-attended',
           state::"DeclarationState", i % 3 = 0, i % 11 = 0, CASE WHEN state = 'voided' THEN now() END, now()
    FROM national_declarations`);
  await run('statement line items', `
    INSERT INTO statement_line_items (id, "statementId", "declarationId", state, "updatedAt")
    SELECT ${id('line-item', "i || '-' || k")}, statement, id, state::"LineItemState", now()
    FROM national_declarations WHERE statement IS NOT NULL AND state <> 'submitted'`);
  await db().$executeRawUnsafe('DROP TABLE national_declarations, national_people, national_statements, national_programmes');
  // VACUUM too: a bulk load leaves the visibility map empty, so until autovacuum comes by every count is a
  // full scan; a database that has been running a while (and what the benchmarks stand for) is vacuumed.
  await run('vacuum and analyse', 'VACUUM ANALYZE');
}

/** Migrates and fills `url`'s database: the full demo seed, then the national top-up. */
export async function buildNationalDatabase(url: string, scale: NationalScale = NATIONAL, log: (line: string) => void = () => {}): Promise<void> {
  process.env.DATABASE_URL = url;
  await applyMigrations(url);
  if (!(await isSeeded())) await seedDemo({ size: 'full', log });
  await topUpToNationalScale(scale, log);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  const name = process.argv[2] ?? 'ecf_national';
  let url = process.env.DATABASE_URL;
  const server = url ? null : await ensureEmbeddedServer();
  if (!url) {
    await createDatabaseIfMissing(embeddedUrl('postgres'), name);
    url = embeddedUrl(name);
  }
  try {
    await buildNationalDatabase(url, NATIONAL, console.log);
    const [counts] = await db().$queryRawUnsafe<Record<string, bigint>[]>(`SELECT (SELECT count(*) FROM schools) AS schools,
      (SELECT count(*) FROM participant_profiles) AS participants, (SELECT count(*) FROM declarations) AS declarations,
      (SELECT count(*) FROM statement_line_items) AS line_items`);
    console.log(`${Object.entries(counts).map(([k, v]) => `${Number(v).toLocaleString('en-GB')} ${k.replace('_', ' ')}`).join(', ')} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await disconnectDb();
    await server?.stop();
  }
}
