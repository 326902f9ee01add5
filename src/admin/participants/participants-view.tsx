// Support's participant page: search, then one person's training, declarations, API view and history, with the
// support actions as small forms that each ask for a reason.
import React, { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiClient, useNotice } from 'adminjs';
import { AuditChanges, type AuditChange } from '../components/audit-changes.js';
import { CheckYourAnswers } from '../components/check-your-answers.js';
import { formatDate, formatDateTime } from '../human-dates.js';
import {
  Badge, Box, Button, FormGroup, H2, H3, H4, H5, Input, Label, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text, TextArea,
} from '@adminjs/design-system';

const PAGE = 'participants';
const api = new ApiClient();

interface Hit {
  teacherId: string; fullName: string; email: string; trn: string | null;
  profiles: { id: string; type: string; trainingStatus: string; archived: boolean; cohort: number; schoolName: string; schoolUrn: string }[];
}
interface InductionRecord {
  id: string; startDate: string; endDate: string | null; inductionStatus: string; trainingStatus: string; schoolTransfer: boolean;
  school: string; cohort: number; programme: string; schedule: string; leadProvider: string | null; deliveryPartner: string | null; relationship: boolean;
}
interface Declaration {
  id: string; declarationType: string; declarationDate: string; state: string; leadProvider: string; deliveryPartner: string | null;
  history: { state: string; reason: string | null; at: string }[];
  statements: { id: string; name: string; state: string; statementState: string }[];
}
interface Profile {
  id: string; type: 'ect' | 'mentor'; status: string; trainingStatus: string; archivedAt: string | null; notes: string | null;
  cohort: number; schedule: string; school: { name: string; urn: string };
  mentor: { teacherId: string; fullName: string } | null;
  leadProvider: { name: string } | null; deliveryPartner: { name: string } | null;
  eligibility: { status: string; reason: string; trnValidation: string; duplicity: string };
  uplifts: { pupilPremium: boolean; sparsity: boolean };
  induction: { start: string | null; completion: string | null; mentorCompletion: string | null };
  cohortChangedAfterPaymentsFrozen: boolean;
  inductionRecords: InductionRecord[];
  statusChanges: { state: string; reason: string | null; leadProvider: string | null; at: string }[];
  declarations: Declaration[];
}
interface AuditEvent { at: string; actor: string; action: string; words: string; changes: AuditChange[]; subjectType: string; reason: string | null }
interface Participant {
  teacher: { id: string; fullName: string; email: string; trn: string | null; dateOfBirth: string | null; nationalInsuranceNumber: string | null; createdAt: string };
  profiles: Profile[];
  audit: AuditEvent[];
  apiViews: { leadProvider: string; resource: unknown }[];
  permissions: { edit: boolean; changeProvider: boolean; seesIdentity: boolean };
  choices: { deferralReasons: string[]; withdrawalReasons: string[]; providers: { cohort: number; value: string; label: string }[] };
}
interface Notice { message: string; type: 'success' | 'error'; errors: string[] }
interface Data { forbidden?: boolean; query?: string; results?: Hit[]; participant?: Participant | null; notice?: Notice }

type Option = { value: string; label: string };
type Field = {
  name: string; label: string; type?: 'text' | 'textarea' | 'select' | 'date'; options?: Option[]; value?: string; hint?: string;
  /** Options that follow another field's answer (a field with none for that answer is not asked). */
  optionsBy?: { field: string; options: Record<string, Option[]> };
};
interface FormSpec {
  op: string; title: string; fields: Field[]; submit: string; hidden: Record<string, string>; danger?: boolean;
  /** What happens on confirming; with these the form has a check-your-answers step before it is sent. */
  consequences?: string[];
}

const PROFILE_LABELS: Record<string, string> = { ect: 'Early career teacher', mentor: 'Mentor' };
const STATUS_VARIANT: Record<string, 'success' | 'info' | 'danger' | 'default'> = { active: 'success', deferred: 'info', withdrawn: 'danger' };
const when = formatDateTime;
const dateOnly = formatDate;
/** A calendar day, or what stands in its place (a masked value stays masked). */
const dayOr = (value: string | null, none: string) => (value ? formatDate(value) || value : none);
const humanise = (value: string) => value.replace(/[_-]/g, ' ');
const NOWRAP = { whiteSpace: 'nowrap' } as const;

