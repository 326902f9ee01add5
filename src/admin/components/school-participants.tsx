// The school's ECTs and mentors on its page: who trains there, in which cohort, with whom, and their status; each
// name opens the participant page.
import React from 'react';
import type { BasePropertyProps } from 'adminjs';
import { Box, H5, Link, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

interface Participant {
  teacherId: string;
  profileId: string;
  fullName: string;
  type: 'ect' | 'mentor';
  cohort: number;
  trainingStatus: string;
  archived: boolean;
  leadProvider: string | null;
  deliveryPartner: string | null;
  url: string;
}

const TYPE_LABELS = { ect: 'ECT', mentor: 'Mentor' } as const;
const status = (p: Participant) => (p.archived ? 'Removed (archived)' : `Training ${p.trainingStatus}`);

const SchoolParticipants: React.FC<BasePropertyProps> = ({ record, property }) => {
  const raw = record?.params?.[property.path];
  if (!raw) return null;
  const { participants } = JSON.parse(raw) as { participants: Participant[] };
  return (
    <Box mt="xl" data-testid="school-participants">
      <H5>ECTs and mentors</H5>
      {participants.length === 0 ? (
        <Text>No ECTs or mentors are registered at this school.</Text>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Role</TableCell>
              <TableCell>Cohort</TableCell>
              <TableCell>Lead provider</TableCell>
              <TableCell>Delivery partner</TableCell>
              <TableCell>Status</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {participants.map((p) => (
              <TableRow key={p.profileId}>
                <TableCell><Link href={p.url}>{p.fullName}</Link></TableCell>
                <TableCell>{TYPE_LABELS[p.type]}</TableCell>
                <TableCell>{p.cohort}</TableCell>
                <TableCell>{p.leadProvider ?? 'None (no partnership)'}</TableCell>
                <TableCell>{p.deliveryPartner ?? '—'}</TableCell>
                <TableCell>{status(p)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default SchoolParticipants;
