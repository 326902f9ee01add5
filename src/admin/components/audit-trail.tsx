// The record's audit events, newest first, on its show page.
import React from 'react';
import type { BasePropertyProps } from 'adminjs';
import { AuditChanges, type AuditChange } from './audit-changes.js';
import { formatDateTime } from '../human-dates.js';
import { Box, H5, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

interface Event { at: string; actor: string; action: string; words: string; changes: AuditChange[]; reason: string | null }

const AuditTrail: React.FC<BasePropertyProps> = ({ record }) => {
  const raw = record?.params?.auditTrail;
  const events: Event[] = raw ? JSON.parse(raw) : [];
  return (
    <Box mt="xl" data-testid="audit-trail">
      <H5>History</H5>
      {events.length === 0 ? (
        <Text>No changes recorded.</Text>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Who</TableCell>
              <TableCell>What</TableCell>
              <TableCell>Change</TableCell>
              <TableCell>Reason</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {events.map((e, i) => (
              <TableRow key={i}>
                <TableCell>{formatDateTime(e.at)}</TableCell>
                <TableCell>{e.actor}</TableCell>
                <TableCell>{e.words}<Text variant="sm" color="grey60">{e.action}</Text></TableCell>
                <TableCell><AuditChanges changes={e.changes} /></TableCell>
                <TableCell>{e.reason ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default AuditTrail;
