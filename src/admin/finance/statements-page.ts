// The finance "Statements" page: choose a lead provider, cohort and statement (landing on the current one),
// see the calculation, authorise for payment, manage adjustments and download the statement and its
// declarations. Everything goes through AdminJS's session-checked page API; rules live in src/actions.
import type { AdminPage, PageHandler } from 'adminjs';
import type { Response } from 'express';
import { requestAdjustment } from '../../actions/approvals/request-adjustment.js';
import { requestPaymentAuthorisation } from '../../actions/approvals/request-payment-authorisation.js';
import { isUuid } from '../../actions/partnerships/lenient-input.js';
import { removeFinanceAdjustment } from '../../actions/statements/remove-finance-adjustment.js';
import { db } from '../../db/client.js';
import { statementDeclarationsCsvFilename, writeStatementDeclarationsCsv } from '../../reports/statements/declarations-csv.js';
import { findFinanceParticipants } from '../../reports/statements/finance-participants.js';
import { CALENDAR_WARNING_NOTE, calendarWarnings } from '../../reports/statements/calendar-warnings.js';
import { currentStatement, listStatements } from '../../reports/statements/find-statements.js';
import { statementPaymentSeries } from '../../reports/statements/payment-series.js';
import { statementXlsxFilename, writeStatementXlsx } from '../../reports/statements/statement-xlsx.js';
import { actorFromAdmin } from '../actor.js';
import { Components } from '../components/index.js';
import { mayOpenPage } from '../page-access.js';
import { roleOf } from '../rbac.js';
import { runPageOperation, said, type OperationReply, type PageOperation } from '../pages/page-operations.js';
import { statementView } from './statement-view.js';

export const STATEMENTS_PAGE = 'statements';

interface PageRequest { method?: string; query?: Record<string, string | undefined>; payload?: Record<string, string | undefined> }

async function download(kind: string, statementId: string, response: Response): Promise<void> {
  response.set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  if (kind === 'csv') {
    response.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${await statementDeclarationsCsvFilename(statementId)}"` });
    await writeStatementDeclarationsCsv(statementId, response);
    return;
  }
  const { calculateStatement } = await import('../../reports/statements/calculate-statement.js');
  const filename = statementXlsxFilename(await calculateStatement(statementId));
  response.set({
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Content-Disposition': `attachment; filename="${filename}"`,
  });
  await writeStatementXlsx(statementId, response);
  response.end();
}

type Ctx = ReturnType<typeof actorFromAdmin>;
type Form = Record<string, string | undefined>;
const AWAITS_APPROVAL = 'it takes effect when another finance or super user approves it on the Approvals page.';

const OPERATIONS: Record<string, PageOperation<Ctx, Form, OperationReply>> = {
  async authorise(ctx, p) {
    await requestPaymentAuthorisation(ctx, { statementId: p.statementId, checksDone: p.checksDone });
    return said(`Authorisation requested: ${AWAITS_APPROVAL}`);
  },
  async addAdjustment(ctx, p) {
    const outcome = await requestAdjustment(ctx, { statementId: p.statementId, paymentType: p.paymentType, amount: p.amount });
    return said(outcome.status === 'applied' ? 'Adjustment added.' : `Adjustment requested: ${AWAITS_APPROVAL}`);
  },
  async changeAdjustment(ctx, p) {
    const outcome = await requestAdjustment(ctx, { adjustmentId: p.adjustmentId, paymentType: p.paymentType, amount: p.amount });
    return said(outcome.status === 'applied' ? 'Adjustment changed.' : `Adjustment requested: ${AWAITS_APPROVAL}`);
  },
  async removeAdjustment(ctx, p) {
    await removeFinanceAdjustment(ctx, { adjustmentId: p.adjustmentId });
    return said('Adjustment removed.');
  },
};

const handler: PageHandler = async (req, res, context) => {
  const request = req as PageRequest;
  const response = res as Response;
  const role = roleOf(context.currentAdmin);
  if (!mayOpenPage(role, STATEMENTS_PAGE)) return { forbidden: true };
  const ctx = actorFromAdmin(context.currentAdmin);
  const query = request.query ?? {};
  if (query.download && query.statement) {
    await download(query.download, query.statement, response);
    return undefined;
  }
  if (query.chart && query.leadProvider && query.cohort) {
    return { chart: await statementPaymentSeries(query.leadProvider, Number(query.cohort)) };
  }
  if (query.participantSearch !== undefined) return { participants: await findFinanceParticipants(query.participantSearch) };
  const payload = request.payload ?? {};
  const { notice } = request.method === 'post' ? await runPageOperation(OPERATIONS, payload.op, ctx, payload) : { notice: undefined };
  const selectedId = request.payload?.statementId ?? query.statement;

  const leadProviders = await db().cpdLeadProvider.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
  const cohorts = (await db().cohort.findMany({ where: { startYear: { gte: 2021 } }, orderBy: { startYear: 'asc' }, select: { startYear: true } })).map((c) => c.startYear);
  // An id that is not one (a mistyped link) chooses nothing, as an unknown one does.
  const chosenStatement = selectedId && isUuid(selectedId) ? await db().statement.findUnique({ where: { id: selectedId }, include: { cohort: true } }) : null;
  const leadProviderId = chosenStatement?.cpdLeadProviderId ?? query.leadProvider ?? leadProviders[0]?.id;
  const cohort = chosenStatement?.cohort.startYear ?? (query.cohort ? Number(query.cohort) : undefined);
  const statements = leadProviderId ? await listStatements(leadProviderId, cohort) : [];
  const statementId = chosenStatement?.id ?? currentStatement(statements)?.id;
  return {
    leadProviders,
    cohorts,
    selection: { leadProviderId, cohort: cohort ?? null, statementId: statementId ?? null },
    statements,
    calendarWarnings: statements.flatMap(calendarWarnings),
    calendarWarningNote: CALENDAR_WARNING_NOTE,
    view: statementId ? await statementView(ctx, statementId) : null,
    notice,
  };
};

export const statementsPage: AdminPage = { component: Components.FinanceStatements, icon: 'DollarSign', handler };
