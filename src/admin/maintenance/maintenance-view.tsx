// The Maintenance mode page: whether it is on, what callers are told, and (for admins) the switch with
// an optional planned end and message, switched only after a check-your-answers step (it affects every lead
// provider and delivery partner).
import React, { useEffect, useState } from 'react';
import { ApiClient, useNotice } from 'adminjs';
import { Box, Button, FormGroup, H3, Input, Label, MessageBox, Text, TextArea } from '@adminjs/design-system';
import { CheckYourAnswers } from '../components/check-your-answers.js';
import { formatDateTime } from '../human-dates.js';
import { MAINTENANCE_CHANGED } from './maintenance-events.js';

interface PageData {
  on: boolean; canSwitch: boolean; message: string; announcement: string; until: string | null; untilLabel: string | null;
  switchedAt: string | null; switchedBy: string | null;
  notice?: { message: string; type: 'success' | 'error'; errors: string[] };
}

const PAGE = 'maintenance';
const api = new ApiClient();


const MaintenancePage: React.FC = () => {
  const [data, setData] = useState<PageData | null>(null);
  const [until, setUntil] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  /** The mode being checked before it is switched, or null while choosing. */
  const [checking, setChecking] = useState<boolean | null>(null);
  const addNotice = useNotice();

  useEffect(() => {
    api.getPage({ pageName: PAGE }).then((response) => setData(response.data as PageData));
  }, []);

  const submit = async (on: boolean) => {
    setBusy(true);
    const form = new FormData();
    form.append('on', String(on));
    // The browser's datetime-local is local time: send it with its offset.
    if (on && until) form.append('until', new Date(until).toISOString());
    if (on && message.trim()) form.append('message', message.trim());
    try {
      const reply = (await api.getPage({ pageName: PAGE, method: 'post', data: form })).data as PageData;
      setData(reply);
      setChecking(null);
      if (reply.notice?.type === 'success') {
        addNotice({ message: reply.notice.message, type: 'success' });
        window.dispatchEvent(new Event(MAINTENANCE_CHANGED));
      }
    } finally {
      setBusy(false);
    }
  };

  if (!data) return <Box variant="white" p="xl"><Text>Loading…</Text></Box>;
  return (
    <Box variant="grey" p="xl">
      <Box variant="white" p="xl" data-testid="maintenance-page">
        <H3>Maintenance mode is {data.on ? 'on' : 'off'}</H3>
        {data.on ? (
          <>
            <Text mb="default">The lead provider API and the check data portal answer “503 Service unavailable”. The back office keeps working.</Text>
            <Text mb="default"><strong>API callers are told:</strong> {data.announcement}</Text>
            {data.untilLabel ? <Text mb="default"><strong>Planned end:</strong> {data.untilLabel} (UK time)</Text> : null}
          </>
        ) : (
          <Text mb="default">The lead provider API and the check data portal are open.</Text>
        )}
        {data.switchedAt ? (
          <Text variant="sm" mb="xl">Last switched {data.on ? 'on' : 'off'} by {data.switchedBy} at {formatDateTime(data.switchedAt)}.</Text>
        ) : null}
        {(data.notice?.type === 'error' ? data.notice.errors : []).map((error) => <MessageBox key={error} variant="danger" message={error} mb="default" />)}
        {!data.canSwitch ? <Text>Only admins can switch maintenance mode.</Text> : checking !== null ? (
          <CheckYourAnswers
            title={checking ? 'Check before switching maintenance mode on' : 'Check before switching maintenance mode off'}
            answers={checking ? [
              ['Planned end', until ? `${formatDateTime(until)} (UK time)` : 'None given'],
              ['Message', message.trim() || `${data.message} (the standard message)`],
            ] : []}
            consequences={checking ? [
              'Every lead provider’s API calls are refused with “503 Service unavailable” until it is switched off.',
              'Delivery partners cannot use the check data portal.',
              'Every back office user sees the maintenance banner; the back office keeps working.',
            ] : [
              'The lead provider API and the check data portal open again for everyone.',
              'The maintenance banner goes from every back office page.',
            ]}
            confirmLabel={checking ? 'Confirm: switch maintenance mode on' : 'Confirm: switch maintenance mode off'}
            danger={checking}
            busy={busy}
            onConfirm={() => void submit(checking)}
            onBack={() => setChecking(null)}
          />
        ) : data.on ? (
          <Button variant="contained" disabled={busy} onClick={() => setChecking(false)}>Switch maintenance mode off</Button>
        ) : (
          <>
            <FormGroup>
              <Label htmlFor="maintenance-until">Planned end (optional)</Label>
              <Input id="maintenance-until" type="datetime-local" value={until} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setUntil(e.target.value)} />
            </FormGroup>
            <FormGroup>
              <Label htmlFor="maintenance-message">Message for API callers and portal users (optional)</Label>
              <TextArea id="maintenance-message" width="100%" rows={3} value={message} placeholder={data.message}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setMessage(e.target.value)} />
            </FormGroup>
            <Button variant="contained" color="danger" disabled={busy} onClick={() => setChecking(true)}>Switch maintenance mode on</Button>
          </>
        )}
      </Box>
    </Box>
  );
};

export default MaintenancePage;
