// The check-your-answers step before an action with big consequences: what was chosen, what will happen to
// whom, and a confirm button beside a way back to change the answers. Nothing happens until Confirm.
import React from 'react';
import { Box, Button, H4, Table, TableBody, TableCell, TableRow, Text } from '@adminjs/design-system';

export interface CheckYourAnswersProps {
  title: string;
  answers: [label: string, value: string][];
  consequences: string[];
  confirmLabel: string;
  busy: boolean;
  danger?: boolean;
  /** "Change" unless there is nothing to change (then e.g. "Cancel"). */
  backLabel?: string;
  onConfirm: () => void;
  onBack: () => void;
}

export const CheckYourAnswers: React.FC<CheckYourAnswersProps> = ({ title, answers, consequences, confirmLabel, busy, danger, backLabel, onConfirm, onBack }) => (
  <Box data-testid="check-your-answers" role="region" aria-label={title}>
    <H4>{title}</H4>
    {answers.length ? (
      <Table mb="lg">
        <TableBody>
          {answers.map(([label, value], i) => (
            <TableRow key={`${i}-${label}`}><TableCell width={260}><strong>{label}</strong></TableCell><TableCell>{value}</TableCell></TableRow>
          ))}
        </TableBody>
      </Table>
    ) : null}
    <Text mb="sm"><strong>What happens when you confirm:</strong></Text>
    <Box as="ul" mb="lg" pl="xl">
      {consequences.map((c) => <li key={c}><Text>{c}</Text></li>)}
    </Box>
    <Box flex flexDirection="row">
      <Button variant="outlined" mr="default" disabled={busy} onClick={onBack}>{backLabel ?? 'Change'}</Button>
      <Button variant="contained" color={danger ? 'danger' : undefined} disabled={busy} onClick={onConfirm}>{confirmLabel}</Button>
    </Box>
  </Box>
);

export default CheckYourAnswers;
