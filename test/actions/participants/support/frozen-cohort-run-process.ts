// Starts a bulk frozen-cohort move run as a super user in a process of its own (DATABASE_URL from the
// environment), printing the run's request id, so a test can kill the process part way as a crash would.
import { startFrozenCohortMoveRun } from '../../../../src/actions/participants/frozen-cohort/start-frozen-cohort-move-run.js';
import { disconnectDb } from '../../../../src/db/client.js';

const [userId, email, ids] = process.argv.slice(2);
const { requestId, finished } = await startFrozenCohortMoveRun(
  { actor: { kind: 'user', id: userId, email, role: 'super_user' } },
  { participantProfileIds: JSON.parse(ids) as string[], reason: 'Moving the unfinished 2021 participants' },
);
console.log(`request ${requestId}`);
await finished;
await disconnectDb();
