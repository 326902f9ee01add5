// The first step: filter the frozen cohort's participants and pick the eligible ones to move.
import React, { useState } from 'react';
import {
  Badge, Box, Button, CheckBox, Input, Label, MessageBox, Pagination, Select, SelectAsync, Table, TableBody, TableCell, TableHead, TableRow, Text,
} from '@adminjs/design-system';
import { Reasons } from './reasons.js';
import { api, count, NO_WRAP, PAGE, plural, type CandidatesPage, type Filters, type Option, type Status } from './shared.js';

const STATUS_LABEL: Record<Status, string> = { eligible: 'Eligible', blocked: 'Blocked', already_moved: 'Already moved' };
const STATUS_BADGE = { eligible: 'success', blocked: 'danger', already_moved: 'secondary' } as const;

async function loadSchools(input: string): Promise<Option[]> {
  const response = await api.getPage({ pageName: PAGE, params: { schools: input } });
  return ((response.data as { schools?: { id: string; name: string; urn: string }[] }).schools ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.urn})` }));
}

interface Props {
  list: CandidatesPage | null;
  leadProviders: Option[];
  filters: Filters;
  changeFilter: (change: Partial<Filters>) => void;
  setPage: (page: number) => void;
  selected: Set<string>;
  setSelected: (selected: Set<string>) => void;
  busy: boolean;
  error: string | null;
  onSelectAllEligible: () => void;
  onPreview: () => void;
}

export function CandidatePicker({ list, leadProviders, filters, changeFilter, setPage, selected, setSelected, busy, error, onSelectAllEligible, onPreview }: Props) {
  const [search, setSearch] = useState(filters.search);
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
  const counts = list?.counts ?? { eligible: 0, blocked: 0, already_moved: 0 };
  const tabs: [Status | '', string, number][] = [
    ['', 'All', counts.eligible + counts.blocked + counts.already_moved],
    ...(['eligible', 'blocked', 'already_moved'] as const).map((s): [Status, string, number] => [s, STATUS_LABEL[s], counts[s]]),
  ];
  return (
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
        <Button size="sm" variant="outlined" mr="default" disabled={busy || counts.eligible === 0} onClick={onSelectAllEligible}>
          Select all eligible ({count(counts.eligible)})
        </Button>
        <Button size="sm" variant="text" mr="default" disabled={selected.size === 0} onClick={() => setSelected(new Set())}>Clear selection</Button>
        <Box flexGrow={1} />
        <Button variant="contained" disabled={busy || selected.size === 0} onClick={onPreview}>Preview the move</Button>
      </Box>
      {error ? <MessageBox variant="danger" message={error} mb="lg" /> : null}
      {list && list.rows.length === 0 ? <Text>No participants match.</Text> : (
        <Table data-testid="candidates">
          <TableHead>
            <TableRow>
              <TableCell><CheckBox id="select-page" aria-label="Select every eligible participant on this page" checked={pageAllSelected} disabled={eligibleOnPage.length === 0} onChange={togglePage} /></TableCell>
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
  );
}
