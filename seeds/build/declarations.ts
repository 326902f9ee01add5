// Declarations for the milestones participants reached, as their lead providers would have sent them:
// each on the next output-fee statement after it was submitted and in the state that statement gives it
// (open -> eligible, payable -> payable, paid -> paid), with its full state history. Some are voided,
// some clawed back on a later statement, duplicates are ineligible, and unchecked participants' stay submitted.
import type { DeclarationState, DeclarationType, LineItemState, ParticipantType, Prisma } from '@prisma/client';
import { addDays, addHours, earliest, latest } from '../lib/dates.js';
import { Random, stableId } from '../lib/random.js';
import type { ParticipantPlan, Step } from './participants.js';
import { nextOutputFeeStatement, statementKey, type StatementInfo, type Statements } from './statements.js';

export interface Declarations {
  rows: {
    declarations: Prisma.DeclarationCreateManyInput[];
    declarationStateChanges: Prisma.DeclarationStateChangeCreateManyInput[];
    statementLineItems: Prisma.StatementLineItemCreateManyInput[];
  };
}

const STATE_ON_STATEMENT: Record<StatementInfo['state'], 'eligible' | 'payable' | 'paid'> = { open: 'eligible', payable: 'payable', paid: 'paid' };
const GENERAL_EVIDENCE = ['training-event-attended', 'self-study-material-completed', 'other'];
const ENGAGEMENT_EVIDENCE = ['75-percent-engagement-met', '75-percent-engagement-met-reduced-induction'];

/** Evidence as the API demands it (ecf-domain 8.5): detailed types from 2025, none for a pre-2025 start. */
function evidenceFor(type: ParticipantType, declarationType: DeclarationType, detailed: boolean, random: Random): string | null {
  if (!detailed) return declarationType === 'started' ? null : random.pick(GENERAL_EVIDENCE);
  if (declarationType === 'started' && random.chance(0.5)) return null;
  if (type === 'mentor') return declarationType === 'completed' ? random.pick(ENGAGEMENT_EVIDENCE) : random.pick([...GENERAL_EVIDENCE, 'materials-engaged-with-offline']);
  if (declarationType === 'retained_2') return random.pick(ENGAGEMENT_EVIDENCE);
  if (declarationType === 'completed') return random.pick([...ENGAGEMENT_EVIDENCE, 'one-term-induction']);
  return random.pick([...GENERAL_EVIDENCE, 'materials-engaged-with-offline']);
}

class DeclarationBuilder {
  readonly result: Declarations = { rows: { declarations: [], declarationStateChanges: [], statementLineItems: [] } };

  constructor(
    private readonly today: Date,
    private readonly statements: Statements,
    private readonly financeUserId: string,
  ) {}

  add(plan: ParticipantPlan): void {
    const random = new Random(`declarations:${plan.profileId}`);
    for (const step of plan.steps) {
      const partnership = step.period.programme.partnership;
      if (!partnership) continue; // school-led training: no provider declares it
      const statements = this.statements.byProviderAndYear.get(statementKey(partnership.leadProvider.cpdLeadProviderId, step.period.cohort.startYear)) ?? [];
      const declarationDate = addHours(step.date, random.int(8, 18));
      this.declare(plan, step, statements, { declarationDate, submittedFrom: declarationDate, variant: 'original' }, random);
    }
  }

