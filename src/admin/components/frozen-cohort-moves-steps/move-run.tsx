// The last step: a run's progress (polled until it finishes), then its results page by page and as CSV.
import React, { useEffect, useState } from 'react';
import { Badge, Box, Button, H5, MessageBox, Pagination, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { api, count, PAGE, type Outcome, type RunView } from './shared.js';

const POLL_MS = 1000;
const OUTCOME_LABEL: Record<Outcome, string> = { moved: 'Moved', would_move: 'Would move', unchanged: 'Already moved', refused: 'Blocked', failed: 'Failed' };
const OUTCOME_BADGE = { moved: 'success', would_move: 'info', unchanged: 'secondary', refused: 'danger', failed: 'danger' } as const;

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

/** The run of `requestId`, while and after it runs; `expected` is how many were selected (until the run says). */
export function MoveRun({ requestId, expected, onStartAgain }: { requestId: string; expected: number; onStartAgain: () => void }) {
  const [run, setRun] = useState<RunView | null>(null);
  const [resultPage, setResultPage] = useState(1);

  useEffect(() => {
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

  const finished = run && run.state !== 'starting' && run.state !== 'running';
  // The page's own API route, under whatever root the back office is mounted at.
  const root = window.location.pathname.split(`/pages/${PAGE}`)[0];
  const csvHref = `${root}/api/pages/${PAGE}?download=${encodeURIComponent(requestId)}`;
  return (
    <Box variant="white" p="xl" data-testid="move-run">
      <H5>{finished ? 'Move finished' : 'Moving participants…'}</H5>
      <ProgressBar done={run?.done ?? 0} total={run?.total ?? expected} />
      {run?.error ? <MessageBox variant="danger" message={run.error} mb="lg" /> : null}
      {finished && run ? (
        <>
          <Box flex flexDirection="row" alignItems="center" mb="lg" data-testid="move-summary">
            {(['moved', 'unchanged', 'refused', 'failed'] as const).map((o) => (
              <Badge key={o} variant={run.counts[o] > 0 ? OUTCOME_BADGE[o] : 'default'} mr="default">{OUTCOME_LABEL[o]}: {count(run.counts[o])}</Badge>
            ))}
            <Box flexGrow={1} />
            <Button as="a" href={csvHref} download variant="outlined" mr="default" data-testid="download-csv">Download CSV</Button>
            <Button variant="contained" onClick={onStartAgain}>Back to the list</Button>
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
  );
}
