// The contract file: one call-off contract (version 0.0.1) with its participant bands per lead provider
// and cohort. Contracts are never changed by an import: when one exists for the pair, the row is left.
import type { Prisma } from '@prisma/client';
import { readCells, type CellReader } from '../../../reports/csv/read-cells.js';
import { findContractParties } from './contract-parties.js';
import { FirstSeen, type ImportRun, type UploadedCsv } from './import-run.js';

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

type BandLetter = 'a' | 'b' | 'c' | 'd';

interface Band {
  min: number | null;
  max: number | null;
  perParticipant: string;
  outputPaymentPercentage: number;
  serviceFeePercentage: number;
}

export async function importContractFile(run: ImportRun, upload: UploadedCsv): Promise<void> {
  const { rows, log } = run.open('contract', upload, CONTRACT_HEADERS);
  const seen = new FirstSeen<string>();
  let contracts: Map<string, { version: string; raw: Prisma.JsonValue }> | undefined;
  // Any version counts, as in the DfE's import. A few per lead provider and cohort: load them once.
  const existingContracts = async () => {
    contracts ??= new Map(
      (await run.tx.callOffContract.findMany({ select: { leadProviderId: true, cohortId: true, version: true, raw: true }, orderBy: { createdAt: 'desc' } })).map(
        (contract) => [`${contract.leadProviderId}|${contract.cohortId}`, contract],
      ),
    );
    return contracts;
  };
  for (const row of rows) {
    const cells = readCells(row);
    const name = cells.text('lead-provider-name', { required: true });
    const startYear = cells.integer('cohort-start-year', { required: true, min: 2020, max: 2100 });
    const contract = {
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
    const bands = [readBand(cells, 'a', true), readBand(cells, 'b', true), readBand(cells, 'c', true), readBand(cells, 'd', false)];
    if (name && startYear) {
      const earlier = seen.earlier(`${name}|${startYear}`, row.line);
      if (earlier !== undefined) cells.problem(undefined, `A contract for ${name} in cohort ${startYear} is already on line ${earlier}`);
    }
    const parties = await findContractParties(run, cells, name, startYear);
    if (!run.accept(cells) || !parties) continue;

    const { leadProvider, cohort } = parties;
    const record = `Call-off contract for ${leadProvider.name}, cohort ${startYear}`;
    const raw = Object.fromEntries(CONTRACT_HEADERS.map((column) => [column, row.get(column)]));
    const existing = (await existingContracts()).get(`${leadProvider.id}|${cohort.id}`);
    if (existing) {
      const stored = (existing.raw ?? {}) as Record<string, unknown>;
      const note = CONTRACT_HEADERS.every((column) => stored[column] === raw[column])
        ? 'Already imported'
        : `A contract (version ${existing.version}) already exists and imports never change contracts, so this row was not applied`;
      await log.add({ line: row.line, outcome: 'unchanged', record, note });
      continue;
    }
    const presentBands = bands.filter((band): band is Band => band !== null);
    const created = await run.tx.callOffContract.create({
      data: {
        leadProviderId: leadProvider.id,
        cohortId: cohort.id,
        ...contract,
        raw,
        bands: { create: presentBands },
      },
    });
    await log.add(
      { line: row.line, outcome: 'created', record, note: `${presentBands.length} bands` },
      {
        action: 'call_off_contract.created',
        subjectType: 'CallOffContract',
        subjectId: created.id,
        after: { leadProvider: leadProvider.name, cohort: startYear, version: created.version, ...contract, bands: presentBands },
      },
    );
  }
}

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
  if (required) return { min, max, perParticipant: perParticipant ?? '0', outputPaymentPercentage: 60, serviceFeePercentage: 40 };

  const given = [min, max, perParticipant].filter((value) => value !== null).length;
  if (given === 0 || !cells.fine(minColumn, maxColumn, priceColumn)) return null;
  if (given < 3 || perParticipant === null) {
    const blank = [minColumn, maxColumn, priceColumn].find((column) => cells.text(column) === null);
    cells.problem(blank, `Band D needs a min, a max and a per-participant amount, or none of them`);
    return null;
  }
  return { min, max, perParticipant, outputPaymentPercentage: 100, serviceFeePercentage: 0 };
}