  private declare(
    plan: ParticipantPlan,
    step: Step,
    statements: StatementInfo[],
    { declarationDate, submittedFrom, variant }: { declarationDate: Date; submittedFrom: Date; variant: 'original' | 'resubmitted' },
    random: Random,
  ): void {
    const submittedAt = earliest(addHours(submittedFrom, random.int(0, 240)), this.today);
    const statement = nextOutputFeeStatement(statements, submittedAt);
    if (!statement) return; // the contract had ended: the API refuses it
    const id = stableId('declaration', plan.profileId, step.type, variant);
    const history: [DeclarationState, Date, string?][] = [['submitted', submittedAt]];
    const lineItems: [StatementInfo, LineItemState][] = [];
    let voidedAt: Date | null = null;
    let voidedByUserId: string | null = null;
    const roll = random.next();

    if (plan.funding === 'unchecked') {
      if (roll < 0.05) {
        voidedAt = earliest(addDays(submittedAt, random.int(1, 20)), this.today);
        history.push(['voided', voidedAt]);
      }
    } else if (plan.funding === 'duplicate') {
      history.push(['ineligible', addHours(submittedAt, 0.001), 'duplicate']);
      lineItems.push([statement, 'ineligible']);
    } else {
      const reached = STATE_ON_STATEMENT[statement.state];
      const paidAt = statement.markedAsPaidAt ?? statement.paymentDate;
      const eligibleAt = addHours(submittedAt, 0.001);
      // The nightly job marks it payable after the deadline (a few deadlines in statements.csv fall after the payment date).
      const payableAt = latest(earliest(addHours(addDays(statement.deadlineDate, 1), 2), addHours(paidAt, -1)), addHours(eligibleAt, 0.001));
      const progress: [DeclarationState, Date][] = [['eligible', eligibleAt]];
      if (reached !== 'eligible') progress.push(['payable', payableAt]);
      if (reached === 'paid') progress.push(['paid', paidAt]);
      const voidedEarly = roll < 0.03 ? earliest(addDays(submittedAt, random.int(1, 20)), this.today) : null;

      if (voidedEarly && voidedEarly > progress[0][1] && (voidedEarly < payableAt || reached === 'payable')) {
        // Voided before payment: the provider (or finance) withdrew it, and usually sent it again.
        voidedAt = voidedEarly;
        history.push(...progress.filter(([, at]) => at < voidedEarly), ['voided', voidedEarly]);
        lineItems.push([statement, 'voided']);
        voidedByUserId = random.chance(0.3) ? this.financeUserId : null;
        if (variant === 'original' && random.chance(0.6) && voidedEarly < this.today) {
          this.declare(plan, step, statements, { declarationDate, submittedFrom: addHours(voidedEarly, random.int(1, 72)), variant: 'resubmitted' }, random);
        }
      } else if (reached === 'paid' && roll > 0.985) {
        // Voided after payment: clawed back on the next output-fee statement.
        const voidedLate = latest(earliest(addDays(statement.paymentDate, random.int(5, 150)), this.today), addHours(paidAt, 1));
        const refund = nextOutputFeeStatement(statements, voidedLate);
        history.push(...progress);
        lineItems.push([statement, 'paid']);
        if (refund && refund !== statement) {
          voidedAt = voidedLate;
          history.push(['awaiting_clawback', voidedLate]);
          const clawedBack = refund.state === 'paid';
          if (clawedBack) history.push(['clawed_back', latest(refund.markedAsPaidAt ?? refund.paymentDate, addHours(voidedLate, 1))]);
          lineItems.push([refund, clawedBack ? 'clawed_back' : 'awaiting_clawback']);
          voidedByUserId = random.chance(0.4) ? this.financeUserId : null;
        }
      } else {
        history.push(...progress);
        lineItems.push([statement, reached]);
      }
    }

    const [state, updatedAt] = history[history.length - 1];
    this.result.rows.declarations.push({
      id,
      type: plan.type,
      participantProfileId: plan.profileId,
      teacherId: plan.teacherId,
      cpdLeadProviderId: step.period.programme.partnership!.leadProvider.cpdLeadProviderId,
      cohortId: step.period.cohort.id,
      deliveryPartnerId: step.period.programme.partnership!.deliveryPartner.id,
      mentorTeacherId: plan.type === 'ect' ? plan.mentorTeacherId : null,
      declarationType: step.type,
      declarationDate,
      courseIdentifier: plan.type === 'ect' ? 'ecf_induction' : 'ecf_mentor',
      evidenceHeld: evidenceFor(plan.type, step.type, step.period.cohort.detailedEvidenceTypes, random),
      state,
      pupilPremiumUplift: plan.pupilPremiumUplift,
      sparsityUplift: plan.sparsityUplift,
      voidedAt,
      voidedByUserId,
      createdAt: submittedAt,
      updatedAt,
    });
    history.forEach(([historyState, createdAt, stateReason], index) => {
      this.result.rows.declarationStateChanges.push({ id: stableId('declaration-state', id, index), declarationId: id, state: historyState, stateReason: stateReason ?? null, createdAt });
    });
    lineItems.forEach(([lineStatement, lineState], index) => {
      this.result.rows.statementLineItems.push({
        id: stableId('statement-line-item', id, index),
        statementId: lineStatement.id,
        declarationId: id,
        state: lineState,
        createdAt: index === 0 ? submittedAt : voidedAt ?? submittedAt,
        updatedAt,
      });
    });
  }
}

export function buildDeclarations(today: Date, plans: ParticipantPlan[], statements: Statements, financeUserId: string): Declarations {
  const builder = new DeclarationBuilder(today, statements, financeUserId);
  for (const plan of plans) builder.add(plan);
  return builder.result;
}
