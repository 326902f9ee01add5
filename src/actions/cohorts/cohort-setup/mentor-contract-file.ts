// The mentor contract file: one mentor call-off contract per lead provider and cohort. As with call-off
// contracts, an existing one is never changed by an import.
import { Prisma } from '@prisma/client';
import { readCells } from '../../../reports/csv/read-cells.js';
import { findContractParties } from './contract-parties.js';
import { FirstSeen, type ImportRun, type UploadedCsv } from './import-run.js';

export const MENTOR_CONTRACT_HEADERS = ['lead-provider-name', 'cohort-start-year', 'recruitment-target', 'payment-per-participant'] as const;

const DEFAULT_PAYMENT_PER_PARTICIPANT = '1000';

export async function importMentorContractFile(run: ImportRun, upload: UploadedCsv): Promise<void> {
  const { rows, log } = run.open('mentorContract', upload, MENTOR_CONTRACT_HEADERS);
  const seen = new FirstSeen<string>();
  for (const row of rows) {
    const cells = readCells(row);
    const name = cells.text('lead-provider-name', { required: true });
    const startYear = cells.integer('cohort-start-year', { required: true, min: 2020, max: 2100 });
    const recruitmentTarget = cells.integer('recruitment-target', { required: true });
    const paymentPerParticipant = cells.money('payment-per-participant') ?? DEFAULT_PAYMENT_PER_PARTICIPANT;
    if (name && startYear) {
      const earlier = seen.earlier(`${name}|${startYear}`, row.line);
      if (earlier !== undefined) cells.problem(undefined, `A mentor contract for ${name} in cohort ${startYear} is already on line ${earlier}`);
    }
    const parties = await findContractParties(run, cells, name, startYear);
    if (!run.accept(cells) || !parties) continue;

    const { leadProvider, cohort } = parties;
    const record = `Mentor call-off contract for ${leadProvider.name}, cohort ${startYear}`;
    const existing = await run.tx.mentorCallOffContract.findFirst({
      where: { leadProviderId: leadProvider.id, cohortId: cohort.id },
      orderBy: { createdAt: 'asc' },
    });
    if (existing) {
      const same = existing.recruitmentTarget === recruitmentTarget && existing.paymentPerParticipant.equals(new Prisma.Decimal(paymentPerParticipant));
      const note = same
        ? 'Already imported'
        : `A mentor contract (version ${existing.version}) already exists and imports never change contracts, so this row was not applied`;
      await log.add({ line: row.line, outcome: 'unchanged', record, note });
      continue;
    }
    const created = await run.tx.mentorCallOffContract.create({
      data: { leadProviderId: leadProvider.id, cohortId: cohort.id, recruitmentTarget, paymentPerParticipant },
    });
    await log.add(
      { line: row.line, outcome: 'created', record },
      {
        action: 'mentor_call_off_contract.created',
        subjectType: 'MentorCallOffContract',
        subjectId: created.id,
        after: { leadProvider: leadProvider.name, cohort: startYear, version: created.version, recruitmentTarget, paymentPerParticipant },
      },
    );
  }
}
