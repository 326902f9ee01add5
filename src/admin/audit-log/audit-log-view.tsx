// The audit log page: search by who, what, which record and when; each event in words with what changed;
// links to the person and the record; pages; the search as CSV; and the person's saved searches. The search
// lives in the page's address, so a saved search, a link or a reload comes back to the same events.
import React, { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiClient } from 'adminjs';
import { AuditChanges, type AuditChange } from '../components/audit-changes.js';
import { formatDateTime } from '../human-dates.js';
import { Box, Button, FormGroup, H2, H3, Input, Label, Link, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

const PAGE = 'auditLog';
const api = new ApiClient();
const FILTER_KEYS = ['who', 'what', 'record', 'from', 'to'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Filter = Partial<Record<FilterKey, string>>;

interface Entry {
  id: string; at: string;
  who: { label: string; name: string | null; href: string | null };
  what: { action: string; words: string };
  record: { kind: string; title: string | null; href: string | null };
  changes: AuditChange[]; reason: string | null;
}
interface SavedFilter { id: string; name: string; query: Filter }
interface Notice { message: string; type: 'success' | 'error' }
interface Data {
  allowed: boolean; filter?: Filter; kinds?: { value: string; label: string }[]; events?: Entry[];
  page?: number; perPage?: number; total?: number; more?: boolean; savedFilters?: SavedFilter[]; notice?: Notice;
}

const when = formatDateTime;
const count = (n: number) => n.toLocaleString('en-GB');
const filterOf = (search: string): Filter => {
  const params = new URLSearchParams(search);
  return Object.fromEntries(FILTER_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])));
};

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const AuditLogPage: React.FC = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const applied = filterOf(location.search);
  const page = Math.max(1, Number(new URLSearchParams(location.search).get('page') ?? '1') || 1);
  const [data, setData] = useState<Data | null>(null);
  const [draft, setDraft] = useState<Filter>(applied);
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const response = await api.getPage({ pageName: PAGE, params: { ...filterOf(location.search), page: String(page) } });
    setData(response.data as Data);
  }, [location.search]);
  useEffect(() => { void load(); setDraft(filterOf(location.search)); }, [load]);

  const go = (filter: Filter, toPage = 1) => {
    const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v && v.trim()) as [string, string][]);
    if (toPage > 1) params.set('page', String(toPage));
    navigate({ pathname: location.pathname, search: `?${params.toString()}` });
  };
  const post = async (fields: Record<string, string>) => {
    setBusy(true);
    try {
      const next = (await api.getPage({ pageName: PAGE, method: 'post', data: form({ ...fields }) })).data as Data;
      setData(next);
      setNotice(next.notice ?? null);
      if (next.notice?.type === 'success') setName('');
    } finally {
      setBusy(false);
    }
  };

  if (!data) return <Box variant="grey"><Text>Loading the audit log…</Text></Box>;
  if (!data.allowed) return <Box variant="grey"><MessageBox message="The audit log is for staff who may read it." variant="danger" /></Box>;
  const events = data.events ?? [];
  const total = data.total ?? 0;
  const first = (page - 1) * (data.perPage ?? 50) + 1;
  const root = window.location.pathname.replace(/\/pages\/.*$/, '');
  const downloadHref = `${root}/api/pages/${PAGE}?${new URLSearchParams({ ...applied, download: 'csv' }).toString()}`;
  const filtered = Object.keys(applied).length > 0;
  const field = (key: FilterKey, label: string, type = 'text', hint?: string) => (
    <FormGroup mb="default">
      <Label htmlFor={`audit-${key}`}>{label}</Label>
      <Input id={`audit-${key}`} name={key} type={type} value={draft[key] ?? ''} aria-describedby={hint ? `audit-${key}-hint` : undefined}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.target.value })} />
      {hint ? <Text id={`audit-${key}-hint`} variant="sm" color="grey60">{hint}</Text> : null}
    </FormGroup>
  );

  return (
    <Box variant="grey" data-testid="audit-log">
      <H2>Audit log</H2>
      <Text mb="lg">Every change recorded in the service, newest first. Values your role may not see are hidden.</Text>
      {notice ? <MessageBox mb="lg" message={notice.message} variant={notice.type === 'error' ? 'danger' : 'success'} onCloseClick={() => setNotice(null)} /> : null}
      <Box as="form" data-testid="audit-search" onSubmit={(e: React.FormEvent) => { e.preventDefault(); go(draft); }} mb="lg">
        <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', columnGap: 24 }}>
          {field('who', 'Who', 'text', 'A person’s name or email, or a lead provider')}
          <FormGroup mb="default">
            <Label htmlFor="audit-what">What happened</Label>
            <select id="audit-what" name="what" value={draft.what ?? ''} style={{ height: 38, width: '100%' }}
              onChange={(e) => setDraft({ ...draft, what: e.target.value })}>
              <option value="">Anything</option>
              {(data.kinds ?? []).map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
            </select>
          </FormGroup>
          {field('record', 'Which record', 'text', 'A school’s name or URN, a participant’s name, a lead provider…')}
          {field('from', 'From', 'date')}
          {field('to', 'To', 'date')}
        </Box>
        <Button type="submit" variant="contained" mr="default">Search</Button>
        {filtered ? <Button type="button" variant="text" onClick={() => go({})}>Clear search</Button> : null}
      </Box>

      <Box mb="xl" data-testid="audit-saved-filters">
        <H3>Saved searches</H3>
        {(data.savedFilters ?? []).length === 0 ? <Text mb="default" color="grey60">You have no saved searches on the audit log.</Text> : (
          <Box as="ul" mb="default" style={{ listStyle: 'none', padding: 0 }}>
            {(data.savedFilters ?? []).map((f) => (
              <li key={f.id} data-testid="audit-saved-filter">
                <Button type="button" variant="text" size="sm" onClick={() => go(f.query)}>{f.name}</Button>
                <Button type="button" variant="text" size="sm" color="danger" disabled={busy} aria-label={`Delete saved search ${f.name}`}
                  onClick={() => void post({ op: 'deleteFilter', id: f.id, ...applied })}>Delete</Button>
              </li>
            ))}
          </Box>
        )}
        {filtered ? (
          <Box as="form" flex alignItems="flex-end" onSubmit={(e: React.FormEvent) => { e.preventDefault(); void post({ op: 'saveFilter', name, ...applied }); }}>
            <FormGroup mr="default" mb="none" style={{ width: 320 }}>
              <Label htmlFor="audit-filter-name">Save this search as</Label>
              <Input id="audit-filter-name" width="100%" value={name} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
            </FormGroup>
            <Button type="submit" variant="outlined" disabled={busy} style={{ whiteSpace: 'nowrap' }}>Save search</Button>
          </Box>
        ) : null}
      </Box>

      <Box flex justifyContent="space-between" alignItems="center" mb="default">
        <Text data-testid="audit-count">
          {total === 0 ? 'No events match.' : `Showing ${count(first)} to ${count(first + events.length - 1)} of ${data.more ? `more than ${count(total)}` : count(total)} ${total === 1 ? 'event' : 'events'}`}
        </Text>
        <Link href={downloadHref} download data-testid="audit-download">Download these events as CSV</Link>
      </Box>
      {events.length ? (
        <Table data-testid="audit-events">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell><TableCell style={{ minWidth: 200 }}>Who</TableCell><TableCell>What</TableCell><TableCell>Record</TableCell><TableCell>What changed</TableCell><TableCell>Reason</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {events.map((e) => (
              <TableRow key={e.id} data-testid="audit-event">
                <TableCell style={{ whiteSpace: 'nowrap' }}>{when(e.at)}</TableCell>
                <TableCell>
                  {e.who.href ? <Link href={e.who.href}>{e.who.name ?? e.who.label}</Link> : <span>{e.who.name ?? e.who.label}</span>}
                  {e.who.name ? <Text variant="sm" color="grey60">{e.who.label}</Text> : null}
                </TableCell>
                <TableCell>{e.what.words}<Text variant="sm" color="grey60">{e.what.action}</Text></TableCell>
                <TableCell>
                  <Text variant="sm" color="grey60">{e.record.kind}</Text>
                  {e.record.href ? <Link href={e.record.href}>{e.record.title ?? `View this ${e.record.kind.toLowerCase()}`}</Link> : e.record.title}
                </TableCell>
                <TableCell><AuditChanges changes={e.changes} /></TableCell>
                <TableCell>{e.reason ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Box flex mt="lg">
        {page > 1 ? <Button type="button" variant="outlined" mr="default" onClick={() => go(applied, page - 1)}>Previous page</Button> : null}
        {first + events.length - 1 < total || data.more ? <Button type="button" variant="outlined" onClick={() => go(applied, page + 1)}>Next page</Button> : null}
      </Box>
    </Box>
  );
};

export default AuditLogPage;
