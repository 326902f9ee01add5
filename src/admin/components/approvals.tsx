// Approvals: requests waiting for a second finance or super user, approved or rejected with a reason.
import React, { useCallback, useEffect, useState } from 'react';
import { ApiClient, useNotice } from 'adminjs';
import { Box, Button, H2, H5, Input, Label, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { CheckYourAnswers } from './check-your-answers.js';

interface Item {
  id: string; kind: string; status: string; description: string; reason: string | null; statementId: string | null;
  requestedBy: string; requestedAt: string; decidedBy: string | null; decidedAt: string | null; rejectionReason: string | null; mine: boolean;
}
interface Data { forbidden?: boolean; canDecide: boolean; pending: Item[]; decided: Item[]; notice?: { message: string; type: 'success' | 'error' } }

const api = new ApiClient();
const PAGE = 'approvals';

const Approvals: React.FC = () => {
  const [data, setData] = useState<Data | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  /** An approval or rejection waiting at its check-your-answers step. */
  const [check, setCheck] = useState<{ item: Item; op: 'approve' | 'reject' } | null>(null);
  const [busy, setBusy] = useState(false);
  const addNotice = useNotice();

  const load = useCallback(async () => {
    const response = await api.getPage({ pageName: PAGE });
    setData(response.data as Data);
  }, []);
  useEffect(() => { void load(); }, [load]);

  const post = async (payload: Record<string, string>) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(payload)) body.append(k, v);
    const response = await api.getPage({ pageName: PAGE, method: 'post', data: body });
    const next = response.data as Data;
    if (next.notice) addNotice(next.notice);
    setData(next);
  };

  const confirmCheck = async () => {
    if (!check) return;
    setBusy(true);
    try {
      await post(check.op === 'approve' ? { op: 'approve', requestId: check.item.id } : { op: 'reject', requestId: check.item.id, reason: reasons[check.item.id] ?? '' });
    } finally { setBusy(false); setCheck(null); }
  };

  if (!data) return <Box p="xl"><Text>Loading…</Text></Box>;
  if (data.forbidden) return <Box p="xl"><MessageBox variant="danger" message="Approvals are for finance users." /></Box>;
  const statementLink = (id: string | null) => (id ? <a href={`${window.location.pathname.replace(/\/pages\/.*$/, '')}/pages/statements?statement=${id}`}>Open statement</a> : null);

  return (
    <Box p="xl">
      <H2>Approvals</H2>
      <Text mb="xl">Authorising a statement for payment, adding or changing an adjustment and clawing back a paid declaration take effect only when a second finance or super user approves them. Nobody can approve their own request.</Text>
      <H5>Waiting for approval ({data.pending.length})</H5>
      {data.pending.length === 0 ? <Text mb="xl">Nothing is waiting.</Text> : (
        <Box mb="xl" data-testid="pending-approvals">
          {data.pending.map((item) => (
            <Box key={item.id} variant="white" p="lg" mb="lg" data-testid={`approval-${item.id}`}>
              <Text fontWeight="bold">{item.kind}</Text>
              <Text>{item.requestedBy} asked to {item.description}.</Text>
              <Text>Requested at {item.requestedAt}{item.reason ? `. Reason: ${item.reason}` : ''}</Text>
              <Box mt="default">{statementLink(item.statementId)}</Box>
              {check?.item.id === item.id ? (
                <Box mt="lg">
                  <CheckYourAnswers busy={busy} danger={check.op === 'approve'} onConfirm={() => void confirmCheck()} onBack={() => setCheck(null)}
                    title={check.op === 'approve' ? `Check your answers: approve ${item.kind.toLowerCase()}` : `Check your answers: reject ${item.kind.toLowerCase()}`}
                    confirmLabel={check.op === 'approve' ? 'Approve' : 'Reject'}
                    answers={[['Request', `${item.requestedBy} asked to ${item.description}`], ...(check.op === 'reject' ? [['Reason for rejecting', reasons[item.id] || 'Not given'] as [string, string]] : [])]}
                    consequences={check.op === 'approve'
                      ? ['The change is made now, as requested, and recorded with your name as the second approver.']
                      : ['Nothing is changed; the request is closed and its requester sees your reason.']} />
                </Box>
              ) : item.mine ? <Text mt="default">This is your request: another finance or super user must approve or reject it.</Text> : data.canDecide ? (
                <Box flex flexDirection="row" alignItems="flex-end" mt="lg">
                  <Button variant="contained" mr="lg" onClick={() => setCheck({ item, op: 'approve' })}>Approve</Button>
                  <Box mr="default">
                    <Label htmlFor={`reason-${item.id}`}>Reason for rejecting</Label>
                    <Input id={`reason-${item.id}`} value={reasons[item.id] ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setReasons({ ...reasons, [item.id]: e.target.value })} />
                  </Box>
                  <Button onClick={() => setCheck({ item, op: 'reject' })}>Reject</Button>
                </Box>
              ) : null}
            </Box>
          ))}
        </Box>
      )}
      <H5>Decided recently</H5>
      {data.decided.length === 0 ? <Text>None yet.</Text> : (
        <Table data-testid="decided-approvals"><TableHead><TableRow>
          {['Request', 'Requested by', 'Decision', 'Decided by', 'When'].map((c) => <TableCell key={c}>{c}</TableCell>)}
        </TableRow></TableHead><TableBody>
          {data.decided.map((item) => (
            <TableRow key={item.id}>
              <TableCell>{item.kind}: {item.description}</TableCell>
              <TableCell>{item.requestedBy} ({item.requestedAt})</TableCell>
              <TableCell>{item.status}{item.rejectionReason ? `: ${item.rejectionReason}` : ''}</TableCell>
              <TableCell>{item.decidedBy}</TableCell>
              <TableCell>{item.decidedAt}</TableCell>
            </TableRow>
          ))}
        </TableBody></Table>
      )}
    </Box>
  );
};

export default Approvals;
