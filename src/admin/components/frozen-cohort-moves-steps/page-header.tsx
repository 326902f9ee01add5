// The page's title and what a move does, above every step.
import React from 'react';
import { Box, H3, Text } from '@adminjs/design-system';
import type { Destination } from './shared.js';

export function PageHeader({ destination }: { destination: Destination | undefined }) {
  return (
    <Box variant="white" p="xl" mb="xl">
      <H3>Move participants out of payment-frozen cohorts</H3>
      <Text>
        Participants who have not finished training in a cohort whose payments are frozen continue in the {destination?.startYear ?? 2024} cohort,
        so their lead provider can still be paid. Each move closes the current induction record and opens one in the school's default
        programme for {destination?.startYear ?? 2024} on the {destination?.scheduleIdentifier ?? 'extended'} schedule. Declarations stay on their statements.
      </Text>
    </Box>
  );
}
