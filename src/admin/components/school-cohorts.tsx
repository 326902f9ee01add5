// The school's Cohorts tab: per cohort, the programme choice, appropriate body, provider and every partnership
// with its state, and the links to change the programme or challenge a partnership (for the roles that may).
import React from 'react';
import type { BasePropertyProps } from 'adminjs';
import { Badge, Box, Button, H4, H5, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { formatDate } from '../human-dates.js';

interface Named { id: string; name: string }
interface Partnership {
  id: string;
  leadProvider: Named;
  deliveryPartner: Named;
  state: 'active' | 'challenged' | 'pending' | 'relationship';
  challengedAt: string | null;
  challengeReasonLabel: string | null;
  challengeDeadline: string | null;
  url: string;
  challengeUrl: string | null;
}
interface Cohort {
  cohortId: string;
  startYear: number;
  academicYear: string;
  inductionProgrammeLabel: string;
  appropriateBody: (Named & { source: 'school' }) | null;
  leadProvider: Named | null;
  deliveryPartner: Named | null;
  partnerships: Partnership[];
  changeProgrammeUrl: string | null;
}

const date = formatDate;

const STATE_LABELS: Record<Partnership['state'], string> = {
  active: 'Active',
  pending: 'Pending',
  relationship: 'Relationship (for transferred participants)',
  challenged: 'Challenged',
};

function PartnershipState({ p }: { p: Partnership }) {
  return (
    <Box>
      <Badge variant={p.state === 'challenged' ? 'danger' : p.state === 'active' ? 'success' : 'info'}>{STATE_LABELS[p.state]}</Badge>
      {p.state === 'challenged' ? (
        <Text mt="sm">{date(p.challengedAt)}: {p.challengeReasonLabel}</Text>
      ) : p.challengeDeadline ? (
        <Text mt="sm" variant="sm">School can challenge until {date(p.challengeDeadline)}</Text>
      ) : null}
    </Box>
  );
}

const SchoolCohorts: React.FC<BasePropertyProps> = ({ record }) => {
  const raw = record?.params?.cohorts;
  const cohorts: Cohort[] = raw ? JSON.parse(raw).cohorts : [];
  return (
    <Box mb="xxl" data-testid="school-cohorts">
      <H4>Cohorts</H4>
      {cohorts.length === 0 ? <Text>This school has no cohorts yet.</Text> : null}
      {cohorts.map((c) => (
        <Box key={c.cohortId} variant="white" p="lg" mb="lg" border="default" data-testid={`cohort-${c.startYear}`}>
          <H5>{c.startYear} cohort ({c.academicYear})</H5>
          <Table mb="lg">
            <TableBody>
              <TableRow>
                <TableCell width="30%"><strong>Induction programme</strong></TableCell>
                <TableCell>
                  {c.inductionProgrammeLabel}
                  {c.changeProgrammeUrl ? <Box mt="sm"><Button as="a" href={c.changeProgrammeUrl} size="sm" variant="outlined">Change induction programme</Button></Box> : null}
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell><strong>Appropriate body</strong></TableCell>
                <TableCell>{c.appropriateBody ? `${c.appropriateBody.name} (chosen by the school for this cohort)` : 'Not chosen by the school'}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell><strong>Lead provider</strong></TableCell>
                <TableCell>{c.leadProvider?.name ?? 'None'}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell><strong>Delivery partner</strong></TableCell>
                <TableCell>{c.deliveryPartner?.name ?? 'None'}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
          {c.partnerships.length > 0 ? (
            <Table>
              <TableHead>
                <TableRow>
                  <TableCell>Partnership</TableCell>
                  <TableCell>State</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {c.partnerships.map((p) => (
                  <TableRow key={p.id} data-testid={`partnership-${p.id}`}>
                    <TableCell><a href={p.url}>{p.leadProvider.name} with {p.deliveryPartner.name}</a></TableCell>
                    <TableCell><PartnershipState p={p} /></TableCell>
                    <TableCell>
                      {p.challengeUrl ? <Button as="a" href={p.challengeUrl} size="sm" variant="outlined" color="danger">Challenge partnership</Button> : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <Text>No partnerships for this cohort.</Text>
          )}
        </Box>
      ))}
    </Box>
  );
};

export default SchoolCohorts;
