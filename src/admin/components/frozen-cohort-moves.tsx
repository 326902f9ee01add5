// Frozen cohort moves (super users): every participant of a payment-frozen cohort, filterable, each
// eligible, blocked (with the DfE's reason) or already moved; select, preview, confirm; a progress bar
// while the run moves them one by one (polled); the results, downloadable as CSV.
import React, { useCallback, useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import {
  Badge, Box, Button, CheckBox, H3, H5, Input, Label, MessageBox, Pagination, Select, SelectAsync, Table, TableBody, TableCell,
  TableHead, TableRow, Text, TextArea,
} from '@adminjs/design-system';

type Status = 'eligible' | 'blocked' | 'already_moved';
type NotEligibleBecause = 'completed_training' | 'paid_for_completion' | 'no_billable_declarations';
interface Candidate {
  participantProfileId: string; fullName: string; trn: string | null; participantType: 'ect' | 'mentor';
  sourceCohortStartYear: number; scheduleIdentifier: string; schoolName: string | null; schoolUrn: string | null;
  leadProviderName: string | null; targetLeadProviderName: string | null; billableDeclarations: number;
  status: Status; reasons: string[]; notEligibleBecause: NotEligibleBecause | null;
}
interface Destination { startYear: number; scheduleIdentifier: string | null }
interface CandidatesPage { rows: Candidate[]; total: number; page: number; perPage: number; counts: Record<Status, number>; destination: Destination }
interface Preview { destination: Destination; counts: Record<Status, number>; reasons: { reason: string; count: number }[]; rows: Candidate[]; total: number; page: number; perPage: number }
type Outcome = 'moved' | 'would_move' | 'unchanged' | 'refused' | 'failed';
interface OutcomeRow { participantProfileId: string; outcome: Outcome; message: string; fullName: string | null; trn: string | null; schoolName: string | null; schoolUrn: string | null; cohortStartYear: number | null }
interface RunView {
  state: 'starting' | 'running' | 'succeeded' | 'failed'; done: number; total: number | null; error: string | null;
  counts: Record<Outcome, number>; rows: OutcomeRow[]; page: number; perPage: number; totalRows: number;
}
interface Option { value: string; label: string }
interface Filters { leadProvider: Option | null; school: Option | null; search: string; status: Status | '' }

const PAGE = 'frozenCohortMoves';
const POLL_MS = 1000;
const api = new ApiClient();

const STATUS_LABEL: Record<Status, string> = { eligible: 'Eligible', blocked: 'Blocked', already_moved: 'Already moved' };
const STATUS_BADGE = { eligible: 'success', blocked: 'danger', already_moved: 'secondary' } as const;
const WHY: Record<NotEligibleBecause, string> = {
  completed_training: 'training completed',
  paid_for_completion: 'paid for completing',
  no_billable_declarations: 'no billable declarations',
};
const OUTCOME_LABEL: Record<Outcome, string> = { moved: 'Moved', would_move: 'Would move', unchanged: 'Already moved', refused: 'Blocked', failed: 'Failed' };
const OUTCOME_BADGE = { moved: 'success', would_move: 'info', unchanged: 'secondary', refused: 'danger', failed: 'danger' } as const;
const NO_WRAP = { whiteSpace: 'nowrap' } as const;
const count = (n: number) => n.toLocaleString('en-GB');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

function filterParams(filters: Filters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.leadProvider) params.leadProviderId = filters.leadProvider.value;
  if (filters.school) params.schoolId = filters.school.value;
  if (filters.search.trim()) params.search = filters.search.trim();
  if (filters.status) params.status = filters.status;
  return params;
}

function Reasons({ row }: { row: Candidate }) {
  if (row.status === 'eligible') return <Text variant="sm">Moves to the active cohort</Text>;
  return (
    <Box>
      {row.reasons.map((reason) => (
        <Text key={reason} variant="sm">
          {reason}
          {reason.startsWith('Participant not eligible') && row.notEligibleBecause ? <Text as="span" color="grey60"> ({WHY[row.notEligibleBecause]})</Text> : null}
        </Text>
      ))}
    </Box>
  );
}

