// What an audit event changed, one field a line: "Name: Larkspur Infants → Larkspur Primary". The values come
// masked for the reader from the server (src/admin/audit-log/audit-log-rows.ts).
import React from 'react';
import { Box, Text } from '@adminjs/design-system';

export interface AuditChange { field: string; label: string; before?: string; after?: string }

export function AuditChanges({ changes }: { changes: AuditChange[] }) {
  if (!changes.length) return <Text variant="sm" color="grey60">No values recorded</Text>;
  return (
    <Box as="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {changes.map((c, i) => (
        <li key={`${c.field}-${i}`}>
          {c.label ? <strong>{c.label}: </strong> : null}
          {c.before !== undefined && c.after !== undefined ? <>{c.before} → {c.after}</> : c.after !== undefined ? c.after : <>{c.before} (removed)</>}
        </li>
      ))}
    </Box>
  );
}