function Pairs({ rows, testId }: { rows: [string, React.ReactNode][]; testId?: string }) {
  return (
    <Table mb="lg" data-testid={testId}><TableBody>
      {rows.map(([label, value]) => (
        <TableRow key={label}><TableCell width={260}><strong>{label}</strong></TableCell><TableCell>{value}</TableCell></TableRow>
      ))}
    </TableBody></Table>
  );
}

const optionsOf = (f: Field, values: Record<string, string>): Option[] | undefined =>
  f.optionsBy ? f.optionsBy.options[values[f.optionsBy.field]] ?? [] : f.options;
const asked = (f: Field, values: Record<string, string>) => !f.optionsBy || (optionsOf(f, values) ?? []).length > 0;
const answerText = (f: Field, values: Record<string, string>) =>
  !values[f.name] ? 'Not given' : (optionsOf(f, values) ?? []).find((o) => o.value === values[f.name])?.label ?? values[f.name];

function ActionForm({ spec, busy, errors, onSubmit, onCancel }: {
  spec: FormSpec; busy: boolean; errors: string[]; onSubmit: (values: Record<string, string>) => void; onCancel: () => void;
}) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(spec.fields.map((f) => [f.name, f.value ?? ''])));
  const [checking, setChecking] = useState(false);
  // A refusal comes back as errors: back to the answers to correct them.
  useEffect(() => setChecking(false), [errors]);
  const set = (name: string, value: string) => setValues((v) => {
    const next = { ...v, [name]: value };
    // An answer that no longer fits (a withdrawal reason after choosing "Deferred") is cleared.
    for (const f of spec.fields) if (f.optionsBy?.field === name && !optionsOf(f, next)?.some((o) => o.value === next[f.name])) next[f.name] = '';
    return next;
  });
  const send = () => onSubmit({ ...spec.hidden, ...values, op: spec.op });
  if (checking && spec.consequences) {
    return (
      <Box variant="grey" p="lg" mb="lg" data-testid={`form-${spec.op}`}>
        <CheckYourAnswers title={`Check your answers: ${spec.title.toLowerCase()}`} confirmLabel={spec.submit} busy={busy} danger={spec.danger}
          answers={spec.fields.filter((f) => asked(f, values)).map((f): [string, string] => [f.label, answerText(f, values)])}
          consequences={spec.consequences} onConfirm={send} onBack={() => setChecking(false)} />
      </Box>
    );
  }
  return (
    <Box variant="grey" p="lg" mb="lg" data-testid={`form-${spec.op}`}>
      <H5>{spec.title}</H5>
      {errors.map((e) => <MessageBox key={e} variant="danger" message={e} mb="default" />)}
      {spec.fields.filter((f) => asked(f, values)).map((f) => {
        const id = `${spec.op}-${f.name}`;
        return (
          <FormGroup key={f.name}>
            <Label htmlFor={id}>{f.label}</Label>
            {f.type === 'select' ? (
              <select id={id} value={values[f.name]} onChange={(e) => set(f.name, e.target.value)} style={{ width: '100%', padding: 8 }}>
                <option value="">Choose…</option>
                {(optionsOf(f, values) ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            ) : f.type === 'textarea' ? (
              <TextArea id={id} width="100%" rows={3} value={values[f.name]} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set(f.name, e.target.value)} />
            ) : (
              <Input id={id} type={f.type === 'date' ? 'date' : 'text'} width="100%" value={values[f.name]}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(f.name, e.target.value)} />
            )}
            {f.hint ? <Text variant="sm" mt="sm">{f.hint}</Text> : null}
          </FormGroup>
        );
      })}
      {spec.consequences
        ? <Button variant="contained" disabled={busy} mr="default" onClick={() => setChecking(true)}>Continue</Button>
        : <Button variant="contained" color={spec.danger ? 'danger' : 'primary'} disabled={busy} mr="default" onClick={send}>{spec.submit}</Button>}
      <Button variant="text" onClick={onCancel}>Cancel</Button>
    </Box>
  );
}

const reasonField: Field = { name: 'reason', label: 'Reason for the change (recorded in the audit log)', type: 'textarea' };

