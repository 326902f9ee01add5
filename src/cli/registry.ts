import type { CliCommand } from './command.js';
import { apiTokensCreate } from './commands/api-tokens-create.js';
import { cohortsImport } from './commands/cohorts-import.js';
import { dbMigrate } from './commands/db-migrate.js';
import { dbReset } from './commands/db-reset.js';
import { dbSeed } from './commands/db-seed.js';
import { declarationsExport } from './commands/declarations-export.js';
import { jobsRun } from './commands/jobs-run.js';
import { maintenanceOff, maintenanceOn } from './commands/maintenance.js';
import { participantsChangeCohort } from './commands/participants-change-cohort.js';
import { participantsMoveFromFrozenCohort } from './commands/participants-move-from-frozen-cohort.js';
import { partnershipsChallenge } from './commands/partnerships-challenge.js';
import { pupilPremiumImport } from './commands/pupil-premium-import.js';
import { schoolsImportGias } from './commands/schools-import-gias.js';
import { approvalsApprove, approvalsReject } from './commands/approvals-decide.js';
import { statementsAuthorise } from './commands/statements-authorise.js';
import { statementsCalculate } from './commands/statements-calculate.js';
import { statementsExport } from './commands/statements-export.js';
import { statementsMarkPayable } from './commands/statements-mark-payable.js';
import { trnChecksPoll } from './commands/trn-checks-poll.js';
import { statementsShow } from './commands/statements-show.js';
import { usersCreate } from './commands/users-create.js';

export const commands: CliCommand[] = [
  dbMigrate,
  dbSeed,
  dbReset,
  usersCreate,
  apiTokensCreate,
  jobsRun,
  declarationsExport,
  maintenanceOn,
  maintenanceOff,
  trnChecksPoll,
  cohortsImport,
  pupilPremiumImport,
  schoolsImportGias,
  participantsMoveFromFrozenCohort,
  participantsChangeCohort,
  partnershipsChallenge,
  statementsShow,
  statementsCalculate,
  statementsMarkPayable,
  statementsExport,
  statementsAuthorise,
  approvalsApprove,
  approvalsReject,
];
