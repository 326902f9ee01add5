// Finance's dashboard charts statement totals from stored calculations. In a live service the statements
// job and payment authorisation store them as months go by; the demo stores one for every statement paid
// in the chart's months, so the chart is meaningful from the first start.
import { storeStatementSnapshot } from '../src/actions/jobs/store-statement-snapshot.js';
import { db } from '../src/db/client.js';
import { statementTotalsWindow } from '../src/reports/dashboard/dashboard-charts.js';
import { calculateStatement } from '../src/reports/statements/calculate-statement.js';

const IN_PARALLEL = 4;

export async function snapshotChartedStatements(today: Date): Promise<number> {
  const { from, to } = statementTotalsWindow(today);
  const statements = await db().statement.findMany({ where: { paymentDate: { gte: from, lt: to } }, select: { id: true }, orderBy: { paymentDate: 'asc' } });
  let next = 0;
  await Promise.all(Array.from({ length: IN_PARALLEL }, async () => {
    while (next < statements.length) {
      const { id } = statements[next++];
      await storeStatementSnapshot(await calculateStatement(id));
    }
  }));
  return statements.length;
}
