// Change a participant's cohort: choose the cohort and give a reason, check the answers (what the change
// would do, found by a dry run, or the DfE's reasons it cannot happen), then confirm.
import React, { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiClient, useNotice, type ActionProps } from 'adminjs';
import { Box, Button, FormGroup, H3, Label, MessageBox, Text, TextArea } from '@adminjs/design-system';
import { CheckYourAnswers } from './check-your-answers.js';
import { withRefresh } from './with-refresh.js';

interface Placement { cohortStartYear: number; scheduleIdentifier: string; schoolName: string; leadProviderName: string | null }
interface Check {
  outcome: 'changed' | 'unchanged';
  message: string;
  from?: Placement;
  to?: Placement;
  schoolCohortSetUp?: boolean;
  cohortChangedAfterPaymentsFrozen?: boolean;
}
interface Form { fullName: string; currentStartYear: number; cohorts: number[] }
interface Reply { reply?: { form: Form; check?: Check; refusals?: string[] }; redirectUrl?: string; notice?: { message: string; type: 'success' | 'error' } }

const api = new ApiClient();

const place = (p: Placement) => `${p.cohortStartYear} cohort, ${p.scheduleIdentifier}, ${p.schoolName}${p.leadProviderName ? `, ${p.leadProviderName}` : ''}`;

function consequencesOf(check: Check): string[] {
  if (!check.from || !check.to) return [check.message];
  return [
    `Their current induction record (${place(check.from)}) is closed and a new one opened: ${place(check.to)}.`,
    ...(check.schoolCohortSetUp ? [`The school is set up for the ${check.to.cohortStartYear} cohort with a full induction programme.`] : []),
    `Cohort changed after payments frozen: ${check.cohortChangedAfterPaymentsFrozen ? 'Yes' : 'No'}.`,
    'Existing declarations keep their cohort and stay on their statements.',
  ];
}

const ChangeCohortPage: React.FC<ActionProps> = ({ resource, action, record }) => {
  const [form, setForm] = useState<Form | null>(null);
  const [year, setYear] = useState('');
  const [reason, setReason] = useState('');
  const [check, setCheck] = useState<Check | null>(null);
  const [refusals, setRefusals] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const addNotice = useNotice();
  const navigate = useNavigate();
  const recordId = String(record?.id ?? '');
  const call = (data?: FormData) =>
    api.recordAction({ resourceId: resource.id, recordId, actionName: action.name, ...(data ? { method: 'post' as const, data } : {}) }).then((r) => r.data as Reply);

  useEffect(() => {
    call().then((r) => setForm(r.reply?.form ?? null));
  }, [resource.id, recordId, action.name]);

  const send = async (step: 'check' | 'confirm') => {
    setBusy(true);
    const data = new FormData();
    data.append('step', step);
    data.append('targetStartYear', year);
    data.append('reason', reason);
    try {
      const reply = await call(data);
      if (reply.notice) addNotice(reply.notice);
      if (reply.redirectUrl) { navigate(withRefresh(reply.redirectUrl)); return; }
      setRefusals(reply.reply?.refusals ?? []);
      setCheck(reply.reply?.check ?? null);
    } finally {
      setBusy(false);
    }
  };

  if (!form) return <Box variant="white" p="xl"><Text>Loading…</Text></Box>;
  return (
    <Box variant="white" p="xl" data-testid="change-cohort-page">
      <H3>{`Change ${form.fullName}'s cohort`}</H3>
      {refusals.length ? (
        <Box mb="lg" data-testid="change-cohort-refusals">
          <Text mb="sm"><strong>The cohort cannot be changed:</strong></Text>
          {refusals.map((message) => <MessageBox key={message} variant="danger" message={message} mb="default" />)}
        </Box>
      ) : null}
      {check && check.outcome === 'changed' ? (
        <CheckYourAnswers
          title="Check your answers"
          answers={[['Participant', form.fullName], ['Current cohort', String(form.currentStartYear)], ['New cohort', year], ['Reason', reason]]}
          consequences={consequencesOf(check)}
          confirmLabel="Change cohort"
          busy={busy}
          danger
          onConfirm={() => send('confirm')}
          onBack={() => setCheck(null)}
        />
      ) : (
        <>
          {check ? <MessageBox variant="info" message={check.message} mb="lg" /> : null}
          <Text mb="lg">{`Their current cohort is: ${form.currentStartYear}`}</Text>
          <FormGroup>
            <Label htmlFor="change-cohort-year">New cohort</Label>
            <select id="change-cohort-year" value={year} style={{ width: '100%', padding: 8 }} onChange={(e) => setYear(e.target.value)}>
              <option value="">Choose…</option>
              {form.cohorts.map((y) => <option key={y} value={String(y)}>{y}</option>)}
            </select>
          </FormGroup>
          <FormGroup>
            <Label htmlFor="change-cohort-reason">Reason for the change (recorded in the audit log)</Label>
            <TextArea id="change-cohort-reason" width="100%" rows={3} value={reason}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
          </FormGroup>
          <Button variant="contained" disabled={busy} onClick={() => send('check')}>Continue</Button>
        </>
      )}
    </Box>
  );
};

export default ChangeCohortPage;
