// Duplicate participants: candidate pairs → two side by side → choose the one to keep → dry run → merge.
import React, { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiClient, useNotice } from 'adminjs';
import { Badge, Box, Button, H3, H5, Label, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text, TextArea } from '@adminjs/design-system';
import { formatDate, formatDateTime } from '../human-dates.js';

interface Side { teacherId: string; fullName: string; email: string; trn: string | null; dateOfBirth: string | null; profiles: number; declarations: number }
interface Pair { match: 'same_trn' | 'same_name_and_date_of_birth'; a: Side; b: Side }
interface List { total: number; page: number; perPage: number; pairs: Pair[] }
interface Profile {
  id: string; type: string; cohort: number; school: string; status: string; trainingStatus: string; archived: boolean;
  inductionRecords: { start: string; end: string | null; inductionStatus: string; trainingStatus: string }[];
  declarations: { type: string; state: string; leadProvider: string; date: string }[];
}
interface Person {
  teacherId: string; fullName: string; email: string; trn: string | null; dateOfBirth: string | null;
  nationalInsuranceNumber: string | null; mergedIntoId: string | null; createdAt: string; profiles: Profile[];
}
interface Report {
  applied: boolean; keptTeacherId: string; removedTeacherId: string; identityFilled: string[]; moved: Record<string, number>;
  profilesMoved: { profileId: string; type: string }[]; profilesMerged: { fromProfileId: string; toProfileId: string; type: string }[];
}
interface Reply { list?: List; compare?: [Person, Person]; report?: Report; notice?: { message: string; type: 'success' | 'error' | 'info' }; forbidden?: boolean }

const PAGE = 'duplicates';
const api = new ApiClient();
const MATCH = { same_trn: 'Same TRN', same_name_and_date_of_birth: 'Same name and date of birth' };

