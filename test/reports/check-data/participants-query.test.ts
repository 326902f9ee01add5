// Which participants a delivery partner sees, search and filters, pages, and the CSV of exactly the same rows.
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { db } from '../../../src/db/client.js';
import type { CheckDataFilters } from '../../../src/reports/check-data/filters.js';
import { readCheckDataFilters } from '../../../src/reports/check-data/filters.js';
import { statusDescription } from '../../../src/reports/check-data/statuses.js';
import { CHECK_DATA_CSV_HEADERS, checkDataCsvRecord, writeCheckDataCsv } from '../../../src/reports/check-data/participants-csv.js';
import { checkDataAcademicYears, findCheckDataParticipants, PAGE_SIZE, type CheckDataRow } from '../../../src/reports/check-data/participants-query.js';
import {
  createCohort, createDeliveryPartner, createParticipantWorld, createSchool, type ParticipantWorld,
} from '../../support/factories.js';
import { addManyParticipants, addParticipant, AS_OF, BEFORE, allRows } from './check-data-world.js';

async function csvOf(deliveryPartnerId: string, filters: CheckDataFilters = {}): Promise<{ text: string; count: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const count = await writeCheckDataCsv({ deliveryPartnerId, filters, asOf: AS_OF }, out);
  out.end();
  return { text: Buffer.concat(chunks).toString('utf8'), count };
}

const names = (rows: CheckDataRow[]) => rows.map((r) => r.fullName).sort();

describe('which participants a delivery partner sees', () => {
  let mine: ParticipantWorld;
  let theirs: ParticipantWorld;
  beforeAll(async () => {
    mine = await createParticipantWorld(2024);
    theirs = await createParticipantWorld(2024);
  });

  it("shows its own partnerships' participants and never another delivery partner's", async () => {
    await addParticipant(mine, { fullName: 'Ada Mine' });
    await addParticipant(theirs, { fullName: 'Bea Theirs' });
    expect(names(await allRows(mine.deliveryPartner.id))).toContain('Ada Mine');
    expect(names(await allRows(mine.deliveryPartner.id))).not.toContain('Bea Theirs');
    expect(names(await allRows(theirs.deliveryPartner.id))).toEqual(['Bea Theirs']);
  });

  it('leaves out challenged and pending partnerships', async () => {
    const challenged = await createParticipantWorld(2024, { deliveryPartner: mine.deliveryPartner });
    await db().partnership.update({ where: { id: challenged.partnership.id }, data: { challengedAt: BEFORE, challengeReason: 'mistake' } });
    await addParticipant(challenged, { fullName: 'Cal Challenged' });
    const pending = await createParticipantWorld(2024, { deliveryPartner: mine.deliveryPartner });
    await db().partnership.update({ where: { id: pending.partnership.id }, data: { pending: true } });
    await addParticipant(pending, { fullName: 'Pat Pending' });
    const rows = names(await allRows(mine.deliveryPartner.id));
    expect(rows).not.toContain('Cal Challenged');
    expect(rows).not.toContain('Pat Pending');
  });

  it('shows each participant once, from their latest record with this delivery partner', async () => {
    const moved = await addParticipant(mine, { fullName: 'Mo Moved', record: { inductionStatus: 'changed', endDate: BEFORE } });
    // They carry on with the other delivery partner: this one sees them as no longer trained, the other as training.
    await db().inductionRecord.create({
      data: { inductionProgrammeId: theirs.programme.id, participantProfileId: moved.profile.id, scheduleId: theirs.schedule.id, startDate: BEFORE },
    });
    const back = await addParticipant(mine, { fullName: 'Bo Back', record: { inductionStatus: 'changed', endDate: BEFORE } });
    await db().inductionRecord.create({
      data: { inductionProgrammeId: mine.programme.id, participantProfileId: back.profile.id, scheduleId: mine.schedule.id, startDate: BEFORE },
    });

    const mineRows = await allRows(mine.deliveryPartner.id);
    expect(mineRows.filter((r) => r.fullName === 'Mo Moved').map((r) => r.recordState)).toEqual(['no_longer_involved']);
    expect(mineRows.filter((r) => r.fullName === 'Bo Back').map((r) => r.recordState)).toEqual(['registered_for_fip_training']);
    expect((await allRows(theirs.deliveryPartner.id)).filter((r) => r.fullName === 'Mo Moved').map((r) => r.recordState)).toEqual(['registered_for_fip_training']);
  });

  it('leaves out archived participant profiles', async () => {
    await addParticipant(mine, { fullName: 'Archie Archived', profile: { archivedAt: BEFORE } });
    expect(names(await allRows(mine.deliveryPartner.id))).not.toContain('Archie Archived');
  });

  it('has nothing for a delivery partner without partnerships', async () => {
    const idle = await createDeliveryPartner();
    expect(await allRows(idle.id)).toEqual([]);
    expect(await csvOf(idle.id)).toEqual({ text: '', count: 0 });
  });
});

