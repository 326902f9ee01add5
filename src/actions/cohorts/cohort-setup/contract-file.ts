// The contract file: one call-off contract (version 0.0.1) with its participant bands per lead provider
// and cohort. Contracts are never changed by an import: when one exists for the pair, the row is left.
import { randomUUID } from 'node:crypto';
import { readCells, type CellReader } from '../../../reports/csv/read-cells.js';
import { findContractParties } from './contract-parties.js';
import { FirstSeen, type FileStep } from './import-run.js';
import type { StoredRow } from './write-rows.js';
import { auditEvents } from '../../audit/events.js';

export const CONTRACT_HEADERS = [
  'lead-provider-name',
  'cohort-start-year',
  'uplift-target',
  'uplift-amount',
  'recruitment-target',
  'revised-target',
  'set-up-fee',
  'monthly-service-fee',
  'band-a-min',
  'band-a-max',
  'band-a-per-participant',
  'band-b-min',
  'band-b-max',
  'band-b-per-participant',
  'band-c-min',
  'band-c-max',
  'band-c-per-participant',
  'band-d-min',
  'band-d-max',
  'band-d-per-participant',
] as const;
type ContractColumn = (typeof CONTRACT_HEADERS)[number];

const DEFAULT_VERSION = '0.0.1';

type BandLetter = 'a' | 'b' | 'c' | 'd';

interface Band {
  letter: BandLetter;
  min: number | null;
  max: number | null;
  perParticipant: string;
  outputPaymentPercentage: number;
  serviceFeePercentage: number;
}

interface ContractValues {
  upliftTarget: string | null;
  upliftAmount: string | null;
  recruitmentTarget: number;
  revisedTarget: number;
  setUpFee: string;
  monthlyServiceFee: string | null;
}

export const contractFile: FileStep<ContractColumn> = {
  kind: 'contract',
  headers: CONTRACT_HEADERS,
  plan(run, rows, log) {
    const seen = new FirstSeen<string>();
    const contracts: StoredRow[] = [];
    const bandRows: StoredRow[] = [];
    for (const row of rows) {
      const cells = readCells(row);
      const name = cells.text('lead-provider-name', { required: true });
      const startYear = cells.integer('cohort-start-year', { required: true, min: 2020, max: 2100 });
      const values: ContractValues = {
        upliftTarget: cells.decimal('uplift-target', { maxPlaces: 4, maxWholeDigits: 2 }),
        // A blank uplift amount means the contract pays no uplift fees.
        upliftAmount: cells.money('uplift-amount'),
        recruitmentTarget: cells.integer('recruitment-target', { required: true }),
        // Required by the DfE's file although their import does not keep it; we do.
        revisedTarget: cells.integer('revised-target', { required: true }),
        setUpFee: cells.money('set-up-fee') ?? '0',
        monthlyServiceFee: cells.money('monthly-service-fee'),
      };
      // Bands A to C split each payment 60% output, 40% service fee; band D is paid wholly on outputs.
      const bands = [readBand(cells, 'a', true), readBand(cells, 'b', true), readBand(cells, 'c', true), readBand(cells, 'd', false)]
        .filter((band): band is Band => band !== null);
      checkBandsFollowOn(cells, bands);
      if (name && startYear) {
        const earlier = seen.earlier(`${name}|${startYear}`, row.line);
        if (earlier !== undefined) cells.problem('lead-provider-name', `A contract for ${name} in cohort ${startYear} is already on line ${earlier}`);
      }
      const parties = findContractParties(run, cells, name, startYear);
      if (!run.accept(cells) || !parties) continue;

      const { leadProvider, cohort } = parties;
      const item = { line: row.line, kind: 'contracts', record: `Call-off contract for ${leadProvider.name}, cohort ${startYear}` } as const;
      const raw = Object.fromEntries(CONTRACT_HEADERS.map((column) => [column, row.get(column)]));
      const existing = run.contract(leadProvider, cohort);
      if (existing) {
        log.add({ ...item, outcome: 'unchanged' });
        const stored = (existing.raw ?? {}) as Record<string, unknown>;
        if (!CONTRACT_HEADERS.every((column) => stored[column] === raw[column])) {
          run.warnings.push(
            row.problem(undefined, `${leadProvider.name} already has a call-off contract (version ${existing.version}) for cohort ${startYear} that differs from this row: imports never change contracts, so this row is not applied`),
          );
        }
        continue;
      }
      const id = randomUUID();
      contracts.push({ id, leadProviderId: leadProvider.id, cohortId: cohort.id, version: DEFAULT_VERSION, ...values, raw });
      for (const { min, max, perParticipant, outputPaymentPercentage, serviceFeePercentage } of bands) {
        bandRows.push({ id: randomUUID(), callOffContractId: id, min, max, perParticipant, outputPaymentPercentage, serviceFeePercentage });
      }
      run.rememberContract({ leadProviderId: leadProvider.id, cohortId: cohort.id, version: DEFAULT_VERSION, raw });
      log.add({ ...item, outcome: 'created', note: `${bands.length} bands` });
      run.audit(auditEvents.callOffContractCreated({
        subjectId: id,
        after: { leadProvider: leadProvider.name, cohort: startYear, version: DEFAULT_VERSION, ...values, bands },
        reason: log.reason(row.line),
      }));
    }
    run.insert('call_off_contracts', contracts);
    run.insert('participant_bands', bandRows, ['createdAt']);
  },
};

