// A statement's full calculation, read from the database: the engine its cohort uses, the payment
// breakdown and the contract information panel.
import { db, type Tx } from '../../db/client.js';
import { ecfContractInformation, ectMentorContractInformation, type ContractInformation } from './contract-information.js';
import { calculateEcfStatement, type EcfStatementResult } from './ecf-calculator.js';
import { calculateMentorStatement, type MentorStatementResult } from './mentor-calculator.js';
import { loadStatementInputs, type StatementDetails } from './statement-inputs.js';
import { ecfSummary, ectMentorSummary, type StatementSummary } from './statement-summary.js';

export type StatementCalculation = {
  statement: StatementDetails;
  summary: StatementSummary;
  contractInformation: ContractInformation;
} & (
  /** Cohorts without mentor funding: one engine over ECT and mentor declarations. */
  | { kind: 'ecf'; ecf: EcfStatementResult }
  /** Cohorts with mentor funding (2025+): the ECF maths on ECT declarations, and the mentor engine. */
  | { kind: 'ect_mentor'; ect: EcfStatementResult; mentor: MentorStatementResult }
);

export async function calculateStatement(statementId: string, client: Tx = db()): Promise<StatementCalculation> {
  const inputs = await loadStatementInputs(statementId, client);
  const { statement, contract } = inputs;
  if (inputs.kind === 'ecf') {
    const ecf = calculateEcfStatement(inputs.ecf);
    return { kind: 'ecf', statement, ecf, summary: ecfSummary(ecf), contractInformation: ecfContractInformation(statement.leadProviderName, contract) };
  }
  const ect = calculateEcfStatement(inputs.ect);
  const mentor = calculateMentorStatement(inputs.mentor);
  return {
    kind: 'ect_mentor',
    statement,
    ect,
    mentor,
    summary: ectMentorSummary(ect, mentor),
    contractInformation: ectMentorContractInformation(contract, inputs.mentorContract),
  };
}
