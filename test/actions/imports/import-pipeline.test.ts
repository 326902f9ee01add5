// The contract every file import keeps through src/actions/imports/run-import.ts: one refusal shape (file,
// line, column, message) whichever import refuses; nothing written when a later row fails; the run's audit
// events written in the very transaction of its writes.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Prisma } from '@prisma/client';
import { auditEvents } from '../../../src/actions/audit/events.js';
import { importCohortSetup } from '../../../src/actions/cohorts/import-cohort-setup.js';
import { ImportRefused, type ImportProblem } from '../../../src/actions/imports/import-refused.js';
import { prismaTransaction } from '../../../src/actions/imports/import-transaction.js';
import { runImport } from '../../../src/actions/imports/run-import.js';
import { importGias } from '../../../src/actions/schools/import-gias.js';
import { importPupilPremium } from '../../../src/actions/schools/import-pupil-premium.js';
import { db } from '../../../src/db/client.js';
import { createCohort, createSchool, userContext } from '../../support/factories.js';

const admin = userContext('admin');
const policy = userContext('policy');

const GIAS_HEADER = 'URN,EstablishmentName,TypeOfEstablishment (code),EstablishmentStatus (code),DistrictAdministrative (code),Section41Approved (name),UKPRN,Postcode';
const COHORT_HEADER = 'start-year,registration-start-date,academic-year-start-date,automatic-assignment-period-end-date,payments-frozen-at,mentor-funding,detailed-evidence-types';

/** Each import given a file whose first row is good and whose second is not. */
const BAD_FILES = {
  gias: () => importGias(admin, { fileName: 'gias.csv', content: `${GIAS_HEADER}\n900001,New School,1,1,E09000007,Not applicable,,AB1 2CD\n900002,Another,1,9,E09000007,Not applicable,,AB1 2CD\n`, mode: 'apply' }),
  pupilPremium: () => importPupilPremium(policy, { startYear: 2025, fileName: 'pupil-premium.csv', content: 'URN,Pupil Premium Incentive,Sparsity Incentive\n900100,1,0\n900101,1,2\n', mode: 'apply' }),
  cohortSetup: () => importCohortSetup(policy, { files: { cohort: { name: 'cohorts.csv', content: `${COHORT_HEADER}\n2031,2031/05/10,2031/09/01,,,true,true\n2032,2032/05/10,not a date,,,true,true\n` } }, mode: 'apply' }),
};

async function written() {
  const [counts] = await db().$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM schools) AS schools, (SELECT count(*) FROM pupil_premiums) AS flags,
           (SELECT count(*) FROM cohorts) AS cohorts, (SELECT count(*) FROM audit_events) AS audits`;
  return counts;
}

/** The transaction that wrote a row (PostgreSQL's xmin), as text. */
const writer = async (sql: Prisma.Sql) => (await db().$queryRaw<{ xmin: string }[]>(sql)).map((row) => row.xmin);

beforeAll(async () => {
  await createCohort(2025);
  await createSchool({ urn: '900100' });
  await createSchool({ urn: '900101' });
});

describe('the import pipeline', () => {
  it('refuses every import the same way: its problems by file, line and column, and nothing of the good rows before them', async () => {
    const before = await written();
    const refusals: Record<string, ImportProblem[]> = {};
    for (const [name, run] of Object.entries(BAD_FILES)) {
      const error = await run().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ImportRefused);
      const refusal = error as ImportRefused;
      expect(refusal.code).toBe('INVALID_INPUT');
      expect(refusal.fieldErrors).toEqual(refusal.problems.map((p) => ({ field: `${p.file}, line ${p.line}, ${p.column}`, message: p.message })));
      expect(refusal.message).toMatch(/^\S+\.csv has 1 error, so nothing was imported\. Correct the file and upload it again\.$/);
      refusals[name] = refusal.problems;
    }
    expect(refusals).toEqual({
      gias: [{ file: 'gias.csv', line: 3, column: 'EstablishmentStatus (code)', message: 'The status code must be 1, 2, 3 or 4, not "9"' }],
      pupilPremium: [{ file: 'pupil-premium.csv', line: 3, column: 'Sparsity Incentive', message: 'Sparsity Incentive must be 1 or 0, not "2"' }],
      cohortSetup: [{ file: 'cohorts.csv', line: 3, column: 'academic-year-start-date', message: expect.any(String) }],
    });
    expect(await written()).toEqual(before);
  });

  it('writes nothing when a later row fails in the database, after earlier rows were written', async () => {
    const before = await written();
    const attempt = runImport(admin, 'apply', {
      lock: ['pipeline.test'],
      transaction: prismaTransaction(),
      read: (): string[] => ['900200', '900200'],
      stage: async (_tx, urns) => urns,
      compare: async () => ({ applied: false }),
      problems: () => [],
      async apply(tx, urns) {
        // The second row breaks the URN's uniqueness.
        for (const urn of urns) await tx.$executeRaw`INSERT INTO schools (id, urn, name, "updatedAt") VALUES (gen_random_uuid(), ${urn}, 'Twice', now())`;
      },
      audit: () => auditEvents.giasImported({ subjectId: 'test', after: { file: 'x', rows: 2, added: 2, closed: 0, changed: 0, unchanged: 0 }, reason: 'test' }),
    });
    await expect(attempt).rejects.toThrow();
    expect(await written()).toEqual(before);
  });

  it('writes each import’s audit events in the transaction of its writes', async () => {
    await importPupilPremium(policy, { startYear: 2025, fileName: 'pupil-premium.csv', content: 'URN,Pupil Premium Incentive,Sparsity Incentive\n900100,1,0\n900101,0,1\n', mode: 'apply' });
    const flags = await writer(Prisma.sql`SELECT p.xmin::text FROM pupil_premiums p JOIN schools s ON s.id = p."schoolId" WHERE s.urn IN ('900100', '900101')`);
    const flagEvents = await writer(Prisma.sql`SELECT xmin::text FROM audit_events WHERE action IN ('pupil_premium.imported', 'pupil_premium.flags_changed')`);
    expect(flags).toHaveLength(2);
    expect(flagEvents).toHaveLength(2);
    expect(new Set([...flags, ...flagEvents]).size).toBe(1);

    await importGias(admin, { fileName: 'gias.csv', content: `${GIAS_HEADER}\n900300,New School,1,1,E09000007,Not applicable,,AB1 2CD\n`, mode: 'apply' });
    const school = await writer(Prisma.sql`SELECT xmin::text FROM schools WHERE urn = '900300'`);
    const schoolEvents = await writer(Prisma.sql`SELECT xmin::text FROM audit_events WHERE action IN ('gias.imported', 'school.created_from_gias')`);
    expect(schoolEvents).toHaveLength(2);
    expect(new Set([...school, ...schoolEvents]).size).toBe(1);

    await importCohortSetup(policy, { files: { cohort: { name: 'cohorts.csv', content: `${COHORT_HEADER}\n2033,2033/05/10,2033/09/01,,,true,true\n` } }, mode: 'apply' });
    const cohort = await writer(Prisma.sql`SELECT xmin::text FROM cohorts WHERE "startYear" = 2033`);
    const cohortEvents = await writer(Prisma.sql`SELECT xmin::text FROM audit_events WHERE action IN ('cohort_setup.imported', 'cohort.created')`);
    expect(cohortEvents).toHaveLength(2);
    expect(new Set([...cohort, ...cohortEvents]).size).toBe(1);
  });
});