function PairsList({ list, open }: { list: List; open: (pair: Pair) => void }) {
  const person = (s: Side) => (
    <>
      <strong>{s.fullName}</strong><br />
      <Text variant="sm">{s.email}</Text>
      <Text variant="sm">TRN {s.trn ?? '—'} · born {s.dateOfBirth ? formatDate(s.dateOfBirth) : '—'} · {s.profiles} profile(s), {s.declarations} declaration(s)</Text>
    </>
  );
  return (
    <>
      <Text mb="lg">{list.total} candidate pair(s). Compare a pair to see both records, then merge them if they are the same person.</Text>
      <Table data-testid="duplicate-pairs">
        <TableHead><TableRow><TableCell>Match</TableCell><TableCell>Participant</TableCell><TableCell>Possible duplicate</TableCell><TableCell /></TableRow></TableHead>
        <TableBody>
          {list.pairs.map((pair) => (
            <TableRow key={`${pair.a.teacherId}-${pair.b.teacherId}`}>
              <TableCell><Badge>{MATCH[pair.match]}</Badge></TableCell>
              <TableCell>{person(pair.a)}</TableCell>
              <TableCell>{person(pair.b)}</TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}><Button size="sm" onClick={() => open(pair)}>Compare</Button></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

function PersonColumn({ person, label }: { person: Person; label: string }) {
  return (
    <Box flex="1" p="lg" mr="lg" style={{ border: '1px solid #ddd', minWidth: 0 }} data-testid={`person-${label}`}>
      <H5>{label}: {person.fullName}</H5>
      <Table mb="lg"><TableBody>
        {([['Email', person.email], ['TRN', person.trn], ['Date of birth', person.dateOfBirth ? formatDate(person.dateOfBirth) : null], ['National Insurance number', person.nationalInsuranceNumber],
          ['Created', formatDateTime(person.createdAt)], ['Participant id', person.teacherId]] as [string, string | null][]).map(([k, v]) => (
          <TableRow key={k}><TableCell><strong>{k}</strong></TableCell><TableCell>{v ?? '—'}</TableCell></TableRow>
        ))}
      </TableBody></Table>
      {person.profiles.map((p) => (
        <Box key={p.id} mb="lg">
          <Text><strong>{p.type === 'ect' ? 'ECT' : 'Mentor'}</strong> · {p.cohort} cohort · {p.school} · {p.status}, training {p.trainingStatus}{p.archived ? ' · archived' : ''}</Text>
          {p.inductionRecords.map((r, i) => (
            <Text key={i} variant="sm">Induction record {r.start} → {r.end ?? 'now'} ({r.inductionStatus}, {r.trainingStatus})</Text>
          ))}
          {p.declarations.map((d, i) => <Text key={i} variant="sm">Declaration {d.type} {formatDate(d.date)}: {d.state} ({d.leadProvider})</Text>)}
          {p.declarations.length === 0 ? <Text variant="sm">No declarations</Text> : null}
        </Box>
      ))}
    </Box>
  );
}

function ReportView({ report }: { report: Report }) {
  const rows: [string, string][] = [
    ...report.profilesMerged.map((p) => ['Profile merged', `${p.type}: ${p.fromProfileId} → ${p.toProfileId} (archived)`] as [string, string]),
    ...report.profilesMoved.map((p) => ['Profile moved to the kept participant', `${p.type}: ${p.profileId}`] as [string, string]),
    ...Object.entries(report.moved).map(([k, n]) => [`Rows re-pointed: ${k}`, String(n)] as [string, string]),
    ['Identity filled from the removed record', report.identityFilled.join(', ') || 'nothing'],
  ];
  return (
    <Box mb="lg" data-testid="merge-report">
      <H5>{report.applied ? 'Merged' : 'Dry run: what the merge will do'}</H5>
      <Table><TableBody>{rows.map(([k, v], i) => <TableRow key={i}><TableCell>{k}</TableCell><TableCell>{v}</TableCell></TableRow>)}</TableBody></Table>
    </Box>
  );
}

const DuplicatesPage: React.FC = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const addNotice = useNotice();
  const query = new URLSearchParams(location.search);
  const a = query.get('a');
  const b = query.get('b');
  const [reply, setReply] = useState<Reply | null>(null);
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const [reason, setReason] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setReply(null);
    setReport(null);
    api.getPage({ pageName: PAGE, params: a && b ? { a, b } : { page: query.get('page') ?? '1' } }).then((r) => {
      const data = r.data as Reply;
      if (data.notice) addNotice(data.notice);
      setReply(data);
    });
  }, [location.search]);

  const merge = async (dryRun: boolean) => {
    if (!reply?.compare) return;
    const [left, right] = reply.compare;
    const [kept, removed] = keep === 'a' ? [left, right] : [right, left];
    setBusy(true);
    try {
      const data = new FormData();
      data.append('keep', kept.teacherId);
      data.append('remove', removed.teacherId);
      data.append('reason', reason);
      data.append('dryRun', String(dryRun));
      const answer = (await api.getPage({ pageName: PAGE, method: 'post', data })).data as Reply;
      if (answer.notice) addNotice(answer.notice);
      if (answer.report) setReport(answer.report);
      if (answer.report?.applied) navigate(location.pathname);
    } finally {
      setBusy(false);
    }
  };

  if (!reply) return <Box variant="white" p="xl"><Text>Loading…</Text></Box>;
  if (reply.forbidden) return <Box variant="white" p="xl"><MessageBox variant="danger" message="You do not have permission to see this page." /></Box>;
  return (
    <Box variant="white" p="xl" data-testid="duplicates-page">
      <H3>Duplicate participants</H3>
      {reply.list ? <PairsList list={reply.list} open={(pair) => navigate(`${location.pathname}?a=${pair.a.teacherId}&b=${pair.b.teacherId}`)} /> : null}
      {reply.compare ? (
        <>
          <Button variant="text" mb="lg" onClick={() => navigate(location.pathname)}>← All candidate pairs</Button>
          <Box flex mb="xl">
            <PersonColumn person={reply.compare[0]} label="A" />
            <PersonColumn person={reply.compare[1]} label="B" />
          </Box>
          <fieldset style={{ marginBottom: 16 }}>
            <legend><Label>Which record do you keep? Everything on the other moves to it; the other is archived.</Label></legend>
            {(['a', 'b'] as const).map((side, i) => (
              <Box key={side} mb="sm">
                <input type="radio" id={`keep-${side}`} name="keep" checked={keep === side} onChange={() => { setKeep(side); setReport(null); }} />
                <label htmlFor={`keep-${side}`} style={{ marginLeft: 8 }}>Keep {side.toUpperCase()}: {reply.compare![i].fullName} ({reply.compare![i].email})</label>
              </Box>
            ))}
          </fieldset>
          <Label htmlFor="merge-reason">Reason for the merge (recorded in the audit log)</Label>
          <TextArea id="merge-reason" width="100%" rows={3} mb="lg" value={reason}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => { setReason(e.target.value); setReport(null); }} />
          {report ? <ReportView report={report} /> : null}
          <Box flex>
            <Button mr="default" disabled={busy} onClick={() => merge(true)}>Dry run</Button>
            <Button variant="contained" color="danger" disabled={busy || !report || report.applied} onClick={() => merge(false)}>Merge participants</Button>
          </Box>
          {!report ? <Text variant="sm" mt="sm">Run the dry run first: it shows exactly what the merge will move.</Text> : null}
        </>
      ) : null}
    </Box>
  );
};

export default DuplicatesPage;
