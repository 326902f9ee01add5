// Set-based test data for the declarations export: one lead provider and cohort with `participants`
// ECTs across `schools` schools, each with an induction record and four declarations (started,
// retained-1, -2, -3), each declaration on one of four statements. Built with INSERT ... SELECT over
// generate_series, so a million declarations take seconds, not hours. Ids are md5s of `tag`, so the
// same tag twice would collide and two tags never do.
import { db } from '../src/db/client.js';

export interface DeclarationData {
  cpdLeadProviderId: string;
  cohortId: string;
  leadProviderName: string;
  cohortStartYear: number;
  statementIds: string[];
  declarations: number;
}

const DECLARATION_TYPES = ['started', 'retained-1', 'retained-2', 'retained-3'];

export async function generateDeclarationData(options: { tag: string; participants: number; schools?: number; startYear?: number }): Promise<DeclarationData> {
  const { tag, participants } = options;
  const schools = options.schools ?? Math.max(1, Math.min(2000, Math.ceil(participants / 50)));
  const startYear = options.startYear ?? 2023;
  const id = (kind: string, n = "''") => `md5('${tag}-${kind}-' || ${n})::uuid`;
  const run = (sql: string) => db().$executeRawUnsafe(sql);

  await run(`INSERT INTO cohorts (id, "startYear", "registrationStartDate", "academicYearStartDate", "automaticAssignmentPeriodEndDate", "updatedAt")
    VALUES (gen_random_uuid(), ${startYear}, '${startYear}-05-10', '${startYear}-09-01', '${startYear + 1}-03-31', now()) ON CONFLICT ("startYear") DO NOTHING`);
  const [{ cohortId }] = await db().$queryRawUnsafe<{ cohortId: string }[]>(`SELECT id AS "cohortId" FROM cohorts WHERE "startYear" = ${startYear}`);
  const leadProviderName = `Bench Provider ${tag}`;
  await run(`INSERT INTO cpd_lead_providers (id, name, "updatedAt") VALUES (${id('cpd')}, '${leadProviderName}', now())`);
  await run(`INSERT INTO lead_providers (id, name, "cpdLeadProviderId", "updatedAt") VALUES (${id('lp')}, '${leadProviderName}', ${id('cpd')}, now())`);
  await run(`INSERT INTO delivery_partners (id, name, "updatedAt") VALUES (${id('dp')}, 'Bench Delivery Partner ${tag}', now())`);
  await run(`INSERT INTO schedules (id, "scheduleIdentifier", name, "cohortId", "updatedAt")
    VALUES (${id('schedule')}, 'ecf-standard-september-${tag}', 'ECF standard September', '${cohortId}', now())`);
  const statementIds: string[] = [];
  for (const [k] of DECLARATION_TYPES.entries()) {
    const [{ statementId }] = await db().$queryRawUnsafe<{ statementId: string }[]>(`INSERT INTO statements (id, name, "cpdLeadProviderId", "cohortId", "deadlineDate", "paymentDate", "updatedAt")
      VALUES (${id('statement', String(k))}, 'Bench statement ${k + 1}', ${id('cpd')}, '${cohortId}', '${startYear + 1}-0${k + 1}-28', '${startYear + 1}-0${k + 2}-25', now()) RETURNING id AS "statementId"`);
    statementIds.push(statementId);
  }

  await run(`INSERT INTO schools (id, urn, name, "updatedAt")
    SELECT ${id('school', 's')}, 'B' || substr(md5('${tag}' || s), 1, 8), 'Bench School ' || s, now() FROM generate_series(1, ${schools}) s`);
  await run(`INSERT INTO school_cohorts (id, "schoolId", "cohortId", "inductionProgrammeChoice", "updatedAt")
    SELECT ${id('school-cohort', 's')}, ${id('school', 's')}, '${cohortId}', 'full_induction_programme', now() FROM generate_series(1, ${schools}) s`);
  await run(`INSERT INTO partnerships (id, "schoolId", "leadProviderId", "deliveryPartnerId", "cohortId", "updatedAt")
    SELECT ${id('partnership', 's')}, ${id('school', 's')}, ${id('lp')}, ${id('dp')}, '${cohortId}', now() FROM generate_series(1, ${schools}) s`);
  await run(`INSERT INTO induction_programmes (id, "schoolCohortId", "trainingProgramme", "partnershipId", "updatedAt")
    SELECT ${id('programme', 's')}, ${id('school-cohort', 's')}, 'full_induction_programme', ${id('partnership', 's')}, now() FROM generate_series(1, ${schools}) s`);

  const school = `(1 + i % ${schools})`;
  await run(`INSERT INTO teachers (id, "fullName", email, trn, "updatedAt")
    SELECT ${id('teacher', 'i')}, 'Participant ' || substr(md5('${tag}-name-' || i), 1, 10), '${tag}-' || i || '@example.com', lpad(i::text, 7, '0'), now()
    FROM generate_series(1, ${participants}) i`);
  await run(`INSERT INTO participant_profiles (id, type, "teacherId", "schoolCohortId", "cohortId", "scheduleId", "pupilPremiumUplift", "sparsityUplift", "trnValidationState", "updatedAt")
    SELECT ${id('profile', 'i')}, 'ect', ${id('teacher', 'i')}, ${id('school-cohort', school)}, '${cohortId}', ${id('schedule')}, i % 3 = 0, i % 5 = 0, 'valid', now()
    FROM generate_series(1, ${participants}) i`);
  await run(`INSERT INTO induction_records (id, "inductionProgrammeId", "participantProfileId", "scheduleId", "startDate", "updatedAt")
    SELECT ${id('induction-record', 'i')}, ${id('programme', school)}, ${id('profile', 'i')}, ${id('schedule')}, '${startYear}-09-01', now()
    FROM generate_series(1, ${participants}) i`);
  await run(`INSERT INTO participant_profile_states (id, "participantProfileId", state, reason, "cpdLeadProviderId")
    SELECT ${id('profile-state', 'i')}, ${id('profile', 'i')}, 'withdrawn', 'moved-school', ${id('cpd')} FROM generate_series(1, ${participants}) i WHERE i % 50 = 0`);
  const types = `(ARRAY[${DECLARATION_TYPES.map((t) => `'${t}'`).join(', ')}])[k + 1]`;
  await run(`INSERT INTO declarations (id, type, "participantProfileId", "teacherId", "cpdLeadProviderId", "cohortId", "declarationType", "declarationDate",
      "courseIdentifier", "evidenceHeld", state, "pupilPremiumUplift", "sparsityUplift", "updatedAt")
    SELECT ${id('declaration', "i || '-' || k")}, 'ect', ${id('profile', 'i')}, ${id('teacher', 'i')}, ${id('cpd')}, '${cohortId}',
      ${types}::"DeclarationType", timestamp '${startYear}-10-01 09:00' + k * interval '90 days', 'ecf-induction', 'training-event-attended', 'eligible', i % 3 = 0, i % 5 = 0, now()
    FROM generate_series(1, ${participants}) i, generate_series(0, ${DECLARATION_TYPES.length - 1}) k`);
  await run(`INSERT INTO statement_line_items (id, "statementId", "declarationId", state, "updatedAt")
    SELECT ${id('line-item', "i || '-' || k")}, ${id('statement', 'k')}, ${id('declaration', "i || '-' || k")}, 'eligible', now()
    FROM generate_series(1, ${participants}) i, generate_series(0, ${DECLARATION_TYPES.length - 1}) k`);
  await run('ANALYZE');

  const [{ cpdLeadProviderId }] = await db().$queryRawUnsafe<{ cpdLeadProviderId: string }[]>(`SELECT ${id('cpd')}::text AS "cpdLeadProviderId"`);
  return { cpdLeadProviderId, cohortId, leadProviderName, cohortStartYear: startYear, statementIds, declarations: participants * DECLARATION_TYPES.length };
}
