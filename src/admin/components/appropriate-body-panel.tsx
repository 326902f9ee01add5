// An ECT's appropriate body and training programme type as reported twice: by the school and by the
// appropriate body itself, with where each came from and the value in effect.
import React from 'react';
import type { BasePropertyProps } from 'adminjs';
import { Badge, Box, H4, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

type Origin = 'claim' | 'induction_record' | 'school_cohort';
interface Named { id: string; name: string }
interface Resolution {
  schoolReported: (Named & { origin: Origin }) | null;
  bodyReported: Named | null;
  effective: Named | null;
  status: 'confirmed' | 'provisional' | 'not_reported';
  label: string;
  mismatch: boolean;
}
interface Panel extends Resolution { trainingProgramme: Resolution }

const ORIGINS: Record<Origin, string> = {
  claim: 'reported by the school for this ECT',
  induction_record: "from the ECT's induction record, as the school registered it",
  school_cohort: "the school's choice for the cohort",
};
const STATUS: Record<Resolution['status'], { text: string; variant: 'success' | 'info' | 'default' }> = {
  confirmed: { text: 'Confirmed by the appropriate body', variant: 'success' },
  provisional: { text: 'Provisional: reported by the school', variant: 'info' },
  not_reported: { text: 'Not reported', variant: 'default' },
};

function Row({ title, r, testId }: { title: string; r: Resolution; testId: string }) {
  return (
    <TableRow data-testid={testId}>
      <TableCell><strong>{title}</strong></TableCell>
      <TableCell>{r.schoolReported ? <>{r.schoolReported.name}<Text variant="sm">{ORIGINS[r.schoolReported.origin]}</Text></> : 'Not reported'}</TableCell>
      <TableCell>{r.bodyReported ? r.bodyReported.name : 'Not confirmed'}</TableCell>
      <TableCell>
        {r.effective ? r.effective.name : 'Not reported'}
        <Box mt="sm"><Badge variant={STATUS[r.status].variant}>{STATUS[r.status].text}</Badge></Box>
      </TableCell>
    </TableRow>
  );
}

const AppropriateBodyPanel: React.FC<BasePropertyProps> = ({ record }) => {
  const raw = record?.params?.appropriateBodyPanel;
  if (!raw) return null;
  const panel = JSON.parse(raw) as Panel | { notApplicable: string };
  return (
    <Box mb="xxl" data-testid="appropriate-body-panel">
      <H4>Appropriate body</H4>
      {'notApplicable' in panel ? (
        <Text>{panel.notApplicable}</Text>
      ) : (
        <>
          {panel.mismatch || panel.trainingProgramme.mismatch ? (
            <MessageBox variant="warning" mb="lg" message="The school and the appropriate body report different things: the appropriate body's confirmation is used. Check with the school." />
          ) : null}
          <Table>
            <TableHead>
              <TableRow>
                <TableCell />
                <TableCell>School reported</TableCell>
                <TableCell>Appropriate body confirmed</TableCell>
                <TableCell>In effect</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              <Row title="Appropriate body" r={panel} testId="appropriate-body-row" />
              <Row title="Training programme" r={panel.trainingProgramme} testId="training-programme-row" />
            </TableBody>
          </Table>
        </>
      )}
    </Box>
  );
};

export default AppropriateBodyPanel;
