// Why a participant will not move (the DfE's reasons), or that they will.
import React from 'react';
import { Box, Text } from '@adminjs/design-system';
import type { Candidate, NotEligibleBecause } from './shared.js';

const WHY: Record<NotEligibleBecause, string> = {
  completed_training: 'training completed',
  paid_for_completion: 'paid for completing',
  no_billable_declarations: 'no billable declarations',
};

export function Reasons({ row }: { row: Candidate }) {
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