function teacherForms(p: Participant): FormSpec[] {
  const hidden = { teacherId: p.teacher.id };
  const forms: FormSpec[] = [{
    op: 'details', title: 'Change name or email', submit: 'Save name and email', hidden,
    fields: [{ name: 'fullName', label: 'Full name', value: p.teacher.fullName }, { name: 'email', label: 'Email address', value: p.teacher.email }, reasonField],
    consequences: ['Lead providers see the new name and email in the API from their next request.', 'Recorded in the audit log with your name and reason.'],
  }];
  if (p.permissions.seesIdentity) {
    forms.push({
      op: 'identity', title: 'Change identity details', submit: 'Save identity details', hidden,
      fields: [
        { name: 'trn', label: 'Teacher reference number (TRN)', value: p.teacher.trn ?? '', hint: 'A changed TRN has to be validated again.' },
        { name: 'dateOfBirth', label: 'Date of birth', type: 'date', value: p.teacher.dateOfBirth ?? '' },
        { name: 'nationalInsuranceNumber', label: 'National Insurance number', value: p.teacher.nationalInsuranceNumber ?? '' },
        reasonField,
      ],
      consequences: ['Lead providers see the new details in the API; a changed TRN is validated again.', 'Recorded in the audit log with your name and reason.'],
    });
  }
  return forms;
}

function profileForms(p: Participant, profile: Profile): FormSpec[] {
  const hidden = { teacherId: p.teacher.id, participantProfileId: profile.id };
  const reasons = (list: string[]) => list.map((r) => ({ value: r, label: humanise(r) }));
  const forms: FormSpec[] = [
    {
      op: 'trainingStatus', title: 'Change training status', submit: 'Change training status', hidden,
      fields: [
        { name: 'trainingStatus', label: 'New training status', type: 'select', options: [
          { value: 'active', label: 'Active (resume training)' }, { value: 'deferred', label: 'Deferred' }, { value: 'withdrawn', label: 'Withdrawn' }] },
        // Deferral and withdrawal reasons share values such as "other": only the chosen status's reasons are offered.
        { name: 'statusReason', label: "The DfE's reason", type: 'select', optionsBy: { field: 'trainingStatus', options: {
          deferred: reasons(p.choices.deferralReasons), withdrawn: reasons(p.choices.withdrawalReasons) } } },
        reasonField,
      ],
      consequences: [
        `${profile.leadProvider?.name ?? 'The lead provider'} sees the new training status in the API from its next request, as if it had made the change itself.`,
        'While deferred or withdrawn, declarations dated after the change are refused, so they are not paid.',
        'Recorded in the audit log with your name and reason.',
      ],
    },
    {
      op: 'transfer', title: 'Transfer to another school', submit: 'Transfer participant', hidden,
      fields: [
        { name: 'schoolUrn', label: "New school's URN", hint: 'They keep their lead provider and delivery partner; a relationship partnership is made when the new school has none with them.' },
        { name: 'startDate', label: 'Joins the new school on (today when blank)', type: 'date' },
        reasonField,
      ],
      consequences: [
        'Their induction record at the current school ends on the joining date and one at the new school starts then, with the same lead provider and delivery partner.',
        'Their lead provider sees the new school in the API; their declarations stay where they are.',
        'Recorded in the audit log with your name and reason.',
      ],
    },
    { op: 'trnCheck', title: 'Re-run TRN validation', submit: 'Request TRN check', hidden, fields: [
      { ...reasonField, label: 'Why the TRN needs checking again', hint: 'Asks for a manual TRN check; the TRN validation shows as awaiting it until the answer is recorded.' }] },
    { op: 'note', title: 'Add a note', submit: 'Add note', hidden, fields: [{ name: 'note', label: 'Note', type: 'textarea', hint: 'A note blocks a move out of a payment-frozen cohort until it is dealt with.' }] },
  ];
  if (p.permissions.changeProvider) {
    forms.push({
      op: 'provider', title: 'Change lead provider or delivery partner', submit: 'Change provider', hidden,
      fields: [{ name: 'provider', label: 'Lead provider and delivery partner', type: 'select', options: p.choices.providers.filter((c) => c.cohort === profile.cohort) }, reasonField],
      consequences: [
        'Their current induction record closes and a new one starts today with the new lead provider and delivery partner.',
        'The new lead provider sees them in the API and is paid for their declarations from now; declarations already made stay with the provider that made them.',
        'Recorded in the audit log with your name and reason.',
      ],
    });
  }
  if (!profile.archivedAt) {
    forms.push({ op: 'archive', title: 'Remove participant', submit: 'Remove participant', danger: true, hidden, fields: [
      { ...reasonField, hint: 'Only when every declaration is voided. The record is archived, not deleted.' }],
      consequences: ['The participant is archived, kept with their history, and shows as removed.', 'Recorded in the audit log with your name and reason.'] });
  }
  return forms;
}

