// Upload, preview, then apply: nothing is written until the user has seen what the import will do.
import React, { useEffect, useState } from 'react';
import { ApiClient, useNotice, type ActionProps } from 'adminjs';
import { Box, Button, FormGroup, H3, H5, Input, Label, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

interface Problem { file: string; line: number; column?: string; message: string }
interface View {
  applied: boolean;
  heading: string;
  summary: { label: string; counts: Record<string, number> }[];
  problems: Problem[];
  warnings: Problem[];
  downloads: { label: string; filename: string; csv: string }[];
  tables?: { title: string; rows: CountRow[] }[];
  lists?: { title: string; items: Problem[] }[];
}
interface CountRow { label: string; counts: Record<string, number> }
interface Field { name: string; label: string; type: 'file' | 'year' | 'choice'; hint?: string }
interface Choice { value: string; label: string; selected?: boolean; disabled?: boolean }

const api = new ApiClient();

function ProblemTable({ title, problems, testId }: { title: string; problems: Problem[]; testId: string }) {
  if (!problems.length) return null;
  return (
    <Box mt="xl" data-testid={testId}>
      <H5>{title} ({problems.length})</H5>
      <Table>
        <TableHead>
          <TableRow><TableCell>File</TableCell><TableCell>Line</TableCell><TableCell>Column</TableCell><TableCell>Message</TableCell></TableRow>
        </TableHead>
        <TableBody>
          {problems.slice(0, 500).map((p, i) => (
            <TableRow key={i}>
              <TableCell>{p.file}</TableCell><TableCell>{p.line || ''}</TableCell><TableCell>{p.column ?? ''}</TableCell><TableCell>{p.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {problems.length > 500 ? <Text mt="default">…and {problems.length - 500} more.</Text> : null}
    </Box>
  );
}

function CountTable({ rows, testId }: { rows: CountRow[]; testId?: string }) {
  if (!rows.length) return null;
  return (
    <Table mt="xl" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell />
          {Object.keys(rows[0].counts).map((k) => <TableCell key={k}>{k}</TableCell>)}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.label}>
            <TableCell>{row.label}</TableCell>
            {Object.values(row.counts).map((n, i) => <TableCell key={i}>{n.toLocaleString('en-GB')}</TableCell>)}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const ImportPage: React.FC<ActionProps> = ({ resource, action }) => {
  const custom = (action as unknown as { custom: { fields: Field[]; heading: string } }).custom;
  const fields = custom?.fields ?? [];
  const [form, setForm] = useState<Record<string, File | string>>({});
  const [view, setView] = useState<View | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice[]>>({});
  const addNotice = useNotice();

  useEffect(() => {
    if (!fields.some((field) => field.type === 'choice')) return;
    api.resourceAction({ resourceId: resource.id, actionName: action.name, method: 'get' })
      .then((response) => {
        const loaded = (response.data as { choices?: Record<string, Choice[]> }).choices ?? {};
        setChoices(loaded);
        // Start on the choice the page marks (e.g. the current cohort), unless one has been made already.
        setForm((f) => {
          const next = { ...f };
          for (const [name, options] of Object.entries(loaded)) {
            const selected = options.find((o) => o.selected && !o.disabled);
            if (selected && next[name] === undefined) next[name] = selected.value;
          }
          return next;
        });
      });
  }, [resource.id, action.name]);

  const send = async (mode: 'preview' | 'apply') => {
    const data = new FormData();
    for (const [name, value] of Object.entries(form)) data.append(name, value);
    data.append('mode', mode);
    setBusy(mode);
    try {
      const response = await api.resourceAction({ resourceId: resource.id, actionName: action.name, method: 'post', data });
      const body = response.data as { view?: View; notice?: { message: string; type: 'success' | 'error' | 'info' } };
      if (body.notice) addNotice(body.notice);
      setView(body.view ?? null);
    } finally {
      setBusy(null);
    }
  };

  const canApply = view && !view.applied && view.problems.length === 0 && view.summary.length > 0;
  return (
    <Box variant="white" p="xl">
      <H3>{custom?.heading ?? action.label}</H3>
      <Text mb="xl">Choose the files, then preview. Nothing is written until you apply, and an import applies completely or not at all.</Text>
      {fields.map((field) => (
        <FormGroup key={field.name}>
          <Label htmlFor={`import-${field.name}`}>{field.label}</Label>
          {field.type === 'choice' ? (
            <select id={`import-${field.name}`} name={field.name} value={typeof form[field.name] === 'string' ? form[field.name] as string : ''}
              onChange={(e) => { setView(null); setForm((f) => ({ ...f, [field.name]: e.target.value })); }}>
              <option value="" disabled>Choose…</option>
              {(choices[field.name] ?? []).map((choice) => <option key={choice.value} value={choice.value} disabled={choice.disabled}>{choice.label}</option>)}
            </select>
          ) : field.type === 'file' ? (
            <input id={`import-${field.name}`} name={field.name} type="file" accept=".csv,text/csv"
              onChange={(e) => { const file = e.target.files?.[0]; setView(null); setForm((f) => { const next = { ...f }; if (file) next[field.name] = file; else delete next[field.name]; return next; }); }} />
          ) : (
            <Input id={`import-${field.name}`} name={field.name} type="number" width={120}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => { setView(null); setForm((f) => ({ ...f, [field.name]: e.target.value })); }} />
          )}
          {field.hint ? <Text variant="sm" mt="sm">{field.hint}</Text> : null}
        </FormGroup>
      ))}
      <Box mt="xl">
        <Button variant="outlined" disabled={busy !== null} onClick={() => send('preview')} mr="default">Preview</Button>
        <Button variant="contained" disabled={busy !== null || !canApply} onClick={() => send('apply')}>
          {busy === 'apply' ? 'Importing…' : 'Apply import'}
        </Button>
      </Box>
      {busy ? (
        <Box mt="lg" data-testid="import-progress">
          <progress aria-label={busy === 'apply' ? 'Importing' : 'Checking the file'} style={{ width: '100%' }} />
          <Text variant="sm">{busy === 'apply' ? 'Importing: everything is written in one go, so please wait for it to finish.' : 'Checking the file…'}</Text>
        </Box>
      ) : null}
      {view ? (
        <Box mt="xxl" data-testid="import-result">
          <MessageBox
            variant={view.applied ? 'success' : view.problems.length ? 'danger' : 'info'}
            message={view.applied ? 'Imported' : view.problems.length ? 'Nothing can be imported until these problems are corrected' : 'Preview: this is what applying will do'}
          />
          <CountTable rows={view.summary} testId="import-summary" />
          {(view.tables ?? []).map((table) => (
            <Box mt="xl" key={table.title} data-testid={`import-table-${table.title}`}>
              <H5>{table.title}</H5>
              <CountTable rows={table.rows} />
            </Box>
          ))}
          <ProblemTable title="Problems" problems={view.problems} testId="import-problems" />
          <ProblemTable title="Warnings" problems={view.warnings} testId="import-warnings" />
          {(view.lists ?? []).map((list) => <ProblemTable key={list.title} title={list.title} problems={list.items} testId={`import-list-${list.title}`} />)}
          {view.downloads.map((d) => (
            <Box mt="lg" key={d.filename}>
              <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(d.csv)}`} download={d.filename}>{d.label}</a>
            </Box>
          ))}
        </Box>
      ) : null}
    </Box>
  );
};

export default ImportPage;