/** A band's cells; band D is optional and needs all three cells when given. */
function readBand(cells: CellReader<ContractColumn>, letter: BandLetter, required: boolean): Band | null {
  const minColumn = `band-${letter}-min` as const;
  const maxColumn = `band-${letter}-max` as const;
  const priceColumn = `band-${letter}-per-participant` as const;
  const min = cells.integer(minColumn);
  const max = cells.integer(maxColumn);
  const perParticipant = required ? cells.money(priceColumn, { required: true }) : cells.money(priceColumn);
  if (min !== null && max !== null && min > max) {
    cells.problem(minColumn, `Band ${letter.toUpperCase()} starts at ${min}, after its maximum of ${max}`);
  }
  if (required) return { letter, min, max, perParticipant: perParticipant ?? '0', outputPaymentPercentage: 60, serviceFeePercentage: 40 };

  const given = [min, max, perParticipant].filter((value) => value !== null).length;
  if (given === 0 || !cells.fine(minColumn, maxColumn, priceColumn)) return null;
  if (given < 3 || perParticipant === null) {
    const blank = [minColumn, maxColumn, priceColumn].find((column) => cells.text(column) === null);
    cells.problem(blank, `Band D needs a min, a max and a per-participant amount, or none of them`);
    return null;
  }
  return { letter, min, max, perParticipant, outputPaymentPercentage: 100, serviceFeePercentage: 0 };
}

/** Each band starts straight after the one before it ends: no participant is in two bands, or in none. */
function checkBandsFollowOn(cells: CellReader<ContractColumn>, bands: Band[]): void {
  for (let index = 1; index < bands.length; index++) {
    const before = bands[index - 1];
    const band = bands[index];
    const maxColumn = `band-${before.letter}-max` as const;
    const minColumn = `band-${band.letter}-min` as const;
    if (!cells.fine(maxColumn, minColumn)) continue;
    const [name, beforeName] = [band.letter.toUpperCase(), before.letter.toUpperCase()];
    if (before.max === null) {
      cells.problem(maxColumn, `This cell is blank: band ${beforeName} needs a maximum, as band ${name} follows it`);
    } else if (band.min === null) {
      cells.problem(minColumn, `This cell is blank: band ${name} needs a minimum of ${before.max + 1}, straight after band ${beforeName} ends`);
    } else if (band.min <= before.max) {
      cells.problem(minColumn, `Band ${name} starts at ${band.min}, overlapping band ${beforeName}, which ends at ${before.max}: start band ${name} at ${before.max + 1}`);
    } else if (band.min > before.max + 1) {
      cells.problem(minColumn, `Band ${name} starts at ${band.min}, leaving a gap after band ${beforeName}, which ends at ${before.max}: start band ${name} at ${before.max + 1}`);
    }
  }
}
