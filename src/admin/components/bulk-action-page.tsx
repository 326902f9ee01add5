// A bulk action's page (src/admin/bulk/bulk-action.ts): the selected rows, each with what will happen to it
// or why it cannot be done; the single action's questions (a reason); check your answers; then each row's
// result. Nothing changes until Confirm.
import React, { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiClient, ViewHelpers, useNotice, type ActionProps } from 'adminjs';
import { Box, Button, FormGroup, H4, Label, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text, TextArea } from '@adminjs/design-system';
import { CheckYourAnswers } from './check-your-answers.js';
import { withRefresh } from './with-refresh.js';

interface Field { name: string; label: string; type: string; hint?: string }
interface Row { id: string; title: string; details?: string; ready: boolean; says: string }
interface ResultRow extends Row { result: 'done' | 'refused' | 'failed' }
interface View { heading: string; noun: [string, string]; fields: Field[]; consequences: string[]; submitLabel: string; rows: Row[]; results?: ResultRow[] }
interface Reply { bulk?: View; errors?: string[]; notice?: { message: string; type: 'success' | 'error' } }

const api = new ApiClient();
const h = new ViewHelpers();
const RESULT_LABEL = { done: 'Done', refused: 'Not done', failed: 'Not done' } as const;
const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

function RowTitle({ resourceId, row }: { resourceId: string; row: Row }) {
  return (
    <>
      <a href={h.recordActionUrl({ resourceId, recordId: row.id, actionName: 'show' })}><strong>{row.title}</strong></a>
      {row.details ? <Text variant="sm">{row.details}</Text> : null}
    </>
  );
}