describe('search and filters', () => {
  let world: ParticipantWorld;
  let earlier: ParticipantWorld;
  beforeAll(async () => {
    world = await createParticipantWorld(2024, { school: await createSchool({ name: 'Riverside Primary', urn: '123456' }) });
    earlier = await createParticipantWorld(2023, { deliveryPartner: world.deliveryPartner, leadProvider: world.leadProvider, school: await createSchool({ name: 'Hilltop Academy' }) });
    await db().leadProvider.update({ where: { id: world.leadProvider.id }, data: { name: 'Northern Teaching Trust' } });
    await addParticipant(world, { fullName: 'Grace Hopper', trn: '7654321' });
    await addParticipant(world, { fullName: 'Alan Turing', type: 'mentor' });
    await addParticipant(world, { fullName: 'Katherine Johnson', profile: { eligibilityStatus: 'manual_check', eligibilityReason: 'no_qts' } });
    await addParticipant(earlier, { fullName: 'Mary Jackson' });
    await addParticipant(earlier, { fullName: 'Dorothy 100% Vaughan', record: { trainingStatus: 'deferred' } });
  });
  const found = async (params: Record<string, string>) => names(await allRows(world.deliveryPartner.id, readCheckDataFilters(params)));

  it('finds by participant name, in any case and in part', async () => {
    expect(await found({ query: 'grace' })).toEqual(['Grace Hopper']);
    expect(await found({ query: 'OPPER' })).toEqual(['Grace Hopper']);
  });

  it('finds by school name, TRN, school URN, lead provider and email', async () => {
    expect(await found({ query: 'hilltop' })).toEqual(['Dorothy 100% Vaughan', 'Mary Jackson']);
    expect(await found({ query: '7654321' })).toEqual(['Grace Hopper']);
    expect(await found({ query: '123456' })).toEqual(['Alan Turing', 'Grace Hopper', 'Katherine Johnson']);
    expect(await found({ query: 'northern teaching' })).toHaveLength(5);
    const { email } = (await allRows(world.deliveryPartner.id)).find((r) => r.fullName === 'Alan Turing')!;
    expect(await found({ query: email.toUpperCase() })).toEqual(['Alan Turing']);
  });

  it('takes % and _ literally', async () => {
    expect(await found({ query: '100%' })).toEqual(['Dorothy 100% Vaughan']);
    expect(await found({ query: '%' })).toEqual(['Dorothy 100% Vaughan']);
    expect(await found({ query: '_' })).toEqual([]);
  });

  it('filters by role, academic year and status, together with search', async () => {
    expect(await found({ role: 'mentor' })).toEqual(['Alan Turing']);
    expect(await found({ academic_year: '2023' })).toEqual(['Dorothy 100% Vaughan', 'Mary Jackson']);
    expect(await found({ status: 'checking_qts' })).toEqual(['Katherine Johnson']);
    expect(await found({ status: 'participant_deferred', academic_year: '2023' })).toEqual(['Dorothy 100% Vaughan']);
    expect(await found({ status: 'participant_deferred', academic_year: '2024' })).toEqual([]);
    expect(await found({ query: 'hilltop', role: 'ect', status: 'training_or_eligible_for_training' })).toEqual(['Mary Jackson']);
  });

  // app/services/delivery_partners/participants_filter.rb: an unknown role is ignored; a status or academic year
  // that is given but not an option matches nobody (never everyone); the year is read as Ruby's to_i.
  it('ignores an unknown role, and lists nobody for a status or academic year that is not an option', async () => {
    const everyone = await found({});
    expect(await found({ role: 'admin' })).toEqual(everyone);
    expect(await found({ status: 'everything' })).toEqual([]);
    expect(await found({ academic_year: 'DROP TABLE' })).toEqual([]);
    expect(await found({ academic_year: '2025' })).toEqual([]);
    expect(await found({ academic_year: ' 2023 ' })).toEqual(['Dorothy 100% Vaughan', 'Mary Jackson']);
    expect(readCheckDataFilters({ role: ['ect', 'mentor'], query: '   ', status: ' ' })).toEqual({});
  });

  it('does not list cohorts after 2024, which the portal does not cover', async () => {
    const later = await createParticipantWorld(2025, { deliveryPartner: world.deliveryPartner, leadProvider: world.leadProvider });
    await addParticipant(later, { fullName: 'Future Cohort' });
    expect(await found({})).not.toContain('Future Cohort');
    expect(await found({ query: 'future' })).toEqual([]);
  });

  it('writes the CSV with the DfE headers and values', async () => {
    const { text } = await csvOf(world.deliveryPartner.id, readCheckDataFilters({ query: 'grace' }));
    const [header, row] = parse(text) as string[][];
    expect(header).toEqual([...CHECK_DATA_CSV_HEADERS]);
    expect(header).toEqual(['full_name', 'email_address', 'trn', 'role', 'lead_provider', 'school', 'school_unique_reference_number', 'academic_year', 'training_status', 'status']);
    expect(row).toEqual(['Grace Hopper', expect.stringMatching(/@example\.com$/), '7654321', 'Early career teacher', 'Northern Teaching Trust', 'Riverside Primary', '123456', '2024', 'active', 'Training or eligible for training']);
  });

  it('keeps a name a spreadsheet would run as a formula as text in the CSV', async () => {
    await addParticipant(world, { fullName: '=HYPERLINK("http://evil.example","Click")' });
    const { text } = await csvOf(world.deliveryPartner.id, readCheckDataFilters({ query: 'HYPERLINK' }));
    expect((parse(text) as string[][])[1][0]).toBe('\'=HYPERLINK("http://evil.example","Click")');
  });
});

