// Frozen cohort moves (super users): every participant of a payment-frozen cohort, filterable, each
// eligible, blocked (with the DfE's reason) or already moved; select, preview, confirm; a progress bar
// while the run moves them one by one (polled); the results, downloadable as CSV. This file keeps what
// the steps share (the selection, the preview, the run's id) and shows the step; the steps are in
// ./frozen-cohort-moves-steps/.
import React, { useState } from 'react';
import { Box, MessageBox, Text } from '@adminjs/design-system';
import { CandidatePicker } from './frozen-cohort-moves-steps/candidate-picker.js';
import { MovePreview } from './frozen-cohort-moves-steps/move-preview.js';
import { MoveRun } from './frozen-cohort-moves-steps/move-run.js';
import { PageHeader } from './frozen-cohort-moves-steps/page-header.js';
import { filterParams, postToPage, type Preview } from './frozen-cohort-moves-steps/shared.js';
import { useCandidates } from './frozen-cohort-moves-steps/use-candidates.js';

interface Refused { notice?: { message: string } }

const FrozenCohortMoves: React.FC = () => {
  const candidates = useCandidates();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [preview, setPreview] = useState<Preview | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Kept in the address too, so a reload (or a link) comes back to the run and its results.
  const [requestId, setRequestId] = useState<string | null>(() => new URLSearchParams(window.location.search).get('run'));

  const post = async <T,>(fields: Record<string, string>): Promise<T & Refused> => {
    setBusy(true);
    try {
      return await postToPage<T & Refused>(fields);
    } finally {
      setBusy(false);
    }
  };

  const selectAllEligible = async () => {
    const { ids } = await post<{ ids?: string[] }>({ op: 'eligibleIds', ...filterParams(candidates.filters) });
    setSelected(new Set([...selected, ...(ids ?? [])]));
  };

  const showPreview = async (previewPage = 1) => {
    setError(null);
    const reply = await post<{ preview?: Preview }>({ op: 'preview', ids: JSON.stringify([...selected]), page: String(previewPage) });
    if (reply.preview) setPreview(reply.preview); else setError(reply.notice?.message ?? 'The selection could not be previewed.');
  };

  const confirm = async () => {
    setError(null);
    const reply = await post<{ requestId?: string }>({ op: 'start', ids: JSON.stringify([...selected]), reason });
    if (!reply.requestId) { setError(reply.notice?.message ?? 'The move could not be started.'); return; }
    setRequestId(reply.requestId);
    window.history.replaceState(null, '', `?run=${encodeURIComponent(reply.requestId)}`);
  };

  const startAgain = () => {
    setRequestId(null); setPreview(null); setSelected(new Set()); setReason(''); setError(null);
    window.history.replaceState(null, '', window.location.pathname);
    void candidates.reload();
  };

  if (candidates.allowed === null) return <Box variant="white" p="xl"><Text>Loading…</Text></Box>;
  if (!candidates.allowed) return <Box variant="white" p="xl"><MessageBox variant="danger" message="Only super users may move participants out of payment-frozen cohorts." /></Box>;

  return (
    <Box variant="grey" p="xl" data-testid="frozen-cohort-moves">
      <PageHeader destination={candidates.list?.destination ?? preview?.destination} />
      {requestId ? (
        <MoveRun key={requestId} requestId={requestId} expected={selected.size} onStartAgain={startAgain} />
      ) : preview ? (
        <MovePreview preview={preview} reason={reason} setReason={setReason} error={error} busy={busy}
          onPage={(p) => void showPreview(p)} onBack={() => { setPreview(null); setError(null); }} onConfirm={() => void confirm()} />
      ) : (
        <CandidatePicker list={candidates.list} leadProviders={candidates.leadProviders} filters={candidates.filters} changeFilter={candidates.changeFilter}
          setPage={candidates.setPage} selected={selected} setSelected={setSelected} busy={busy} error={error}
          onSelectAllEligible={() => void selectAllEligible()} onPreview={() => void showPreview()} />
      )}
    </Box>
  );
};

export default FrozenCohortMoves;
