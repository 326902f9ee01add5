// A delivery partner's name and the lead providers and cohorts it works with, ticked on a matrix. Cells that live
// partnerships use cannot be unticked: they show how many partnerships hold them.
import React, { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiClient, useNotice, type ActionProps } from 'adminjs';
import { Box, Button, FormGroup, H3, Input, Label, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { withRefresh } from './with-refresh.js';

interface Cell { cohortId: string; startYear: number; value: string; selected: boolean; livePartnerships: number }
interface Row { leadProviderId: string; leadProviderName: string; cells: Cell[] }
interface View { name: string; matrix: Row[] }
interface FieldError { field: string; message: string }
interface Reply { form?: View; message?: string; errors?: FieldError[]; redirectUrl?: string; notice?: { message: string; type: 'success' | 'error' } }

const api = new ApiClient();

/** Cells the server says are ticked and held by partnerships stay ticked, whatever was clicked. */
const heldCells = (view: View) => view.matrix.flatMap((r) => r.cells).filter((c) => c.selected && c.livePartnerships > 0).map((c) => c.value);
const partnerships = (n: number) => (n === 1 ? '1 partnership' : `${n} partnerships`);

const DeliveryPartnerForm: React.FC<ActionProps> = ({ resource, action, record }) => {
  const [view, setView] = useState<View | null>(null);
  const [name, setName] = useState('');
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [reply, setReply] = useState<Reply>({});
  const [busy, setBusy] = useState(false);
  const addNotice = useNotice();
  const navigate = useNavigate();
  const recordId = record?.id ? String(record.id) : undefined;

  const call = (data?: FormData) => {
    const method = data ? ('post' as const) : ('get' as const);
    return recordId
      ? api.recordAction({ resourceId: resource.id, recordId, actionName: action.name, method, data })
      : api.resourceAction({ resourceId: resource.id, actionName: action.name, method, data });
  };

  useEffect(() => {
    call().then((response) => {
      const form = (response.data as Reply).form;
      if (!form) return;
      setView(form);
      setName(form.name);
      setTicked(new Set(form.matrix.flatMap((r) => r.cells).filter((c) => c.selected).map((c) => c.value)));
    });
  }, [resource.id, recordId, action.name]);

  const toggle = (value: string) =>
    setTicked((current) => {
      const next = new Set(current);
      if (next.has(value)) next.delete(value);
      else next.add(value);
      return next;
    });

  const save = async () => {
    setBusy(true);
    const data = new FormData();
    data.append('name', name);
    data.append('pairs', JSON.stringify([...ticked]));
    try {
      const answer = (await call(data)).data as Reply;
      if (answer.notice) addNotice(answer.notice);
      if (answer.redirectUrl) {
        navigate(withRefresh(answer.redirectUrl));
        return;
      }
      setReply(answer);
      if (answer.form) {
        const form = answer.form;
        setView(form);
        setTicked((current) => new Set([...current, ...heldCells(form)]));
      }
    } finally {
      setBusy(false);
    }
  };

  if (!view) return <Box variant="white" p="xl"><Text>Loading…</Text></Box>;
  const years = [...new Set(view.matrix.flatMap((r) => r.cells.map((c) => c.startYear)))].sort((a, b) => a - b);
  const nameError = reply.errors?.find((e) => e.field === 'name');
  const pairErrors = (reply.errors ?? []).filter((e) => e.field !== 'name');
  return (
    <Box variant="white" p="xl" data-testid="delivery-partner-form">
      <H3>{recordId ? `Edit ${view.name}` : 'Add a new delivery partner'}</H3>
      {reply.message ? <MessageBox variant="danger" message={reply.message} mb="xl" data-testid="form-error" /> : null}
      <FormGroup error={Boolean(nameError)}>
        <Label htmlFor="delivery-partner-name" required>Name</Label>
        <Input id="delivery-partner-name" name="name" width="100%" value={name}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
        {nameError ? <Text color="error" mt="sm">{nameError.message}</Text> : null}
      </FormGroup>
      <Label mt="xl">Lead providers and cohorts this delivery partner works with</Label>
      {view.matrix.length === 0 ? (
        <Text>No lead provider is contracted for any cohort yet.</Text>
      ) : (
        <Table mb="xl" data-testid="relationship-matrix">
          <TableHead>
            <TableRow>
              <TableCell>Lead provider</TableCell>
              {years.map((year) => <TableCell key={year}>{year}</TableCell>)}
            </TableRow>
          </TableHead>
          <TableBody>
            {view.matrix.map((row) => (
              <TableRow key={row.leadProviderId}>
                <TableCell>{row.leadProviderName}</TableCell>
                {years.map((year) => {
                  const cell = row.cells.find((c) => c.startYear === year);
                  if (!cell) return <TableCell key={year}>—</TableCell>;
                  const held = cell.selected && cell.livePartnerships > 0;
                  const id = `relationship-${cell.value}`;
                  return (
                    <TableCell key={year}>
                      <input type="checkbox" id={id} checked={ticked.has(cell.value)} disabled={held || busy}
                        aria-label={`${row.leadProviderName} ${year}`} onChange={() => toggle(cell.value)} />
                      {held ? (
                        <label htmlFor={id} style={{ marginLeft: 6 }} title="Live partnerships use this: it cannot be removed">
                          {partnerships(cell.livePartnerships)}
                        </label>
                      ) : null}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pairErrors.map((e) => <MessageBox key={e.message} variant="danger" message={e.message} mb="default" />)}
      <Button variant="contained" disabled={busy} onClick={save} mt="lg">Save</Button>
    </Box>
  );
};

export default DeliveryPartnerForm;
