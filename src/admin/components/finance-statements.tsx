// Finance statements: choose provider, cohort and statement; see the payment breakdown; authorise; adjust; download.
import React, { useCallback, useEffect, useState } from 'react';
import { ApiClient, useNotice } from 'adminjs';
import { Box, Button, CheckBox, FormGroup, H2, H3, H5, Input, Label, MessageBox, Select, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { CheckYourAnswers, type CheckYourAnswersProps } from './check-your-answers.js';
import FinanceParticipantSearch from './finance-participant-search.js';
import FinancePaymentsChart from './finance-payments-chart.js';
import { formatDate } from '../human-dates.js';

type Pair = [string, string];
interface LineTable { heading: string; columns: string[]; rows: string[][]; total: Pair }
interface View {
  id: string; title: string; name: string; leadProvider: string; cohort: number; state: string;
  dates: Pair[]; warnings: string[]; summary: Pair[]; total: string;
  parts: { outputs: LineTable; uplifts: LineTable | null; clawbacks: LineTable; counts: Pair[] }[];
  contract: { heading: string; sections: { heading: string; rows: Pair[] }[]; bands: string[][] };
  adjustments: { id: string; name: string; amount: string }[];
  signOff: string[]; pendingRequests: string[];
  permissions: { authorisePayment: { allowed: boolean; reason: string | null }; adjust: { allowed: boolean; reason: string | null }; authorisedTag: string | null };
}
interface Data {
  forbidden?: boolean;
  leadProviders: { id: string; name: string }[];
  cohorts: number[];
  selection: { leadProviderId?: string; cohort: number | null; statementId: string | null };
  statements: { id: string; name: string; cohortStartYear: number; state: string; paymentDate: string }[];
  calendarWarnings: string[];
  calendarWarningNote: string;
  view: View | null;
  notice?: { message: string; type: 'success' | 'error' };
}

const api = new ApiClient();
const PAGE = 'statements';

function Lines({ table, testId }: { table: LineTable; testId: string }) {
  return (
    <Box mb="xl" data-testid={testId}>
      <H5>{table.heading}</H5>
      {table.rows.length === 0 ? <Text mb="default">None.</Text> : (
        <Table mb="default"><TableHead><TableRow>{table.columns.map((c) => <TableCell key={c}>{c}</TableCell>)}</TableRow></TableHead>
          <TableBody>{table.rows.map((r, i) => <TableRow key={i}>{r.map((c, j) => <TableCell key={j} style={j >= r.length - 3 ? { textAlign: 'right' } : undefined}>{c}</TableCell>)}</TableRow>)}</TableBody></Table>
      )}
      <Pairs rows={[table.total]} />
    </Box>
  );
}

function Pairs({ rows }: { rows: Pair[] }) {
  return (
    <Table mb="lg"><TableBody>
      {rows.map(([label, value]) => <TableRow key={label}><TableCell>{label}</TableCell><TableCell style={{ textAlign: 'right' }}>{value}</TableCell></TableRow>)}
    </TableBody></Table>
  );
}

const FinanceStatements: React.FC = () => {
  const [data, setData] = useState<Data | null>(null);
  const [checksDone, setChecksDone] = useState(false);
  const [adjustment, setAdjustment] = useState({ paymentType: '', amount: '' });
  const [editing, setEditing] = useState<{ adjustmentId: string; paymentType: string; amount: string } | null>(null);
  /** A change to the money waiting at its check-your-answers step, with what to send on confirming. */
  type Check = Pick<CheckYourAnswersProps, 'title' | 'answers' | 'consequences' | 'confirmLabel'> & { payload: Record<string, string> };
  const [check, setCheck] = useState<Check | null>(null);
  const [busy, setBusy] = useState(false);
  const addNotice = useNotice();

  const load = useCallback(async (params: Record<string, string>) => {
    const query = new URLSearchParams(params).toString();
    const response = await api.getPage({ pageName: PAGE, params: Object.fromEntries(new URLSearchParams(query)) });
    setData(response.data as Data);
  }, []);

  useEffect(() => {
    const statement = new URLSearchParams(window.location.search).get('statement');
    void load(statement ? { statement } : {});
  }, [load]);

  const post = async (payload: Record<string, string>) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(payload)) body.append(k, v);
    const response = await api.getPage({ pageName: PAGE, method: 'post', data: body });
    const next = response.data as Data;
    if (next.notice) addNotice(next.notice);
    if (next.notice?.type === 'success') {
      setEditing(null);
      setAdjustment({ paymentType: '', amount: '' });
    }
    setData(next);
  };

  const confirmCheck = async () => {
    if (!check) return;
    setBusy(true);
    try { await post(check.payload); } finally { setBusy(false); setCheck(null); }
  };

  if (!data) return <Box p="xl"><Text>Loading…</Text></Box>;
  if (data.forbidden) return <Box p="xl"><MessageBox variant="danger" message="Statements are for finance users." /></Box>;
  const view = data.view;
  const statementAnswers = (): [string, string][] => (view ? [['Statement', `${view.leadProvider}: ${view.name} (${view.cohort} cohort)`]] : []);
  const SECOND_USER = 'It takes effect when another finance or super user approves it on the Approvals page.';
  const ADJUSTMENT_APPROVAL = 'Unless it is small enough to apply at once, it takes effect when another finance or super user approves it on the Approvals page.';
  const option = (value: string, label: string) => ({ value, label });
  const lpOptions = data.leadProviders.map((lp) => option(lp.id, lp.name));
  const cohortOptions = [option('', 'All cohorts'), ...data.cohorts.map((c) => option(String(c), `${c} to ${c + 1}`))];
  const statementOptions = data.statements.map((s) => option(s.id, `${s.name} (${s.cohortStartYear}, ${s.state}, payment ${formatDate(s.paymentDate)})`));
  const base = `${window.location.pathname.replace(/\/pages\/.*$/, '')}/api/pages/${PAGE}`;

  return (
    <Box p="xl">
      <H2>Statement payments</H2>
      <FinanceParticipantSearch page={PAGE} onOpenStatement={(id) => void load({ statement: id })} />
      <Box flex flexDirection="row" mb="xl">
        <Box width={320} mr="lg">
          <Label htmlFor="statement-lead-provider">Lead provider</Label>
          <Select inputId="statement-lead-provider" value={lpOptions.find((o) => o.value === data.selection.leadProviderId)} options={lpOptions}
            onChange={(o: { value: string } | null) => o && load({ leadProvider: o.value })} />
        </Box>
        <Box width={200} mr="lg">
          <Label htmlFor="statement-cohort">Cohort</Label>
          <Select inputId="statement-cohort" value={cohortOptions.find((o) => o.value === String(data.selection.cohort ?? ''))} options={cohortOptions}
            onChange={(o: { value: string } | null) => o && load({ leadProvider: data.selection.leadProviderId ?? '', ...(o.value ? { cohort: o.value } : {}) })} />
        </Box>
        <Box width={360}>
          <Label htmlFor="statement-choice">Statement</Label>
          <Select inputId="statement-choice" value={statementOptions.find((o) => o.value === data.selection.statementId)} options={statementOptions}
            onChange={(o: { value: string } | null) => o && load({ statement: o.value })} />
        </Box>
      </Box>
      {data.calendarWarnings.length ? (
        <Box mb="xl" data-testid="calendar-warnings">
          <MessageBox variant="warning" message={`The statement calendar has ${data.calendarWarnings.length} date(s) that do not look right. ${data.calendarWarningNote}`} mb="default" />
          <details><summary><Text as="span">Show them</Text></summary>
            <ul>{data.calendarWarnings.map((w) => <li key={w}><Text>{w}</Text></li>)}</ul>
          </details>
        </Box>
      ) : null}
      {!view ? <Text>No statements for this choice.</Text> : check ? (
        <Box variant="white" p="xl" data-testid="statement-check">
          <CheckYourAnswers {...check} busy={busy} danger onConfirm={() => void confirmCheck()} onBack={() => setCheck(null)} />
        </Box>
      ) : (
        <Box variant="white" p="xl" data-testid="statement">
          <Text>{view.title}</Text>
          <H3>{view.leadProvider}: {view.name} ({view.cohort} cohort)</H3>
          {view.permissions.authorisedTag ? <MessageBox variant="success" message={view.permissions.authorisedTag} mb="lg" /> : null}
          {view.signOff.length ? (
            <Box mb="lg" data-testid="sign-off"><H5>Sign-off</H5>{view.signOff.map((line) => <Text key={line}>{line}</Text>)}</Box>
          ) : null}
          {view.pendingRequests.length ? (
            <Box mb="lg" data-testid="pending-requests">
              <MessageBox variant="info" message="Waiting for a second finance or super user (Approvals page):" mb="default" />
              {view.pendingRequests.map((line) => <Text key={line}>{line}</Text>)}
            </Box>
          ) : null}
          <Pairs rows={view.dates} />
          {view.warnings.map((w) => <MessageBox key={w} variant="warning" message={w} mb="lg" />)}
          <H5>Payment breakdown</H5>
          <Pairs rows={view.summary} />
          <H3 data-testid="statement-total">Total {view.total}</H3>
          <Box mt="lg" mb="xl">
            <a href={`${base}?download=xlsx&statement=${view.id}`}>Download statement (xlsx)</a>{'  ·  '}
            <a href={`${base}?download=csv&statement=${view.id}`}>Download declarations (csv)</a>
          </Box>
          {view.parts.map((part, index) => (
            <Box key={part.outputs.heading}>
              <Lines table={part.outputs} testId={`output-lines-${index}`} />
              {part.uplifts ? <Lines table={part.uplifts} testId={`uplift-lines-${index}`} /> : null}
              <Lines table={part.clawbacks} testId={`clawback-lines-${index}`} />
              <Box data-testid={`counts-${index}`}><Pairs rows={part.counts} /></Box>
            </Box>
          ))}

          <H5>Additional adjustments</H5>
          {view.adjustments.length === 0 ? <Text mb="lg">None.</Text> : (
            <Table mb="lg"><TableBody>{view.adjustments.map((a) => editing?.adjustmentId === a.id ? (
              <TableRow key={a.id}>
                <TableCell><Input aria-label="Adjustment name" width={1} value={editing.paymentType} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setEditing({ ...editing, paymentType: e.target.value })} /></TableCell>
                <TableCell><Input aria-label="Adjustment amount" width={1} value={editing.amount} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setEditing({ ...editing, amount: e.target.value })} /></TableCell>
                <TableCell>
                  <Button size="sm" mr="default" onClick={() => setCheck({
                    title: 'Check your answers: change an adjustment', confirmLabel: 'Change adjustment',
                    answers: [...statementAnswers(), ['Was', `${a.name}, ${a.amount}`], ['Name', editing.paymentType || 'Not given'], ['Amount', editing.amount ? `£${editing.amount}` : 'Not given']],
                    consequences: [`The statement's total changes by the difference. ${ADJUSTMENT_APPROVAL}`],
                    payload: { op: 'changeAdjustment', statementId: view.id, ...editing },
                  })}>Save</Button>
                  <Button size="sm" variant="text" onClick={() => setEditing(null)}>Cancel</Button>
                </TableCell>
              </TableRow>
            ) : (
              <TableRow key={a.id}><TableCell>{a.name}</TableCell><TableCell>{a.amount}</TableCell>
                <TableCell>{view.permissions.adjust.allowed ? (<>
                  <Button size="sm" variant="text" onClick={() => setEditing({ adjustmentId: a.id, paymentType: a.name, amount: a.amount.replace(/£|,/g, '') })}>Change</Button>
                  <Button size="sm" variant="text" onClick={() => setCheck({
                    title: 'Check your answers: remove an adjustment', confirmLabel: 'Remove adjustment',
                    answers: [...statementAnswers(), ['Adjustment', `${a.name}, ${a.amount}`]],
                    consequences: [`The adjustment is removed and the statement's total no longer includes ${a.amount}.`, 'Recorded in the audit log with your name.'],
                    payload: { op: 'removeAdjustment', adjustmentId: a.id, statementId: view.id },
                  })}>Remove</Button>
                </>) : null}</TableCell></TableRow>
            ))}</TableBody></Table>
          )}
          {view.permissions.adjust.allowed ? (
            <Box flex flexDirection="row" alignItems="flex-end" mb="xl">
              <FormGroup mr="lg"><Label htmlFor="adjustment-name">What is the name of the adjustment</Label>
                <Input id="adjustment-name" value={adjustment.paymentType} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setAdjustment({ ...adjustment, paymentType: e.target.value })} /></FormGroup>
              <FormGroup mr="lg"><Label htmlFor="adjustment-amount">How much is the payment?</Label>
                <Input id="adjustment-amount" value={adjustment.amount} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setAdjustment({ ...adjustment, amount: e.target.value })} /></FormGroup>
              <Button mb="lg" style={{ whiteSpace: 'nowrap' }} onClick={() => setCheck({
                title: 'Check your answers: add an adjustment', confirmLabel: 'Add adjustment',
                answers: [...statementAnswers(), ['Name', adjustment.paymentType || 'Not given'], ['Amount', adjustment.amount ? `£${adjustment.amount}` : 'Not given']],
                consequences: [`The adjustment is added to the statement's total. ${ADJUSTMENT_APPROVAL}`],
                payload: { op: 'addAdjustment', statementId: view.id, ...adjustment },
              })}>Add adjustment</Button>
            </Box>
          ) : null}

          {view.permissions.authorisePayment.allowed ? (
            <Box variant="grey" p="lg" mb="xl" data-testid="authorise">
              <H5>Check {view.name} statement details before authorising for payment</H5>
              <Text mb="default">Have all necessary assurance checks been done?</Text>
              <Box flex alignItems="center" mb="lg">
                <CheckBox id="checks-done" checked={checksDone} onChange={() => setChecksDone(!checksDone)} />
                <Label inline htmlFor="checks-done" ml="default">Yes, I'm ready to authorise this for payment</Label>
              </Box>
              <Text mb="default">Another finance or super user must then approve it before the statement is authorised.</Text>
              <Button variant="contained" onClick={() => setCheck({
                title: `Check your answers: authorise the ${view.name} statement for payment`, confirmLabel: 'Request authorisation for payment',
                answers: [...statementAnswers(), ['Total', view.total], ['All necessary assurance checks done', checksDone ? 'Yes' : 'No']],
                consequences: [`${view.leadProvider} is paid ${view.total} for this statement, which can then no longer change. ${SECOND_USER}`],
                payload: { op: 'authorise', statementId: view.id, checksDone: String(checksDone) },
              })}>Request authorisation for payment</Button>
            </Box>
          ) : null}

          {data.selection.leadProviderId ? (
            <FinancePaymentsChart page={PAGE} leadProviderId={data.selection.leadProviderId} cohort={view.cohort} leadProviderName={view.leadProvider} />
          ) : null}

          <H5>{view.contract.heading}</H5>
          {view.contract.sections.map((s) => <Box key={s.heading}><Text fontWeight="bold">{s.heading}</Text><Pairs rows={s.rows} /></Box>)}
          <Table><TableBody>{view.contract.bands.map((b) => <TableRow key={b[0]}>{b.map((c, i) => <TableCell key={i}>{c}</TableCell>)}</TableRow>)}</TableBody></Table>
        </Box>
      )}
    </Box>
  );
};

export default FinanceStatements;
