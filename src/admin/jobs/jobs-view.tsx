// The Jobs page: schedules, "run now", recent runs with live progress (the handler is polled every
// 2 seconds), and finance's finished exports.
import React, { useCallback, useEffect, useState } from 'react';
import { ApiClient, useNotice } from 'adminjs';
import { formatDateTime } from '../human-dates.js';
import {
  Badge, Box, Button, H3, H5, Label, MessageBox, Select, Table, TableBody, TableCell, TableHead, TableRow, Text,
} from '@adminjs/design-system';

interface JobView { name: string; label: string; description: string; schedule: string }
interface RunView {
  id: string; job: string; label: string; statementId: string | null; state: 'running' | 'succeeded' | 'failed' | 'skipped';
  rowsDone: number; rowsTotal: number | null; startedAt: string; finishedAt: string | null; result: string;
}
interface ExportView { name: string; bytes: number; modifiedAt: string; href: string }
interface Option { value: string; label: string }
interface PageData {
  allowed: boolean; canRun: boolean; canDownload: boolean;
  jobs: JobView[]; runs: RunView[]; exports: ExportView[] | null; statements?: Option[];
}

const PAGE = 'jobs';
const POLL_MS = 2000;
const STATEMENT_EXPORT_JOB = 'declaration-exports';
const api = new ApiClient();

const when = formatDateTime;
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const STATE_BADGE = { running: 'info', succeeded: 'success', failed: 'danger', skipped: 'secondary' } as const;

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** A bar for runs that count rows; a job that does not (housekeeping) shows only its state. */
function Progress({ run }: { run: RunView }) {
  if (run.rowsTotal === null) return run.state === 'running' ? <Text variant="sm">Running…</Text> : null;
  const share = run.rowsTotal > 0 ? Math.min(1, run.rowsDone / run.rowsTotal) : run.state === 'succeeded' ? 1 : 0;
  return (
    <Box width={180} data-testid="job-progress">
      <Box height={8} bg="grey20" style={{ borderRadius: 4, overflow: 'hidden' }}>
        <Box height={8} bg={run.state === 'failed' ? 'error' : 'primary100'} style={{ width: `${Math.round(share * 100)}%`, transition: 'width 0.5s' }} />
      </Box>
      <Text variant="xs" mt="sm">{run.rowsDone.toLocaleString('en-GB')} of {run.rowsTotal.toLocaleString('en-GB')}</Text>
    </Box>
  );
}

const JobsPage: React.FC = () => {
  const [data, setData] = useState<PageData | null>(null);
  const [statements, setStatements] = useState<Option[]>([]);
  const [statement, setStatement] = useState<Option | null>(null);
  const [busy, setBusy] = useState(false);
  const addNotice = useNotice();

  const load = useCallback(async (withStatements = false) => {
    const response = await api.getPage({ pageName: PAGE, params: withStatements ? { include: 'statements' } : {} });
    const page = response.data as PageData;
    setData(page);
    if (page.statements) setStatements(page.statements);
  }, []);

  useEffect(() => {
    void load(true);
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  const run = async (job: string, statementId?: string) => {
    const form = new FormData();
    form.append('job', job);
    if (statementId) form.append('statementId', statementId);
    setBusy(true);
    try {
      const response = await api.getPage({ pageName: PAGE, method: 'post', data: form });
      const notice = (response.data as { notice?: { message: string; type: 'success' | 'error' } }).notice;
      if (notice) addNotice(notice);
      await load();
    } finally {
      setBusy(false);
    }
  };

  if (!data) return <Box variant="white" p="xl"><Text>Loading…</Text></Box>;
  if (!data.allowed) return <Box variant="white" p="xl"><MessageBox variant="danger" message="You do not have access to jobs." /></Box>;

  return (
    <Box variant="grey" p="xl" data-testid="jobs-page">
      <Box variant="white" p="xl" mb="xl">
        <H3>Jobs</H3>
        <Text mb="lg">Jobs run on their schedule (cron, server time). A job never runs twice at once: a second start while one runs is skipped.</Text>
        <Table>
          <TableHead>
            <TableRow><TableCell>Job</TableCell><TableCell>What it does</TableCell><TableCell>Schedule</TableCell>{data.canRun ? <TableCell /> : null}</TableRow>
          </TableHead>
          <TableBody>
            {data.jobs.map((job) => (
              <TableRow key={job.name} data-testid={`job-${job.name}`}>
                <TableCell style={NO_WRAP}><strong>{job.label}</strong></TableCell>
                <TableCell>{job.description}</TableCell>
                <TableCell style={NO_WRAP}><code>{job.schedule}</code></TableCell>
                {data.canRun ? (
                  <TableCell style={NO_WRAP}><Button size="sm" variant="outlined" disabled={busy} onClick={() => run(job.name)}>Run now</Button></TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {data.canRun ? (
          <Box mt="xl" flex flexDirection="row" alignItems="flex-end">
            <Box width={520} mr="default">
              <Label htmlFor="statement-export">Export one statement's declarations</Label>
              <Select inputId="statement-export" value={statement} options={statements} isClearable
                onChange={(selected: Option | null) => setStatement(selected)} />
            </Box>
            <Button variant="contained" disabled={busy || !statement} onClick={() => statement && run(STATEMENT_EXPORT_JOB, statement.value)}>Export statement</Button>
          </Box>
        ) : null}
      </Box>

      <Box variant="white" p="xl" mb="xl">
        <H5>Recent runs</H5>
        {data.runs.length === 0 ? <Text>No job has run yet.</Text> : (
          <Table data-testid="job-runs">
            <TableHead>
              <TableRow><TableCell>Job</TableCell><TableCell>Started</TableCell><TableCell>State</TableCell><TableCell>Progress</TableCell><TableCell>Finished</TableCell><TableCell>Result</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {data.runs.map((r) => (
                <TableRow key={r.id}>
                  <TableCell style={NO_WRAP}>{r.label}{r.statementId ? ' (one statement)' : ''}</TableCell>
                  <TableCell style={NO_WRAP}>{when(r.startedAt)}</TableCell>
                  <TableCell><Badge variant={STATE_BADGE[r.state]}>{r.state}</Badge></TableCell>
                  <TableCell><Progress run={r} /></TableCell>
                  <TableCell style={NO_WRAP}>{when(r.finishedAt)}</TableCell>
                  <TableCell>{r.result}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>

      {data.exports ? (
        <Box variant="white" p="xl" data-testid="job-exports">
          <H5>Exports</H5>
          {data.exports.length === 0 ? <Text>No exports yet: run the declaration exports.</Text> : (
            <Table>
              <TableHead><TableRow><TableCell>File</TableCell><TableCell>Size</TableCell><TableCell>Written</TableCell></TableRow></TableHead>
              <TableBody>
                {data.exports.map((f) => (
                  <TableRow key={f.name}>
                    <TableCell><a href={f.href} download={f.name}>{f.name}</a></TableCell>
                    <TableCell>{size(f.bytes)}</TableCell>
                    <TableCell>{when(f.modifiedAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      ) : null}
    </Box>
  );
};

export default JobsPage;