function ProgressBar({ done, total }: { done: number; total: number }) {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <Box data-testid="move-progress" mb="lg">
      <Box height={12} bg="grey20" style={{ borderRadius: 6, overflow: 'hidden' }}>
        <Box height={12} bg="primary100" style={{ width: `${Math.round(share * 100)}%`, transition: 'width 0.4s' }} />
      </Box>
      <Text variant="sm" mt="sm">{count(done)} of {count(total)} participants ({Math.round(share * 100)}%)</Text>
    </Box>
  );
}

const FrozenCohortMoves: React.FC = () => {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [leadProviders, setLeadProviders] = useState<Option[]>([]);
  const [filters, setFilters] = useState<Filters>({ leadProvider: null, school: null, search: '', status: '' });
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<CandidatesPage | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [preview, setPreview] = useState<Preview | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Kept in the address too, so a reload (or a link) comes back to the run and its results.
  const [requestId, setRequestId] = useState<string | null>(() => new URLSearchParams(window.location.search).get('run'));
  const [run, setRun] = useState<RunView | null>(null);
  const [resultPage, setResultPage] = useState(1);

  const load = useCallback(async () => {
    const response = await api.getPage({ pageName: PAGE, params: { ...filterParams(filters), page: String(page) } });
    const data = response.data as { allowed: boolean; leadProviders?: { id: string; name: string }[]; candidates?: CandidatesPage };
    setAllowed(data.allowed);
    if (data.leadProviders) setLeadProviders(data.leadProviders.map((lp) => ({ value: lp.id, label: lp.name })));
    if (data.candidates) setList(data.candidates);
  }, [filters, page]);

  useEffect(() => { void load(); }, [load]);

  // Poll the run until it has finished, then show the results page by page.
  useEffect(() => {
    if (!requestId) return undefined;
    let stopped = false;
    const poll = async () => {
      const response = await api.getPage({ pageName: PAGE, params: { run: requestId, page: String(resultPage) } });
      const view = (response.data as { run: RunView }).run;
      if (stopped) return;
      setRun(view);
      if (view.state === 'starting' || view.state === 'running') timer = setTimeout(() => void poll(), POLL_MS);
    };
    let timer = setTimeout(() => void poll(), 0);
    return () => { stopped = true; clearTimeout(timer); };
  }, [requestId, resultPage]);

  const post = async <T,>(fields: Record<string, string>): Promise<T> => {
    setBusy(true);
    try {
      return (await api.getPage({ pageName: PAGE, method: 'post', data: form(fields) })).data as T;
    } finally {
      setBusy(false);
    }
  };

  const changeFilter = (change: Partial<Filters>) => { setFilters({ ...filters, ...change }); setPage(1); };
  const loadSchools = async (input: string): Promise<Option[]> => {
    const response = await api.getPage({ pageName: PAGE, params: { schools: input } });
    return ((response.data as { schools?: { id: string; name: string; urn: string }[] }).schools ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.urn})` }));
  };

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id); else next.add(id);
    setSelected(next);
  };
  const eligibleOnPage = list?.rows.filter((r) => r.status === 'eligible').map((r) => r.participantProfileId) ?? [];
  const pageAllSelected = eligibleOnPage.length > 0 && eligibleOnPage.every((id) => selected.has(id));
  const togglePage = () => {
    const next = new Set(selected);
    for (const id of eligibleOnPage) if (pageAllSelected) next.delete(id); else next.add(id);
    setSelected(next);
  };
  const selectAllEligible = async () => {
    const { ids } = await post<{ ids?: string[] }>({ op: 'eligibleIds', ...filterParams(filters) });
    setSelected(new Set([...selected, ...(ids ?? [])]));
  };

  const showPreview = async (previewPage = 1) => {
    setError(null);
    const reply = await post<{ preview?: Preview; notice?: { message: string } }>({ op: 'preview', ids: JSON.stringify([...selected]), page: String(previewPage) });
    if (reply.preview) setPreview(reply.preview); else setError(reply.notice?.message ?? 'The selection could not be previewed.');
  };

  const confirm = async () => {
    setError(null);
    const result = await post<{ requestId?: string; notice?: { message: string } }>({ op: 'start', ids: JSON.stringify([...selected]), reason });
    if (!result.requestId) { setError(result.notice?.message ?? 'The move could not be started.'); return; }
    setResultPage(1);
    setRun(null);
    setRequestId(result.requestId);
    window.history.replaceState(null, '', `?run=${encodeURIComponent(result.requestId)}`);
  };

  const startAgain = () => {
    setRequestId(null); setRun(null); setPreview(null); setSelected(new Set()); setReason(''); setError(null);
    window.history.replaceState(null, '', window.location.pathname);
    void load();
  };

  if (allowed === null) return <Box variant="white" p="xl"><Text>Loading…</Text></Box>;
  if (!allowed) return <Box variant="white" p="xl"><MessageBox variant="danger" message="Only super users may move participants out of payment-frozen cohorts." /></Box>;

  const destination = list?.destination ?? preview?.destination;
  const header = (
    <Box variant="white" p="xl" mb="xl">
      <H3>Move participants out of payment-frozen cohorts</H3>
      <Text>
        Participants who have not finished training in a cohort whose payments are frozen continue in the {destination?.startYear ?? 2024} cohort,
        so their lead provider can still be paid. Each move closes the current induction record and opens one in the school's default
        programme for {destination?.startYear ?? 2024} on the {destination?.scheduleIdentifier ?? 'extended'} schedule. Declarations stay on their statements.
      </Text>
    </Box>
  );

  if (requestId) {
    const finished = run && run.state !== 'starting' && run.state !== 'running';
    // The page's own API route, under whatever root the back office is mounted at.
    const root = window.location.pathname.split(`/pages/${PAGE}`)[0];
    const csvHref = `${root}/api/pages/${PAGE}?download=${encodeURIComponent(requestId)}`;
    return (
      <Box variant="grey" p="xl" data-testid="frozen-cohort-moves">
        {header}
        <Box variant="white" p="xl" data-testid="move-run">
          <H5>{finished ? 'Move finished' : 'Moving participants…'}</H5>
          <ProgressBar done={run?.done ?? 0} total={run?.total ?? selected.size} />
          {run?.error ? <MessageBox variant="danger" message={run.error} mb="lg" /> : null}
          {finished && run ? (
            <>
              <Box flex flexDirection="row" alignItems="center" mb="lg" data-testid="move-summary">
                {(['moved', 'unchanged', 'refused', 'failed'] as const).map((o) => (
                  <Badge key={o} variant={run.counts[o] > 0 ? OUTCOME_BADGE[o] : 'default'} mr="default">{OUTCOME_LABEL[o]}: {count(run.counts[o])}</Badge>
                ))}
                <Box flexGrow={1} />
                <Button as="a" href={csvHref} download variant="outlined" mr="default" data-testid="download-csv">Download CSV</Button>
                <Button variant="contained" onClick={startAgain}>Back to the list</Button>
              </Box>
              <Table data-testid="move-results">
                <TableHead><TableRow><TableCell>Participant</TableCell><TableCell>School</TableCell><TableCell>Cohort now</TableCell><TableCell>Outcome</TableCell><TableCell>Reason or result</TableCell></TableRow></TableHead>
                <TableBody>
                  {run.rows.map((r) => (
                    <TableRow key={r.participantProfileId}>
                      <TableCell><strong>{r.fullName ?? r.participantProfileId}</strong>{r.trn ? <Text variant="xs">TRN {r.trn}</Text> : null}</TableCell>
                      <TableCell>{r.schoolName}{r.schoolUrn ? <Text variant="xs">URN {r.schoolUrn}</Text> : null}</TableCell>
                      <TableCell>{r.cohortStartYear}</TableCell>
                      <TableCell><Badge variant={OUTCOME_BADGE[r.outcome]}>{OUTCOME_LABEL[r.outcome]}</Badge></TableCell>
                      <TableCell>{r.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {run.totalRows > run.perPage ? <Pagination page={run.page} perPage={run.perPage} total={run.totalRows} onChange={(p: number) => setResultPage(p)} /> : null}
            </>
          ) : null}
        </Box>
      </Box>
    );
  }

  if (preview) {
    return (
      <Box variant="grey" p="xl" data-testid="frozen-cohort-moves">
        {header}
        <Box variant="white" p="xl" data-testid="move-preview">
          <H5>Check the move</H5>
          <Text mb="default"><strong>{plural(preview.counts.eligible, 'participant')}</strong> will move to the {preview.destination.startYear} cohort.
            {preview.counts.already_moved ? ` ${plural(preview.counts.already_moved, 'is', 'are')} already there and will not change.` : ''}
          </Text>
          <Text>For each of them:</Text>
          <Box as="ul" mb="lg" ml="xl" style={{ listStyle: 'disc' }}>
            <li><Text>their current induction record is closed and a new one opened in their school's {preview.destination.startYear} default programme;</Text></li>
            <li><Text>their schedule becomes {preview.destination.scheduleIdentifier ?? '(none: the move will be refused)'} in the {preview.destination.startYear} cohort;</Text></li>
            <li><Text>"cohort changed after payments frozen" is set, so their lead provider is paid in the new cohort;</Text></li>
            <li><Text>their declarations keep their cohort and stay on their statements.</Text></li>
          </Box>
          {preview.counts.blocked ? (
            <Box mb="lg" data-testid="preview-blocked">
              <Text mb="sm"><strong>{plural(preview.counts.blocked, 'participant')}</strong> will not move:</Text>
              {preview.reasons.map((r) => <Text key={r.reason} variant="sm">{count(r.count)} × {r.reason}</Text>)}
            </Box>
          ) : null}
          <Table mb="lg">
            <TableHead><TableRow><TableCell>Participant</TableCell><TableCell>School</TableCell><TableCell>Now</TableCell><TableCell>After the move</TableCell></TableRow></TableHead>
            <TableBody>
              {preview.rows.map((r) => (
                <TableRow key={r.participantProfileId}>
                  <TableCell><strong>{r.fullName}</strong>{r.trn ? <Text variant="xs">TRN {r.trn}</Text> : null}</TableCell>
                  <TableCell>{r.schoolName}{r.schoolUrn ? <Text variant="xs">URN {r.schoolUrn}</Text> : null}</TableCell>
                  <TableCell style={NO_WRAP}>{r.sourceCohortStartYear}, {r.scheduleIdentifier}<Text variant="xs">{r.leadProviderName ?? 'No lead provider'}</Text></TableCell>
                  <TableCell style={r.status === 'eligible' ? NO_WRAP : undefined}>
                    {r.status === 'eligible' ? (
                      <>{preview.destination.startYear}, {preview.destination.scheduleIdentifier}<Text variant="xs">{r.targetLeadProviderName ?? 'No lead provider'}{r.targetLeadProviderName !== r.leadProviderName ? ' (changes)' : ''}</Text></>
                    ) : <Reasons row={r} />}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {preview.total > preview.perPage ? <Pagination page={preview.page} perPage={preview.perPage} total={preview.total} onChange={(p: number) => void showPreview(p)} /> : null}
          <Box mt="xl" width={[1, 1, 2 / 3]}>
            <Label htmlFor="move-reason" required>Reason for the move (recorded in the audit log of each participant)</Label>
            <TextArea id="move-reason" width={1} rows={3} value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
          </Box>
          {error ? <MessageBox variant="danger" message={error} mt="lg" /> : null}
          <Box mt="lg" flex flexDirection="row">
            <Button variant="outlined" mr="default" onClick={() => { setPreview(null); setError(null); }}>Back</Button>
            <Button variant="contained" disabled={busy || preview.counts.eligible === 0} onClick={() => void confirm()} data-testid="confirm-move">
              Move {plural(preview.counts.eligible, 'participant')}
            </Button>
          </Box>
        </Box>
      </Box>
    );
  }

  const counts = list?.counts ?? { eligible: 0, blocked: 0, already_moved: 0 };
  const tabs: [Status | '', string, number][] = [
    ['', 'All', counts.eligible + counts.blocked + counts.already_moved],
    ...(['eligible', 'blocked', 'already_moved'] as const).map((s): [Status, string, number] => [s, STATUS_LABEL[s], counts[s]]),
  ];
  return (
    <Box variant="grey" p="xl" data-testid="frozen-cohort-moves">
      {header}
      <Box variant="white" p="xl">
        <Box flex flexDirection="row" flexWrap="wrap" alignItems="flex-end" mb="lg">
          <Box width={260} mr="default">
            <Label htmlFor="filter-lead-provider">Lead provider</Label>
            <Select inputId="filter-lead-provider" isClearable value={filters.leadProvider} options={leadProviders}
              onChange={(o: Option | null) => changeFilter({ leadProvider: o })} />
          </Box>
          <Box width={340} mr="default">
            <Label htmlFor="filter-school">School (name or URN)</Label>
            <SelectAsync inputId="filter-school" isClearable cacheOptions defaultOptions loadOptions={loadSchools} value={filters.school}
              onChange={(o: Option | null) => changeFilter({ school: o })} />
          </Box>
          <Box width={260} mr="default">
            <Label htmlFor="filter-search">Participant (name, email or TRN)</Label>
            <Input id="filter-search" width={1} value={search} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch(e.target.value)}
              onKeyDown={(e: React.KeyboardEvent) => { if (e.key === 'Enter') changeFilter({ search }); }} />
          </Box>
          <Button variant="outlined" onClick={() => changeFilter({ search })}>Search</Button>
        </Box>
        <Box flex flexDirection="row" mb="lg" data-testid="status-tabs">
          {tabs.map(([status, label, n]) => (
            <Button key={label} size="sm" mr="sm" variant={filters.status === status ? 'contained' : 'outlined'} onClick={() => changeFilter({ status })}>
              {label} ({count(n)})
            </Button>
          ))}
        </Box>
        <Box flex flexDirection="row" alignItems="center" mb="lg" p="default" bg="grey20" data-testid="selection-bar">
          <Text mr="lg"><strong data-testid="selected-count">{count(selected.size)}</strong> selected</Text>
          <Button size="sm" variant="outlined" mr="default" disabled={busy || counts.eligible === 0} onClick={() => void selectAllEligible()}>
            Select all eligible ({count(counts.eligible)})
          </Button>
          <Button size="sm" variant="text" mr="default" disabled={selected.size === 0} onClick={() => setSelected(new Set())}>Clear selection</Button>
          <Box flexGrow={1} />
          <Button variant="contained" disabled={busy || selected.size === 0} onClick={() => void showPreview()}>Preview the move</Button>
        </Box>
        {error ? <MessageBox variant="danger" message={error} mb="lg" /> : null}
        {list && list.rows.length === 0 ? <Text>No participants match.</Text> : (
          <Table data-testid="candidates">
            <TableHead>
              <TableRow>
                <TableCell><CheckBox id="select-page" checked={pageAllSelected} disabled={eligibleOnPage.length === 0} onChange={togglePage} /></TableCell>
                <TableCell>Participant</TableCell><TableCell>School</TableCell><TableCell>Lead provider</TableCell>
                <TableCell>Cohort and schedule</TableCell><TableCell>Billable declarations</TableCell><TableCell>Status</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(list?.rows ?? []).map((r) => (
                <TableRow key={r.participantProfileId} data-testid="candidate">
                  <TableCell>
                    <CheckBox id={`select-${r.participantProfileId}`} aria-label={`Select ${r.fullName}`} disabled={r.status !== 'eligible'}
                      checked={selected.has(r.participantProfileId)} onChange={() => toggle(r.participantProfileId)} />
                  </TableCell>
                  <TableCell><strong>{r.fullName}</strong><Text variant="xs">{r.participantType === 'ect' ? 'ECT' : 'Mentor'}{r.trn ? `, TRN ${r.trn}` : ''}</Text></TableCell>
                  <TableCell>{r.schoolName}{r.schoolUrn ? <Text variant="xs">URN {r.schoolUrn}</Text> : null}</TableCell>
                  <TableCell>{r.leadProviderName ?? '–'}</TableCell>
                  <TableCell style={NO_WRAP}>
                    {r.status === 'already_moved' ? `${r.sourceCohortStartYear} → ${list?.destination.startYear}` : r.sourceCohortStartYear}
                    <Text variant="xs">{r.scheduleIdentifier}</Text>
                  </TableCell>
                  <TableCell>{r.billableDeclarations}</TableCell>
                  <TableCell>
                    <Badge variant={STATUS_BADGE[r.status]} mb="sm">{STATUS_LABEL[r.status]}</Badge>
                    <Reasons row={r} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {list && list.total > list.perPage ? (
          <Box mt="lg" flex flexDirection="row" alignItems="center">
            <Pagination page={list.page} perPage={list.perPage} total={list.total} onChange={(p: number) => setPage(p)} />
            <Text ml="lg" variant="sm">{plural(list.total, 'participant')}</Text>
          </Box>
        ) : null}
      </Box>
    </Box>
  );
};

export default FrozenCohortMoves;
