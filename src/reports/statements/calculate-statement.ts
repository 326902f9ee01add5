// A statement's full calculation, read from the database: the engine its cohort uses (exact figures),
// the statement as presented (to the penny, reconciled), the payment breakdown and the contract
// information panel.
import { db, type Tx } from '../../db/client.js';
import { ecfContractInformation, ectMentorContractInformation, type ContractInformation } from './contract-information.js';
import { calculateEcfStatement, type EcfStatementResult } from './ecf-calculator.js';
import { calculateMentorStatement, type MentorStatementResult } from './mentor-calculator.js';
import { presentStatement, type PresentedStatement } from './presented-statement.js';
import { loadStatementInputs, type StatementDetails } from './statement-inputs.js';
import { ECF_STATEMENT_TITLE, ECT_MENTOR_STATEMENT_TITLE, statementSummary, type StatementSummary } from './statement-summary.js';

type Engines =
  /** Cohorts without mentor funding: one engine over ECT and mentor declarations. */
  | { kind: 'ecf'; ecf: EcfStatementResult }
  /** Cohorts with mentor funding (2025+): the ECF maths on ECT declarations, and the mentor engine. */
  | { kind: 'ect_mentor'; ect: EcfStatementResult; mentor: MentorStatementResult };

export type StatementCalculation = {
  statement: StatementDetails;
  /** What every output shows: lines to the penny, totals their sums. */
  presented: PresentedStatement;
  summary: StatementSummary;
  contractInformation: ContractInformation;
} & Engines;

export async function calculateStatement(statementId: string, client: Tx = db()): Promise<StatementCalculation> {
  const inputs = await loadStatementInputs(statementId, client);
  const { statement, contract } = inputs;
  const engines: Engines & { summary: { title: string } } = inputs.kind === 'ecf'
    ? { kind: 'ecf', ecf: calculateEcfStatement(inputs.ecf), summary: { title: ECF_STATEMENT_TITLE } }
    : { kind: 'ect_mentor', ect: calculateEcfStatement(inputs.ect), mentor: calculateMentorStatement(inputs.mentor), summary: { title: ECT_MENTOR_STATEMENT_TITLE } };
  const contractInformation = inputs.kind === 'ecf'
    ? ecfContractInformation(statement.leadProviderName, contract)
    : ectMentorContractInformation(contract, inputs.mentorContract);
  const presented = presentStatement({ ...engines, statement });
  return { ...engines, statement, presented, summary: statementSummary(presented), contractInformation };
}