function Rows({ resourceId, rows, caption }: { resourceId: string; rows: (Row | ResultRow)[]; caption: string }) {
  const results = rows.length > 0 && 'result' in rows[0];
  return (
    <Box mb="xl">
      <Table data-testid={results ? 'bulk-results' : 'bulk-preview'} aria-label={caption}>
        <TableHead>
          <TableRow>
            <TableCell>Selected</TableCell>
            <TableCell>{results ? 'Result' : 'Can it be done?'}</TableCell>
            <TableCell>{results ? 'What happened' : 'What will happen'}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid="bulk-row">
              <TableCell><RowTitle resourceId={resourceId} row={row} /></TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}><strong>{'result' in row ? RESULT_LABEL[row.result] : row.ready ? 'Yes' : 'No'}</strong></TableCell>
              <TableCell>{row.says}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

const BulkActionPage: React.FC<ActionProps> = ({ resource, action, records }) => {
  const [view, setView] = useState<View | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [form, setForm] = useState<Record<string, string>>({});
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState(false);
  const addNotice = useNotice();
  const navigate = useNavigate();
  const location = useLocation();
  const recordIds = (records ?? []).map((record) => record.id);
  const request = { resourceId: resource.id, recordIds, actionName: action.name };

  useEffect(() => {
    api.bulkAction(request).then((r) => {
      const reply = r.data as Reply;
      setView(reply.bulk ?? null);
      setErrors(reply.errors ?? []);
    });
  }, [resource.id, action.name, recordIds.join(',')]);

  // Back where the rows were chosen (the list as it was filtered), or to the list itself.
  const backToList = () => {
    if (location.key !== 'default') navigate(-1);
    else navigate(withRefresh(h.resourceActionUrl({ resourceId: resource.id, actionName: 'list' })));
  };

  const confirm = async () => {
    setBusy(true);
    const data = new FormData();
    data.append('op', 'confirm');
    for (const [key, value] of Object.entries(form)) data.append(key, value);
    try {
      const reply = (await api.bulkAction({ ...request, data })).data as Reply;
      if (reply.notice) addNotice(reply.notice);
      if (reply.bulk) setView(reply.bulk);
      setErrors(reply.errors ?? []);
      // A refusal about the answers themselves: back to them, with what to correct.
      if (reply.errors?.length) setChecking(false);
    } finally {
      setBusy(false);
    }
  };

  if (!view) {
    return (
      <Box variant="white" p="xl">
        {errors.length ? errors.map((message) => <MessageBox key={message} variant="danger" message={message} mb="default" />) : <Text>Loading…</Text>}
        {errors.length ? <Button variant="outlined" onClick={backToList}>Back to the list</Button> : null}
      </Box>
    );
  }

  const { rows: shown, results, fields } = view;
  const rows = results ?? shown;
  const noun = rows.length === 1 ? view.noun[0] : view.noun[1];
  if (results) {
    const done = results.filter((row) => row.result === 'done').length;
    return (
      <Box variant="white" p="xl" data-testid="bulk-action-page">
        <H4>Results</H4>
        <Text mb="lg">{done} of {results.length} done.{done < results.length ? ' The others are unchanged; each says why.' : ''}</Text>
        <Rows resourceId={resource.id} rows={results} caption={`${view.heading}: the result for each of the selected ${noun}`} />
        <Button variant="contained" onClick={backToList}>Back to the list</Button>
      </Box>
    );
  }

  const ready = rows.filter((row) => row.ready).length;
  const summary = (
    <>
      <H4>{rows.length === 1 ? `The selected ${noun}` : `The ${rows.length} selected ${noun}`}</H4>
      <Text mb="lg">
        {ready === rows.length ? (rows.length === 1 ? 'It can be acted on.' : `All ${rows.length} can be acted on.`) : `${ready} of ${rows.length} can be acted on; the others cannot, and each says why.`}
      </Text>
      <Rows resourceId={resource.id} rows={rows} caption={`${view.heading}: what will happen to each of the selected ${noun}`} />
    </>
  );
  const errorBoxes = errors.map((message) => <MessageBox key={message} variant="danger" message={message} mb="default" />);

  if (ready === 0) {
    return (
      <Box variant="white" p="xl" data-testid="bulk-action-page">
        {summary}
        <MessageBox variant="info" message={`${rows.length === 1 ? `The selected ${noun} cannot` : `None of the selected ${noun} can`} be acted on, so there is nothing to confirm.`} mb="lg" />
        <Button variant="outlined" onClick={backToList}>Back to the list</Button>
      </Box>
    );
  }

  if (checking || fields.length === 0) {
    return (
      <Box variant="white" p="xl" data-testid="bulk-action-page">
        {summary}
        {errorBoxes}
        <CheckYourAnswers
          title={`Check your answers: ${lowerFirst(view.heading)}`}
          answers={[
            ['Selected', `${rows.length} ${noun}`],
            ['To be acted on', `${ready} of ${rows.length}`],
            ...fields.map((field): [string, string] => [field.label, form[field.name]?.trim() || 'Not given']),
          ]}
          consequences={view.consequences}
          confirmLabel={view.submitLabel} busy={busy} danger onConfirm={() => void confirm()}
          backLabel={fields.length ? 'Change' : 'Cancel'}
          onBack={fields.length ? () => setChecking(false) : backToList} />
      </Box>
    );
  }

  return (
    <Box variant="white" p="xl" data-testid="bulk-action-page">
      {summary}
      {errorBoxes}
      {fields.map((field) => (
        <FormGroup key={field.name}>
          <Label htmlFor={`bulk-${field.name}`}>{field.label}</Label>
          <TextArea id={`bulk-${field.name}`} width="100%" rows={3} value={form[field.name] ?? ''}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setForm((f) => ({ ...f, [field.name]: e.target.value }))} />
          {field.hint ? <Text variant="sm" mt="sm">{field.hint}</Text> : null}
        </FormGroup>
      ))}
      <Box flex flexDirection="row">
        <Button variant="outlined" mr="default" onClick={backToList}>Back to the list</Button>
        <Button variant="contained" onClick={() => { setErrors([]); setChecking(true); }}>Continue</Button>
      </Box>
    </Box>
  );
};

export default BulkActionPage;
