// Finance's participant search: by name, TRN or participant id, each person's training and declarations
// with their state and statements; a statement opens on the Statements page.
import React, { useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, Button, H5, Input, Label, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

interface Participant {
  participantId: string; fullName: string; trn: string | null;
  profiles: {
    type: 'ect' | 'mentor'; cohort: number; programme: string | null; leadProvider: string | null; deliveryPartner: string | null; school: string;
    declarations: { id: string; declarationType: string; declarationDate: string | null; state: string; leadProvider: string; statements: { id: string; name: string; lineItemState: string }[] }[];
  }[];
}

const api = new ApiClient();
const words = (value: string | null) => (value ? value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) : '—');

const FinanceParticipantSearch: React.FC<{ page: string; onOpenStatement: (id: string) => void }> = ({ page, onOpenStatement }) => {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Participant[] | null>(null);

  const search = async (event: React.FormEvent) => {
    event.preventDefault();
    const response = await api.getPage({ pageName: page, params: { participantSearch: query } });
    setFound((response.data as { participants: Participant[] }).participants);
  };

  return (
    <Box mb="xl" data-testid="participant-search">
      <form onSubmit={search}>
        <Label htmlFor="participant-search">Find a participant by name, TRN, participant ID, or school name or URN</Label>
        <Box flex flexDirection="row">
          <Box width={420} mr="default"><Input id="participant-search" width={1} value={query} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setQuery(e.target.value)} /></Box>
          <Button type="submit" mr="default">Search</Button>
          {found ? <Button type="button" variant="text" onClick={() => setFound(null)}>Close</Button> : null}
        </Box>
      </form>
      {found && found.length === 0 ? <Text mt="lg">No participants found.</Text> : null}
      {found?.map((person) => (
        <Box key={person.participantId} variant="white" p="lg" mt="lg" data-testid="participant-result">
          <H5>{person.fullName}</H5>
          <Text mb="default">TRN {person.trn ?? '—'} · Participant ID {person.participantId}</Text>
          {person.profiles.map((profile) => (
            <Box key={`${profile.type}-${profile.cohort}`} mb="lg">
              <Text fontWeight="bold">
                {profile.type === 'ect' ? 'ECT' : 'Mentor'}, {profile.cohort} cohort · {words(profile.programme)} · {profile.leadProvider ?? 'No lead provider'} · {profile.deliveryPartner ?? 'No delivery partner'} · {profile.school}
              </Text>
              {profile.declarations.length === 0 ? <Text>No declarations.</Text> : (
                <Table>
                  <TableHead><TableRow>{['Declaration', 'Date', 'State', 'Lead provider', 'Statement'].map((c) => <TableCell key={c}>{c}</TableCell>)}</TableRow></TableHead>
                  <TableBody>{profile.declarations.map((d) => (
                    <TableRow key={d.id}>
                      <TableCell>{d.declarationType}</TableCell>
                      <TableCell>{d.declarationDate ?? '—'}</TableCell>
                      <TableCell>{d.state}</TableCell>
                      <TableCell>{d.leadProvider}</TableCell>
                      <TableCell>{d.statements.length === 0 ? '—' : d.statements.map((s) => (
                        <Box key={`${s.id}-${s.lineItemState}`}>
                          <Button size="sm" variant="text" onClick={() => onOpenStatement(s.id)}>{s.name}</Button> ({s.lineItemState})
                        </Box>
                      ))}</TableCell>
                    </TableRow>
                  ))}</TableBody>
                </Table>
              )}
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
};

export default FinanceParticipantSearch;
