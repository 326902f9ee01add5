// The second step: what moving the selection would do, the reason to record, and the confirm button.
import React from 'react';
import { Box, Button, H5, Label, MessageBox, Pagination, Table, TableBody, TableCell, TableHead, TableRow, Text, TextArea } from '@adminjs/design-system';
import { Reasons } from './reasons.js';
import { count, NO_WRAP, plural, type Preview } from './shared.js';

interface Props {
  preview: Preview;
  reason: string;
  setReason: (reason: string) => void;
  error: string | null;
  busy: boolean;
  onPage: (page: number) => void;
  onBack: () => void;
  onConfirm: () => void;
}

export function MovePreview({ preview, reason, setReason, error, busy, onPage, onBack, onConfirm }: Props) {
  const { destination, counts } = preview;
  return (
    <Box variant="white" p="xl" data-testid="move-preview">
      <H5>Check the move</H5>
      <Text mb="default"><strong>{plural(counts.eligible, 'participant')}</strong> will move to the {destination.startYear} cohort.
        {counts.already_moved ? ` ${plural(counts.already_moved, 'is', 'are')} already there and will not change.` : ''}
      </Text>
      <Text>For each of them:</Text>
      <Box as="ul" mb="lg" ml="xl" style={{ listStyle: 'disc' }}>
        <li><Text>their current induction record is closed and a new one opened in their school's {destination.startYear} default programme;</Text></li>
        <li><Text>their schedule becomes {destination.scheduleIdentifier ?? '(none: the move will be refused)'} in the {destination.startYear} cohort;</Text></li>
        <li><Text>"cohort changed after payments frozen" is set, so their lead provider is paid in the new cohort;</Text></li>
        <li><Text>their declarations keep their cohort and stay on their statements.</Text></li>
      </Box>
      {counts.blocked ? (
        <Box mb="lg" data-testid="preview-blocked">
          <Text mb="sm"><strong>{plural(counts.blocked, 'participant')}</strong> will not move:</Text>
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
                  <>{destination.startYear}, {destination.scheduleIdentifier}<Text variant="xs">{r.targetLeadProviderName ?? 'No lead provider'}{r.targetLeadProviderName !== r.leadProviderName ? ' (changes)' : ''}</Text></>
                ) : <Reasons row={r} />}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {preview.total > preview.perPage ? <Pagination page={preview.page} perPage={preview.perPage} total={preview.total} onChange={onPage} /> : null}
      <Box mt="xl" width={[1, 1, 2 / 3]}>
        <Label htmlFor="move-reason" required>Reason for the move (recorded in the audit log of each participant)</Label>
        <TextArea id="move-reason" width={1} rows={3} value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
      </Box>
      {error ? <MessageBox variant="danger" message={error} mt="lg" /> : null}
      <Box mt="lg" flex flexDirection="row">
        <Button variant="outlined" mr="default" onClick={onBack}>Back</Button>
        <Button variant="contained" disabled={busy || counts.eligible === 0} onClick={onConfirm} data-testid="confirm-move">
          Move {plural(counts.eligible, 'participant')}
        </Button>
      </Box>
    </Box>
  );
}
