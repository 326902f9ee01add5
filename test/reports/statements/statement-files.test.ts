import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { db } from '../../../src/db/client.js';
import {
  DECLARATIONS_CSV_HEADERS, declarationsCsvFilename, statementDeclarationsCsvFilename, writeStatementDeclarationsCsv,
} from '../../../src/reports/statements/declarations-csv.js';
import { statementXlsxFilename, writeStatementXlsx } from '../../../src/reports/statements/statement-xlsx.js';
import { createDeclaration, createLeadProvider, createParticipant, createParticipantWorld, createStatement } from '../../support/factories.js';
import { clawBack, createContract, createMentorContract, daysFromToday } from './statement-world.js';

async function collect(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

describe('declarations CSV', () => {
  it("names the file after the lead provider, cohort and statement without non-word characters", async () => {
    expect(declarationsCsvFilename({ leadProviderName: 'Ambition Institute (UK)', cohortStartYear: 2024, name: 'January 2025' }))
      .toBe('ECF-Declarations-AmbitionInstituteUK-Cohort2024-January2025.csv');
    const world = await createParticipantWorld(2023, { leadProvider: await createLeadProvider({ name: 'Best-Practice Network' }) });
    const statement = await createStatement(world.leadProvider, world.cohort, { name: 'March 2024' });
    expect(await statementDeclarationsCsvFilename(statement.id)).toBe('ECF-Declarations-BestPracticeNetwork-Cohort2023-March2024.csv');
  });

  it('streams one row per line item, ordered by participant name, in batches, with the DfE columns', async () => {
    const world = await createParticipantWorld(2023);
    const statement = await createStatement(world.leadProvider, world.cohort, { name: 'March 2024' });
    const earlier = await createStatement(world.leadProvider, world.cohort, { name: 'Earlier', state: 'paid', deadlineDate: daysFromToday(-60), paymentDate: daysFromToday(-40) });
    const mentor = await createParticipant(world, { type: 'mentor', fullName: 'Zara Mentor' });
    const names = ['Cara Smith', 'Abe Jones', 'Cara Smith', 'Bea Khan', 'Dan "Danny" Lee, Jr'];
    const participants = [];
    for (const fullName of names) {
      participants.push(await createParticipant(world, { fullName, profile: { mentorProfileId: mentor.profile.id, sparsityUplift: fullName === 'Abe Jones', pupilPremiumUplift: fullName === 'Abe Jones' } }));
    }
    const declarations = [];
    for (const participant of participants) declarations.push(await createDeclaration(participant, world.leadProvider, { statement, state: 'eligible', declarationDate: new Date('2024-02-03T10:11:12.345Z') }));
    await createDeclaration(mentor, world.leadProvider, { statement, state: 'voided', declarationType: 'completed' });
    const clawedBack = await createDeclaration(participants[3], world.leadProvider, { statement: earlier, state: 'paid', declarationType: 'retained_1' });
    await clawBack(clawedBack.id, statement);
    await db().participantProfile.update({ where: { id: participants[3].profile.id }, data: { eligibilityStatus: 'ineligible', eligibilityReason: 'duplicate_profile' } });
    await db().participantProfileState.create({ data: { participantProfileId: participants[1].profile.id, state: 'withdrawn', reason: 'moved-school', cpdLeadProviderId: world.leadProvider.cpdLeadProviderId } });

    const csv = (await collect((out) => writeStatementDeclarationsCsv(statement.id, out, { batchSize: 2 }))).toString('utf8');
    const [header, ...rows] = parse(csv) as string[][];

    expect(header).toEqual([...DECLARATIONS_CSV_HEADERS]);
    expect(rows.map((r) => r[1])).toEqual(['Abe Jones', 'Bea Khan', 'Bea Khan', 'Cara Smith', 'Cara Smith', 'Dan "Danny" Lee, Jr', 'Zara Mentor']);
    // A cell with a comma or a quote is quoted, its quotes doubled, as csv-stringify and COPY do.
    expect(csv).toContain(',"Dan ""Danny"" Lee, Jr",');
    const record = (row: string[]) => Object.fromEntries(header.map((h, i) => [h, row[i]]));
    const abe = record(rows[0]);
    const abeDeclaration = declarations[1];
    expect(abe).toEqual({
      'Participant ID': participants[1].teacher.id,
      'Participant Name': 'Abe Jones',
      TRN: participants[1].teacher.trn,
      Type: 'ParticipantProfile::ECT',
      'Mentor Profile ID': mentor.profile.id,
      Schedule: 'ecf-standard-september',
      'Eligible For Funding': 'true',
      'Eligible For Funding Reason': '',
      'Sparsity Uplift': 'true',
      'Pupil Premium Uplift': 'true',
      'Sparsity And Pp': 'true',
      'Lead Provider Name': world.leadProvider.name,
      'Delivery Partner Name': world.deliveryPartner.name,
      'School Urn': world.school.urn,
      'School Name': world.school.name,
      'Training Status': 'active',
      'Training Status Reason': 'moved-school',
      'Declaration ID': abeDeclaration.id,
      'Declaration Status': 'eligible',
      'Declaration Type': 'started',
      'Declaration Date': '2024-02-03T10:11:12Z',
      'Declaration Created At': abeDeclaration.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      'Statement Name': 'March 2024',
      'Statement ID': statement.id,
      'Uplift Payable': 'true',
    });
    const bea = rows.filter((r) => r[1] === 'Bea Khan').map(record);
    expect(bea.map((r) => [r['Declaration Type'], r['Declaration Status'], r['Eligible For Funding'], r['Eligible For Funding Reason'], r['Uplift Payable']]).sort()).toEqual([
      ['retained-1', 'awaiting_clawback', 'false', 'duplicate_profile', 'false'],
      ['started', 'eligible', 'false', 'duplicate_profile', 'false'],
    ]);
    expect(record(rows[6])).toMatchObject({ Type: 'ParticipantProfile::Mentor', 'Declaration Status': 'voided', 'Declaration Type': 'completed', 'Training Status Reason': '' });
  });

  it('writes only the header for a statement without line items', async () => {
    const world = await createParticipantWorld(2023);
    const statement = await createStatement(world.leadProvider, world.cohort);
    const csv = (await collect((out) => writeStatementDeclarationsCsv(statement.id, out))).toString('utf8');
    expect(csv).toBe(`${DECLARATIONS_CSV_HEADERS.join(',')}\n`);
  });
});

describe('statement spreadsheet', () => {
  const cellsOf = (sheet: ExcelJS.Worksheet) => {
    const rows: Record<string, ExcelJS.Row> = {};
    sheet.eachRow((row) => { const label = row.getCell(1).value; if (typeof label === 'string') rows[label] ??= row; });
    return rows;
  };

  it('opens in a spreadsheet program with the payment breakdown, counts and contract information in pounds', async () => {
    const world = await createParticipantWorld(2022);
    await createContract(world.leadProvider, world.cohort);
    const statement = await createStatement(world.leadProvider, world.cohort, { name: 'January 2023', reconcileAmount: '12.34' });
    for (let i = 0; i < 3; i++) await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'eligible' });
    await db().financeAdjustment.create({ data: { statementId: statement.id, paymentType: 'Late start', amount: '-100.25' } });

    const buffer = await collect((out) => writeStatementXlsx(statement.id, out).then(() => out.end()));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);

    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Statement', 'Output payments', 'Clawbacks and adjustments', 'Contract information']);
    const overview = cellsOf(workbook.getWorksheet('Statement')!);
    expect(workbook.getWorksheet('Statement')!.getCell('A1').value).toBe('Initial teacher training and early career framework (ITTECF)');
    // Output 48 + 48 + 36 = 132; service fee −148,851 / 29 = −5,132.7931…; with −100.25 and +12.34: −5,088.7031… (−6,106.44 with VAT).
    expect(overview['Output payment'].getCell(2).value).toBe(132);
    expect(overview['Service fee'].getCell(2).value).toBe(-5132.79);
    expect(overview['Additional adjustments'].getCell(2).value).toBe(-100.25);
    expect(overview['VAT'].getCell(2).value).toBe(-1017.74);
    expect(overview['Total'].getCell(2).value).toBe(-6106.44);
    expect(overview['Total'].getCell(2).numFmt).toBe('£#,##0.00');
    expect(overview['Total starts'].getCell(2).value).toBe(3);
    const outputs = cellsOf(workbook.getWorksheet('Output payments')!);
    // One row per line: band, declarations, fee, payment (declarations × fee).
    expect([2, 3, 4, 5].map((c) => outputs['Started'].getCell(c).value)).toEqual(['A', 2, 48, 96]);
    const contract = cellsOf(workbook.getWorksheet('Contract information')!);
    expect(contract['Revised recruitment target (150%)'].getCell(2).value).toBe(9000);
    expect(contract['Set-up Fee'].getCell(2).value).toBe(149651);
    expect(statementXlsxFilename({ statement: { leadProviderName: 'Teach First', cohortStartYear: 2022, name: 'January 2023' } as never }))
      .toBe('ECF-Statement-TeachFirst-Cohort2022-January2023.xlsx');
  });

  it('writes a 2025 statement with ECT and mentor sections', async () => {
    const world = await createParticipantWorld(2025);
    await createContract(world.leadProvider, world.cohort, { upliftAmount: null });
    await createMentorContract(world.leadProvider, world.cohort);
    const statement = await createStatement(world.leadProvider, world.cohort);
    await createDeclaration(await createParticipant(world, { type: 'mentor' }), world.leadProvider, { statement, state: 'eligible' });

    const buffer = await collect((out) => writeStatementXlsx(statement.id, out).then(() => out.end()));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
    const overview = cellsOf(workbook.getWorksheet('Statement')!);
    expect(overview['Mentors output payment'].getCell(2).value).toBe(500);
    expect(overview['Started'].getCell(3).value).toBe(1);
    expect(cellsOf(workbook.getWorksheet('Output payments')!)['Mentors output payment total'].getCell(4).value).toBe(500);
  });
});
