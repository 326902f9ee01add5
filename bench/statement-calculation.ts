// One statement over 100,000 declarations calculated as the Statements page and statements:show do it
// (the statement, its contract and bands, one SQL aggregate of its line items and those of the earlier
// statements, then the calculator), against `SELECT count(*)` over the same line items joined to their
// declarations, in the same run. The statement holds 100,002 line items (started, retained-1..3; every
// 40th awaiting clawback) after an earlier statement of 33,334 started declarations that fill bands.
// Ours and the baseline alternate after a warm-up; medians are compared. Target: under 200 ms.
//   npx tsx bench/statement-calculation.ts   (BENCH_STATEMENT_PG_PORT, default 54513; BENCH_DATABASE=name keeps
//   the generated database and reuses it on the next run)
import { db } from '../src/db/client.js';
import { calculateStatement } from '../src/reports/statements/calculate-statement.js';
import { generateDeclarationData } from './declarations-data.js';
import { median, runWhenMain, timed, withBenchDatabase, type BenchResult } from './support.js';

const NAME = 'statement-calculation (one statement, 100,002 declarations)';
const TARGET_MS = 200;
const ROUNDS = 9;
const PARTICIPANTS = 33_334;

export async function run(): Promise<BenchResult> {
  const port = Number(process.env.BENCH_STATEMENT_PG_PORT ?? 54513);
  let prepared: { statementId: string; lineItems: number } | undefined;
  return withBenchDatabase({ port, keep: process.env.BENCH_DATABASE, prepare: async () => { prepared = await prepare(); } }, async () => {
    const { statementId, lineItems } = prepared ?? (await findPrepared());
    const calculate = async () => {
      const calculation = await calculateStatement(statementId);
      if (calculation.kind !== 'ecf' || calculation.ecf.outputFee.isZero()) throw new Error('The statement was not calculated');
    };
    const count = async () => {
      const [{ n }] = await db().$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM statement_line_items li JOIN declarations d ON d.id = li."declarationId"`;
      if (n !== lineItems + PARTICIPANTS) throw new Error(`Counted ${n} line items, not ${lineItems + PARTICIPANTS}`);
    };
    await calculate();
    await count();
    const ours: number[] = [];
    const baselines: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(await timed(calculate));
      baselines.push(await timed(count));
    }
    const oursMs = Math.round(median(ours));
    const baselineMs = Math.round(median(baselines));
    return {
      name: NAME,
      ours_ms: oursMs,
      baseline_ms: baselineMs,
      ratio: Math.round((oursMs / Math.max(baselineMs, 1)) * 100) / 100,
      target: `< ${TARGET_MS} ms`,
      pass: oursMs < TARGET_MS,
      detail: `${lineItems} line items on the statement, ${PARTICIPANTS} on the earlier one`,
    };
  });
}

/** The generated data's four statements folded into two: the first keeps its started declarations, the last gets the rest. */
async function prepare(): Promise<{ statementId: string; lineItems: number }> {
  const data = await generateDeclarationData({ tag: 'statement-calc', participants: PARTICIPANTS });
  const [first, ...later] = data.statementIds;
  const statementId = later.at(-1)!;
  await db().$executeRaw`UPDATE statements SET state = 'paid' WHERE id = ${first}::uuid`;
  await db().$executeRaw`UPDATE statement_line_items SET state = 'paid' WHERE "statementId" = ${first}::uuid`;
  const lineItems = await db().$executeRaw`
    UPDATE statement_line_items
    SET "statementId" = ${statementId}::uuid,
        state = CASE WHEN ('x' || substr(md5(id::text), 1, 8))::bit(32)::int % 40 = 0 THEN 'awaiting_clawback'::"LineItemState" ELSE state END
    WHERE "statementId" <> ${first}::uuid`;
  const leadProvider = await db().leadProvider.findFirstOrThrow({ where: { cpdLeadProviderId: data.cpdLeadProviderId } });
  await db().callOffContract.create({
    data: {
      leadProviderId: leadProvider.id,
      cohortId: data.cohortId,
      recruitmentTarget: 60_000,
      setUpFee: '149651',
      upliftTarget: '0.33',
      upliftAmount: '100',
      bands: { create: [{ min: null, max: 20_000, perParticipant: '995' }, { min: 20_001, max: 40_000, perParticipant: '979' }, { min: 40_001, max: 60_000, perParticipant: '966' }] },
    },
  });
  await db().$executeRawUnsafe('ANALYZE');
  return { statementId, lineItems };
}

/** The statement of a kept database (BENCH_DATABASE) prepared by an earlier run. */
async function findPrepared(): Promise<{ statementId: string; lineItems: number }> {
  const [row] = await db().$queryRaw<{ statementId: string; lineItems: number }[]>`
    SELECT "statementId"::text AS "statementId", count(*)::int AS "lineItems" FROM statement_line_items GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
  return row;
}

await runWhenMain(import.meta, run);