function ProfileCard({ profile, actions }: { profile: Profile; actions: React.ReactNode }) {
  return (
    <Box variant="white" p="xl" mb="xl" data-testid={`profile-${profile.type}`}>
      <Box flex flexDirection="row" alignItems="center" mb="lg">
        <H3 mb="0" mr="lg">{PROFILE_LABELS[profile.type]}: {profile.cohort} cohort</H3>
        <Badge variant={STATUS_VARIANT[profile.trainingStatus] ?? 'default'} mr="default" data-testid="training-status">Training {profile.trainingStatus}</Badge>
        {profile.archivedAt ? <Badge variant="danger">Removed {dateOnly(profile.archivedAt)}</Badge> : null}
      </Box>
      <Pairs rows={[
        ['Training record ID', <code key="id">{profile.id}</code>],
        ['School', `${profile.school.name} (URN ${profile.school.urn})`],
        ['Cohort and schedule', `${profile.cohort} · ${profile.schedule}`],
        ['Lead provider', profile.leadProvider?.name ?? 'None (not provider-led)'],
        ['Delivery partner', profile.deliveryPartner?.name ?? 'None'],
        ['Profile status', profile.status],
        ['Eligibility for funding', `${humanise(profile.eligibility.status)}${profile.eligibility.reason !== 'none' ? ` (${humanise(profile.eligibility.reason)})` : ''}`],
        ['TRN validation', humanise(profile.eligibility.trnValidation)],
        ...(profile.mentor ? [['Mentor', profile.mentor.fullName] as [string, React.ReactNode]] : []),
        ['Uplifts', [profile.uplifts.pupilPremium && 'pupil premium', profile.uplifts.sparsity && 'sparsity'].filter(Boolean).join(', ') || 'None'],
        ['Induction', `started ${dayOr(profile.induction.start, '—')}, completed ${dayOr(profile.induction.completion ?? profile.induction.mentorCompletion, '—')}`],
        ...(profile.cohortChangedAfterPaymentsFrozen ? [['Cohort changed after payments frozen', 'Yes'] as [string, React.ReactNode]] : []),
        ['Notes', profile.notes ? <span key="n" style={{ whiteSpace: 'pre-wrap' }}>{profile.notes}</span> : 'None'],
      ]} />
      {actions}

      <H5>Induction records</H5>
      <Table mb="xl" data-testid="induction-records">
        <TableHead><TableRow>
          {['Start', 'End', 'Induction status', 'Training status', 'School', 'Training with', 'Schedule'].map((h) => <TableCell key={h}>{h}</TableCell>)}
        </TableRow></TableHead>
        <TableBody>{profile.inductionRecords.map((r) => (
          <TableRow key={r.id}>
            <TableCell style={NOWRAP}>{dateOnly(r.startDate)}</TableCell>
            <TableCell style={NOWRAP}>{r.endDate ? dateOnly(r.endDate) : 'Current'}</TableCell>
            <TableCell>{r.inductionStatus}{r.schoolTransfer ? ' (transfer)' : ''}</TableCell>
            <TableCell>{r.trainingStatus}</TableCell>
            <TableCell>{r.school}</TableCell>
            <TableCell>{r.leadProvider ? `${r.leadProvider} with ${r.deliveryPartner}${r.relationship ? ' (relationship partnership)' : ''}` : humanise(r.programme)}</TableCell>
            <TableCell>{r.schedule}</TableCell>
          </TableRow>
        ))}</TableBody>
      </Table>

      {profile.statusChanges.length ? (
        <>
          <H5>Training status changes</H5>
          <Table mb="xl"><TableBody>{profile.statusChanges.map((s, i) => (
            <TableRow key={i}><TableCell>{when(s.at)}</TableCell><TableCell>{s.state}</TableCell><TableCell>{s.reason ? humanise(s.reason) : ''}</TableCell><TableCell>{s.leadProvider ?? ''}</TableCell></TableRow>
          ))}</TableBody></Table>
        </>
      ) : null}

      <H5>Declarations</H5>
      {profile.declarations.length === 0 ? <Text mb="xl">No declarations.</Text> : (
        <Table mb="xl" data-testid="declarations">
          <TableHead><TableRow>{['Type', 'Declaration date', 'State', 'Lead provider', 'State history', 'Statements'].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow></TableHead>
          <TableBody>{profile.declarations.map((d) => (
            <TableRow key={d.id}>
              <TableCell style={NOWRAP}>{d.declarationType}</TableCell>
              <TableCell style={NOWRAP}>{dateOnly(d.declarationDate)}</TableCell>
              <TableCell><Badge variant={d.state === 'voided' || d.state === 'ineligible' ? 'danger' : d.state === 'paid' ? 'success' : 'info'}>{humanise(d.state)}</Badge></TableCell>
              <TableCell>{d.leadProvider}{d.deliveryPartner ? ` with ${d.deliveryPartner}` : ''}</TableCell>
              <TableCell>{d.history.map((h) => `${humanise(h.state)}${h.reason ? ` (${h.reason})` : ''} ${dateOnly(h.at)}`).join(' → ')}</TableCell>
              <TableCell>{d.statements.map((s) => `${s.name}: ${humanise(s.state)}`).join('; ') || '—'}</TableCell>
            </TableRow>
          ))}</TableBody>
        </Table>
      )}
    </Box>
  );
}

const ParticipantsPage: React.FC = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const params = new URLSearchParams(location.search);
  const [text, setText] = useState(params.get('q') ?? '');
  const [data, setData] = useState<Data | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const addNotice = useNotice();

  const load = useCallback(async (search: string) => {
    const query = Object.fromEntries(new URLSearchParams(search));
    const response = await api.getPage({ pageName: PAGE, params: query });
    setData(response.data as Data);
  }, []);

  useEffect(() => { setData(null); setOpen(null); void load(location.search); }, [location.search, load]);

  const go = (query: Record<string, string>) => navigate({ pathname: location.pathname, search: `?${new URLSearchParams(query)}` });

  const submit = async (values: Record<string, string>) => {
    setBusy(true);
    const body = new FormData();
    for (const [k, v] of Object.entries(values)) body.append(k, v);
    try {
      const next = (await api.getPage({ pageName: PAGE, method: 'post', data: body })).data as Data;
      if (next.notice) addNotice({ message: next.notice.message, type: next.notice.type });
      if (next.notice?.type === 'success') { setOpen(null); setErrors([]); setData(next); } else { setErrors(next.notice?.errors ?? []); }
    } finally {
      setBusy(false);
    }
  };

  const formFor = (spec: FormSpec) => (
    open === spec.op + (spec.hidden.participantProfileId ?? '')
      ? <ActionForm key={spec.op} spec={spec} busy={busy} errors={errors} onSubmit={submit} onCancel={() => { setOpen(null); setErrors([]); }} />
      : null
  );
  const buttons = (specs: FormSpec[]) => (
    <Box mt="lg" mb="lg">
      <Box flex flexDirection="row" flexWrap="wrap" mb="default">
        {specs.map((s) => (
          <Button key={s.op} size="sm" variant="outlined" color={s.danger ? 'danger' : 'primary'} mr="default" mb="sm"
            onClick={() => { setOpen(s.op + (s.hidden.participantProfileId ?? '')); setErrors([]); }}>{s.title}</Button>
        ))}
      </Box>
      {specs.map(formFor)}
    </Box>
  );

  const searchBox = (
    <Box as="form" flex flexDirection="row" alignItems="flex-end" mb="xl" onSubmit={(e: React.FormEvent) => { e.preventDefault(); go({ q: text.trim() }); }}>
      <Box flexGrow={1} mr="default">
        <Label htmlFor="participant-search">Find a participant by participant ID, name, email address, TRN, or school name or URN</Label>
        <Input id="participant-search" width="100%" value={text} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setText(e.target.value)} />
      </Box>
      <Button type="submit" variant="contained">Search</Button>
    </Box>
  );

  if (data?.forbidden) return <Box p="xl"><MessageBox variant="danger" message="You do not have access to participants." /></Box>;
  const p = data?.participant;
  return (
    <Box p="xl">
      <H2>Find a participant</H2>
      {searchBox}
      {!data ? <Text>Loading…</Text> : null}
      {data?.results ? (
        <Box variant="white" p="xl" data-testid="search-results">
          <Text mb="lg">{data.results.length === 0 ? `No participants match “${data.query}”.` : `${data.results.length}${data.results.length === 50 ? ' (the first 50)' : ''} found for “${data.query}”.`}</Text>
          {data.results.length ? (
            <Table>
              <TableHead><TableRow>{['Name', 'Email', 'TRN', 'Training'].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow></TableHead>
              <TableBody>{data.results.map((hit) => (
                <TableRow key={hit.teacherId}>
                  <TableCell><a href={`?id=${hit.teacherId}`} onClick={(e) => { e.preventDefault(); go({ id: hit.teacherId }); }}>{hit.fullName}</a></TableCell>
                  <TableCell>{hit.email}</TableCell>
                  <TableCell style={NOWRAP}>{hit.trn ?? '—'}</TableCell>
                  <TableCell>{hit.profiles.map((pr) => (
                    <Text key={pr.id} variant="sm">{PROFILE_LABELS[pr.type]} · {pr.cohort} · {pr.schoolName} ({pr.schoolUrn}) · {pr.archived ? 'removed' : pr.trainingStatus}</Text>
                  ))}</TableCell>
                </TableRow>
              ))}</TableBody>
            </Table>
          ) : null}
        </Box>
      ) : null}
      {data && 'participant' in data && !p ? <MessageBox variant="danger" message="Participant not found." /> : null}
      {p ? (
        <Box data-testid="participant">
          <Box variant="white" p="xl" mb="xl">
            <H3>{p.teacher.fullName}</H3>
            <Pairs testId="participant-details" rows={[
              ['Participant ID', <code key="id">{p.teacher.id}</code>],
              ['Email address', p.teacher.email],
              ['TRN', p.teacher.trn ?? 'Not given'],
              ['Date of birth', dayOr(p.teacher.dateOfBirth, 'Not given')],
              ['National Insurance number', p.teacher.nationalInsuranceNumber ?? 'Not given'],
              ['Registered', when(p.teacher.createdAt)],
            ]} />
            {p.permissions.edit ? buttons(teacherForms(p)) : null}
          </Box>
          {p.profiles.map((profile) => (
            <ProfileCard key={profile.id} profile={profile} actions={p.permissions.edit ? buttons(profileForms(p, profile)) : null} />
          ))}
          <Box variant="white" p="xl" mb="xl" data-testid="api-views">
            <H4>As lead providers see them (API v3)</H4>
            {p.apiViews.length === 0 ? <Text>No lead provider has trained this participant.</Text> : p.apiViews.map((v) => (
              <Box key={v.leadProvider} mb="lg">
                <H5>{v.leadProvider}</H5>
                {v.resource ? (
                  <pre style={{ background: '#f6f6f6', padding: 12, overflowX: 'auto', fontSize: 12 }}>{JSON.stringify({ data: v.resource }, null, 2)}</pre>
                ) : <Text>Not visible to this lead provider (its partnership was challenged).</Text>}
              </Box>
            ))}
          </Box>
          <Box variant="white" p="xl" data-testid="audit-timeline">
            <H4>History</H4>
            {p.audit.length === 0 ? <Text>No changes recorded.</Text> : (
              <Table>
                <TableHead><TableRow>{['When', 'Who', 'What', 'Change', 'Reason'].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow></TableHead>
                <TableBody>{p.audit.map((e, i) => (
                  <TableRow key={i}>
                    <TableCell style={NOWRAP}>{when(e.at)}</TableCell><TableCell>{e.actor}</TableCell><TableCell>{e.words}<Text variant="sm" color="grey60">{e.action}</Text></TableCell>
                    <TableCell><AuditChanges changes={e.changes} /></TableCell><TableCell>{e.reason ?? ''}</TableCell>
                  </TableRow>
                ))}</TableBody>
              </Table>
            )}
          </Box>
        </Box>
      ) : null}
    </Box>
  );
};

export default ParticipantsPage;
