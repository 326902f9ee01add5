// Check your answers, then confirm: the screen for actions that cannot be undone with one click.
import React, { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiClient, ViewHelpers, useNotice, type ActionProps } from 'adminjs';
import { Box, Button, CheckBox, FormGroup, H3, Input, Label, MessageBox, Table, TableBody, TableCell, TableRow, Text, TextArea } from '@adminjs/design-system';
import { CheckYourAnswers } from './check-your-answers.js';
import { withRefresh } from './with-refresh.js';

interface Field { name: string; label: string; type: 'textarea' | 'text' | 'radios' | 'checkbox' | 'select'; options?: { value: string; label: string }[]; hint?: string }
type Option = NonNullable<Field['options']>[number];

/** Past this many options a select gets a filter box. */
const FILTER_FROM = 15;

function FilteredSelect({ field, value, onChange }: { field: Field; value: string; onChange: (value: string) => void }) {
  const [filter, setFilter] = useState('');
  const options = field.options ?? [];
  const words = filter.trim().toLowerCase();
  const shown = options.filter((o: Option) => o.value === value || o.label.toLowerCase().includes(words));
  return (
    <>
      <Label htmlFor={`confirm-${field.name}`}>{field.label}</Label>
      {options.length > FILTER_FROM ? (
        <Input id={`confirm-${field.name}-filter`} aria-label={`Filter: ${field.label}`} placeholder="Type part of the name to filter" width="100%" mb="sm"
          value={filter} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setFilter(e.target.value)} />
      ) : null}
      <select id={`confirm-${field.name}`} name={field.name} value={value} style={{ width: '100%', padding: 8 }}
        onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {shown.map((o: Option) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </>
  );
}
interface View {
  heading: string; rows: [string, string][]; blockers: string[]; warning?: string; fields: Field[]; submitLabel: string; done?: boolean;
  consequences?: string[]; noCheckStep?: boolean;
}
interface Reply { confirm?: View; errors?: string[]; redirectUrl?: string; notice?: { message: string; type: 'success' | 'error' } }

const api = new ApiClient();

/** An answer as the person chose it: the option's label, Yes or No, or the text typed. */
function answerText(field: Field, value: string | undefined): string {
  if (field.type === 'checkbox') return value === 'true' ? 'Yes' : 'No';
  if (!value) return 'Not given';
  if (field.type === 'radios' || field.type === 'select') return field.options?.find((o) => o.value === value)?.label ?? value;
  return value;
}

const ConfirmPage: React.FC<ActionProps> = ({ resource, action, record }) => {
  const [view, setView] = useState<View | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [form, setForm] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState(false);
  const addNotice = useNotice();
  const navigate = useNavigate();
  const recordId = String(record?.id ?? '');

  useEffect(() => {
    api.recordAction({ resourceId: resource.id, recordId, actionName: action.name }).then((r) => setView((r.data as Reply).confirm ?? null));
  }, [resource.id, recordId, action.name]);

  const submit = async () => {
    setBusy(true);
    const data = new FormData();
    for (const [k, v] of Object.entries(form)) data.append(k, v);
    try {
      const reply = (await api.recordAction({ resourceId: resource.id, recordId, actionName: action.name, method: 'post', data })).data as Reply;
      if (reply.notice) addNotice(reply.notice);
      if (reply.redirectUrl) { navigate(withRefresh(reply.redirectUrl)); return; }
      if (reply.confirm) setView(reply.confirm);
      setErrors(reply.errors ?? []);
      // Refused: back to the answers, with what to correct.
      setChecking(false);
    } finally {
      setBusy(false);
    }
  };

  if (!view) return <Box variant="white" p="xl"><Text>Loading…</Text></Box>;
  const checkStep = !view.noCheckStep;
  // With nothing to answer, the page is the check step itself.
  const nothingToAnswer = view.fields.length === 0;
  if (checkStep && view.blockers.length === 0 && !view.done && (checking || nothingToAnswer)) {
    return (
      <Box variant="white" p="xl" data-testid="confirm-page">
        <CheckYourAnswers title={`Check your answers: ${view.heading.charAt(0).toLowerCase()}${view.heading.slice(1)}`}
          answers={[...view.rows, ...view.fields.map((f): [string, string] => [f.label, answerText(f, form[f.name])])]}
          consequences={view.consequences ?? [view.warning ?? `${view.submitLabel}: recorded in the audit log with your name.`]}
          confirmLabel={view.submitLabel} busy={busy} danger onConfirm={submit}
          backLabel={nothingToAnswer ? 'Cancel' : undefined}
          onBack={nothingToAnswer ? () => navigate(new ViewHelpers().recordActionUrl({ resourceId: resource.id, recordId, actionName: 'show' })) : () => setChecking(false)} />
        {errors.map((message) => <MessageBox key={message} variant="danger" message={message} mt="lg" />)}
      </Box>
    );
  }
  return (
    <Box variant="white" p="xl" data-testid="confirm-page">
      <H3>{view.heading}</H3>
      <Table mb="xl">
        <TableBody>
          {view.rows.map(([label, value]) => (
            <TableRow key={label}><TableCell><strong>{label}</strong></TableCell><TableCell>{value}</TableCell></TableRow>
          ))}
        </TableBody>
      </Table>
      {[...view.blockers, ...errors].map((message) => <MessageBox key={message} variant="danger" message={message} mb="default" />)}
      {view.warning ? <MessageBox variant="warning" message={view.warning} mb="xl" /> : null}
      {view.blockers.length === 0 && !view.done ? (
        <>
          {view.fields.map((field) => (
            <FormGroup key={field.name}>
              {field.type === 'checkbox' ? (
                <Box flex alignItems="center">
                  <CheckBox id={`confirm-${field.name}`} checked={form[field.name] === 'true'}
                    onChange={() => setForm((f) => ({ ...f, [field.name]: f[field.name] === 'true' ? 'false' : 'true' }))} />
                  <Label inline htmlFor={`confirm-${field.name}`} ml="default">{field.label}</Label>
                </Box>
              ) : field.type === 'select' ? (
                <FilteredSelect field={field} value={form[field.name] ?? ''} onChange={(value) => setForm((f) => ({ ...f, [field.name]: value }))} />
              ) : field.type === 'radios' ? (
                <fieldset>
                  <legend><Label>{field.label}</Label></legend>
                  {(field.options ?? []).map((o) => (
                    <Box key={o.value} mb="sm">
                      <input type="radio" id={`confirm-${field.name}-${o.value}`} name={field.name} value={o.value}
                        checked={form[field.name] === o.value} onChange={() => setForm((f) => ({ ...f, [field.name]: o.value }))} />
                      <label htmlFor={`confirm-${field.name}-${o.value}`} style={{ marginLeft: 8 }}>{o.label}</label>
                    </Box>
                  ))}
                </fieldset>
              ) : field.type === 'text' ? (
                <>
                  <Label htmlFor={`confirm-${field.name}`}>{field.label}</Label>
                  <Input id={`confirm-${field.name}`} value={form[field.name] ?? ''}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [field.name]: e.target.value }))} />
                </>
              ) : (
                <>
                  <Label htmlFor={`confirm-${field.name}`}>{field.label}</Label>
                  <TextArea id={`confirm-${field.name}`} width="100%" rows={3} value={form[field.name] ?? ''}
                    onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setForm((f) => ({ ...f, [field.name]: e.target.value }))} />
                </>
              )}
              {field.hint ? <Text variant="sm" mt="sm">{field.hint}</Text> : null}
            </FormGroup>
          ))}
          {checkStep
            ? <Button variant="contained" onClick={() => { setErrors([]); setChecking(true); }}>Continue</Button>
            : <Button variant="contained" color="danger" disabled={busy} onClick={submit}>{view.submitLabel}</Button>}
        </>
      ) : null}
    </Box>
  );
};

export default ConfirmPage;
