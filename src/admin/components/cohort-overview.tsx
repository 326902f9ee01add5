// A cohort's page: its lead providers, their contracts with participant bands (for those who may read
// contracts), its schedules with their milestone counts, and its statements.
import React from 'react';
import type { BasePropertyProps } from 'adminjs';
import { Box, H4, H5, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { formatPounds } from './money.js';
import { formatDate } from '../human-dates.js';

interface Band { min: number | null; max: number | null; perParticipant: string; outputPaymentPercentage: number; serviceFeePercentage: number }
interface Contract {
  leadProvider: string;
  version: string;
  recruitmentTarget: number;
  revisedTarget: number | null;
  setUpFee: string;
  monthlyServiceFee: string | null;
  upliftTarget: string | null;
  upliftAmount: string | null;
  bands: Band[];
}
interface MentorContract { leadProvider: string; version: string; recruitmentTarget: number; paymentPerParticipant: string }
interface Overview {
  leadProviders: { name: string }[];
  contracts: Contract[] | null;
  mentorContracts: MentorContract[] | null;
  schedules: { name: string; identifier: string; type: 'ecf' | 'mentor'; milestones: number }[];
  statements: { name: string; leadProvider: string; deadlineDate: string; paymentDate: string; state: 'open' | 'payable' | 'paid' }[];
}

const BAND_NAMES = ['A', 'B', 'C', 'D'];
const STATES = { open: 'Open', payable: 'Payable', paid: 'Paid' };
const day = formatDate;
const whole = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-GB'));

function Section({ title, testId, empty, children }: { title: string; testId: string; empty: string | null; children: React.ReactNode }) {
  return (
    <Box mb="xl" data-testid={testId}>
      <H5>{title}</H5>
      {empty ? <Text>{empty}</Text> : children}
    </Box>
  );
}

function ContractCard({ contract }: { contract: Contract }) {
  const terms = [
    `version ${contract.version}`,
    `recruitment target ${whole(contract.recruitmentTarget)}`,
    contract.revisedTarget === null ? null : `revised target ${whole(contract.revisedTarget)}`,
    `set-up fee ${formatPounds(contract.setUpFee)}`,
    contract.monthlyServiceFee === null ? null : `monthly service fee ${formatPounds(contract.monthlyServiceFee)}`,
    contract.upliftAmount === null ? 'no uplift' : `uplift ${formatPounds(contract.upliftAmount)} (target ${contract.upliftTarget ?? '—'})`,
  ].filter(Boolean);
  return (
    <Box mb="lg" data-testid="cohort-contract">
      <Text mb="sm"><strong>{contract.leadProvider}</strong>: {terms.join(', ')}</Text>
      <Table>
        <TableHead>
          <TableRow>
            <TableCell>Band</TableCell><TableCell>Participants</TableCell><TableCell>Per participant</TableCell><TableCell>Output / service fee</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {contract.bands.map((band, i) => (
            <TableRow key={i}>
              <TableCell>{BAND_NAMES[i] ?? i + 1}</TableCell>
              <TableCell>{whole(band.min)} to {whole(band.max)}</TableCell>
              <TableCell>{formatPounds(band.perParticipant)}</TableCell>
              <TableCell>{band.outputPaymentPercentage}% / {band.serviceFeePercentage}%</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

const CohortOverview: React.FC<BasePropertyProps> = ({ record }) => {
  const raw = record?.params?.cohortOverview;
  if (!raw) return null;
  const overview: Overview = JSON.parse(raw);
  return (
    <Box mt="xl" mb="xxl" data-testid="cohort-overview">
      <H4>Set-up</H4>
      <Section title="Lead providers" testId="cohort-lead-providers" empty={overview.leadProviders.length ? null : 'No lead provider is in this cohort yet.'}>
        <Text>{overview.leadProviders.map((lp) => lp.name).join(', ')}</Text>
      </Section>
      {overview.contracts ? (
        <Section title="Call-off contracts" testId="cohort-contracts" empty={overview.contracts.length ? null : 'No call-off contracts yet.'}>
          {overview.contracts.map((contract) => <ContractCard key={`${contract.leadProvider} ${contract.version}`} contract={contract} />)}
        </Section>
      ) : null}
      {overview.mentorContracts?.length ? (
        <Section title="Mentor call-off contracts" testId="cohort-mentor-contracts" empty={null}>
          <Table>
            <TableHead>
              <TableRow><TableCell>Lead provider</TableCell><TableCell>Version</TableCell><TableCell>Recruitment target</TableCell><TableCell>Per participant</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {overview.mentorContracts.map((c) => (
                <TableRow key={`${c.leadProvider} ${c.version}`}>
                  <TableCell>{c.leadProvider}</TableCell><TableCell>{c.version}</TableCell><TableCell>{whole(c.recruitmentTarget)}</TableCell><TableCell>{formatPounds(c.paymentPerParticipant)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      ) : null}
      <Section title="Schedules" testId="cohort-schedules" empty={overview.schedules.length ? null : 'No schedules yet.'}>
        <Table>
          <TableHead>
            <TableRow><TableCell>Name</TableCell><TableCell>Identifier</TableCell><TableCell>For</TableCell><TableCell>Milestones</TableCell></TableRow>
          </TableHead>
          <TableBody>
            {overview.schedules.map((s) => (
              <TableRow key={s.identifier}>
                <TableCell>{s.name}</TableCell><TableCell>{s.identifier}</TableCell><TableCell>{s.type === 'ecf' ? 'ECTs' : 'Mentors'}</TableCell><TableCell>{s.milestones}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      <Section title={`Statements (${overview.statements.length})`} testId="cohort-statements" empty={overview.statements.length ? null : 'No statements yet.'}>
        <Table>
          <TableHead>
            <TableRow><TableCell>Name</TableCell><TableCell>Lead provider</TableCell><TableCell>Deadline</TableCell><TableCell>Payment date</TableCell><TableCell>State</TableCell></TableRow>
          </TableHead>
          <TableBody>
            {overview.statements.map((s) => (
              <TableRow key={`${s.name} ${s.leadProvider}`}>
                <TableCell>{s.name}</TableCell><TableCell>{s.leadProvider}</TableCell><TableCell>{day(s.deadlineDate)}</TableCell><TableCell>{day(s.paymentDate)}</TableCell><TableCell>{STATES[s.state]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
    </Box>
  );
};

export default CohortOverview;
