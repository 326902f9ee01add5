// Nightly: statements past their milestone cut off date become payable (the finance action), then
// every open statement, and each one just made payable, is recalculated and stored as a snapshot when
// its result changed. A statement that cannot be calculated (no contract yet) is listed, not fatal.
import { systemContext } from '../actions/actor.js';
import { asActionError } from '../actions/errors.js';
import { storeStatementSnapshot } from '../actions/jobs/store-statement-snapshot.js';
import { markStatementsPayable, type StatementMadePayable } from '../actions/statements/mark-statements-payable.js';
import { db } from '../db/client.js';
import { calculateStatement } from '../reports/statements/calculate-statement.js';
import { NoArgs, type ScheduledJob } from './scheduled-job.js';

type StatementsJobOutput = {
  madePayable: StatementMadePayable[];
  calculated: number;
  snapshotsStored: number;
  unchanged: number;
  notCalculated: { statementId: string; message: string }[];
};

export const statementsJob: ScheduledJob<NoArgs> = {
  name: 'statements',
  label: 'Statements',
  description: 'Makes statements past their milestone cut off date payable, then recalculates open statements and keeps a snapshot of each change.',
  schedule: { env: 'JOB_STATEMENTS_CRON', default: '15 2 * * *' },
  args: NoArgs,
  summarise: (output) => {
    const { madePayable, calculated, snapshotsStored, notCalculated } = output as StatementsJobOutput;
    const problems = notCalculated.length ? `; ${notCalculated.length} could not be calculated (${notCalculated[0].message})` : '';
    return `${madePayable.length} made payable, ${calculated} calculated, ${snapshotsStored} changed (snapshot stored)${problems}`;
  },
  async run({ progress, signal }) {
    const { statements: madePayable } = await markStatementsPayable(systemContext('statements job'), {});
    const open = await db().statement.findMany({ where: { state: 'open' }, select: { id: true }, orderBy: [{ deadlineDate: 'asc' }, { id: 'asc' }] });
    const ids = [...madePayable.map((s) => s.id), ...open.map((s) => s.id)];
    await progress.setTotal(ids.length);

    let snapshotsStored = 0;
    const notCalculated: StatementsJobOutput['notCalculated'] = [];
    for (const id of ids) {
      signal.throwIfAborted();
      try {
        if (await storeStatementSnapshot(await calculateStatement(id))) snapshotsStored++;
      } catch (error) {
        const refusal = asActionError(error);
        if (!refusal) throw error;
        notCalculated.push({ statementId: id, message: refusal.message });
      }
      await progress.advance();
    }
    const output: StatementsJobOutput = {
      madePayable,
      calculated: ids.length - notCalculated.length,
      snapshotsStored,
      unchanged: ids.length - notCalculated.length - snapshotsStored,
      notCalculated,
    };
    return output;
  },
};
