// The mentor contract file: one mentor call-off contract per lead provider and cohort. As with call-off
// contracts, an existing one is never changed by an import.
import { randomUUID } from 'node:crypto';
import { Prisma } from '@prisma/client';
import { readCells } from '../../../reports/csv/read-cells.js';
import { findContractParties } from './contract-parties.js';
import { FirstSeen, pairKey, type FileStep } from './import-run.js';
import type { StoredRow } from './write-rows.js';
import { auditEvents } from '../../audit/events.js';

export const MENTOR_CONTRACT_HEADERS = ['lead-provider-name', 'cohort-start-year', 'recruitment-target', 'payment-per-participant'] as const;

const DEFAULT_PAYMENT_PER_PARTICIPANT = '1000';
const DEFAULT_VERSION = '0.0.1';

export const mentorContractFile: FileStep<(typeof MENTOR_CONTRACT_HEADERS)[number]> = {
  kind: 'mentorContract',
  headers: MENTOR_CONTRACT_HEADERS,
  plan(run, rows, log) {
    const seen = new FirstSeen<string>();
    const existingContracts = new Map(run.known.mentorContracts.map((contract) => [pairKey(contract.leadProviderId, contract.cohortId), contract]));
    const created: StoredRow[] = [];
    for (const row of rows) {
      const cells = readCells(row);
      const name = cells.text('lead-provider-name', { required: true });
      const startYear = cells.integer('cohort-start-year', { required: true, min: 2020, max: 2100 });
      const recruitmentTarget = cells.integer('recruitment-target', { required: true });
      const paymentPerParticipant = cells.money('payment-per-participant') ?? DEFAULT_PAYMENT_PER_PARTICIPANT;
      if (name && startYear) {
        const earlier = seen.earlier(`${name}|${startYear}`, row.line);
        if (earlier !== undefined) cells.problem('lead-provider-name', `A mentor contract for ${name} in cohort ${startYear} is already on line ${earlier}`);
      }
      const parties = findContractParties(run, cells, name, startYear);
      if (!run.accept(cells) || !parties) continue;

      const { leadProvider, cohort } = parties;
      const item = { line: row.line, kind: 'mentorContracts', record: `Mentor call-off contract for ${leadProvider.name}, cohort ${startYear}` } as const;
      const existing = existingContracts.get(pairKey(leadProvider.id, cohort.id));
      if (existing) {
        log.add({ ...item, outcome: 'unchanged' });
        const same =
          existing.recruitmentTarget === recruitmentTarget && new Prisma.Decimal(existing.paymentPerParticipant).equals(paymentPerParticipant);
        if (!same) {
          run.warnings.push(
            row.problem(undefined, `${leadProvider.name} already has a mentor call-off contract (version ${existing.version}) for cohort ${startYear} that differs from this row: imports never change contracts, so this row is not applied`),
          );
        }
        continue;
      }
      const id = randomUUID();
      created.push({
        id,
        leadProviderId: leadProvider.id,
        cohortId: cohort.id,
        version: DEFAULT_VERSION,
        recruitmentTarget,
        paymentPerParticipant,
      });
      log.add({ ...item, outcome: 'created' });
      run.audit(auditEvents.mentorCallOffContractCreated({
        subjectId: id,
        after: { leadProvider: leadProvider.name, cohort: startYear, version: DEFAULT_VERSION, recruitmentTarget, paymentPerParticipant },
        reason: log.reason(row.line),
      }));
    }
    run.insert('mentor_call_off_contracts', created);
  },
};