describe('pages and the CSV of a large delivery partner', () => {
  let world: ParticipantWorld;
  const COUNT = 1234;
  beforeAll(async () => {
    world = await createParticipantWorld(2024);
    await addManyParticipants(world, COUNT, 'Bulk');
    await addParticipant(world, { fullName: 'Deferred Dee', record: { trainingStatus: 'deferred' } });
  });

  it('shows 50 a page, most recently updated first', async () => {
    const first = await findCheckDataParticipants({ deliveryPartnerId: world.deliveryPartner.id, filters: readCheckDataFilters({ query: 'bulk' }), asOf: AS_OF });
    expect(first).toMatchObject({ total: COUNT, page: 1, pageCount: Math.ceil(COUNT / PAGE_SIZE) });
    expect(first.rows.map((r) => r.fullName).slice(0, 3)).toEqual(['Bulk 1', 'Bulk 2', 'Bulk 3']);
    expect(first.rows).toHaveLength(50);
    const last = await findCheckDataParticipants({ deliveryPartnerId: world.deliveryPartner.id, filters: readCheckDataFilters({ query: 'bulk' }), asOf: AS_OF }, first.pageCount);
    expect(last.rows.map((r) => r.fullName)).toEqual(Array.from({ length: COUNT % 50 }, (_, i) => `Bulk ${COUNT - (COUNT % 50) + i + 1}`));
  });

  it('still counts the results past the last page', async () => {
    const beyond = await findCheckDataParticipants({ deliveryPartnerId: world.deliveryPartner.id, filters: {}, asOf: AS_OF }, 999);
    expect(beyond).toMatchObject({ rows: [], total: COUNT + 1, page: 999, pageCount: Math.ceil((COUNT + 1) / PAGE_SIZE) });
  });

  it('downloads exactly the rows of every page of the filtered view, in the same order', async () => {
    const query = { deliveryPartnerId: world.deliveryPartner.id, filters: readCheckDataFilters({ query: 'bulk 1', status: 'training_or_eligible_for_training' }), asOf: AS_OF };
    const onScreen: CheckDataRow[] = [];
    const first = await findCheckDataParticipants(query);
    for (let page = 1; page <= first.pageCount; page++) onScreen.push(...(await findCheckDataParticipants(query, page)).rows);
    expect(onScreen).toHaveLength(first.total);
    expect(first.total).toBe(1 + 10 + 100 + 235); // Bulk 1, 10–19, 100–199, 1000–1234

    const { text, count } = await csvOf(world.deliveryPartner.id, query.filters);
    const [header, ...rows] = parse(text) as string[][];
    expect(header).toEqual([...CHECK_DATA_CSV_HEADERS]);
    expect(count).toBe(onScreen.length);
    expect(rows).toEqual(onScreen.map(checkDataCsvRecord));
  });

  it('downloads more rows than one cursor batch, all of them', async () => {
    const { count, text } = await csvOf(world.deliveryPartner.id);
    expect(count).toBe(COUNT + 1);
    expect((parse(text) as string[][]).length).toBe(COUNT + 2);
  });

  it('leaves out of the CSV what the status filter leaves off the screen', async () => {
    const { text } = await csvOf(world.deliveryPartner.id, readCheckDataFilters({ status: 'participant_deferred' }));
    expect((parse(text) as string[][]).slice(1).map((r) => r[0])).toEqual(['Deferred Dee']);
  });
});

it('offers every cohort up to 2024 as an academic year', async () => {
  await createCohort(2021);
  await createCohort(2026);
  const years = await checkDataAcademicYears();
  expect(years).toEqual(expect.arrayContaining([2021]));
  expect(years.filter((y) => y > 2024)).toEqual([]);
});

it('describes each status beside its label as the DfE does, a completed induction with its date', () => {
  expect(statusDescription('not_eligible_for_funded_training', null)).toBe('We’ve checked this participant’s details and found they’re not eligible for this programme.');
  expect(statusDescription('induction_completed', new Date('2025-03-05T00:00:00Z'))).toBe(
    'The Teaching Regulation Agency has recorded that this ECT completed their induction on 5 March 2025.',
  );
});
