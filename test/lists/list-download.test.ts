// Every back-office list downloads as CSV or xlsx with the filters and sort the person set on the page:
// the same records in the same order, references as their records' titles, spreadsheet formulas made
// inert, and an audit event for every file. Read over HTTP from the real app, as finance would.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { db } from '../../src/db/client.js';
import { BackOfficeClient, startBackOffice, type BackOffice } from '../support/back-office.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement, createUser } from '../support/factories.js';

const PASSWORD = 'list-download-test-password';
let app: BackOffice;
let finance: BackOfficeClient;
let leadProviderName: string;
const days = (n: number) => new Date(Date.UTC(2025, 0, 1 + n, 9, 30));

beforeAll(async () => {
  const world = await createParticipantWorld(2024);
  leadProviderName = world.leadProvider.name;
  const statement = await createStatement(world.leadProvider, world.cohort);
  const names = ['Ada Lovelace', '=HYPERLINK("http://evil.example","click")', 'Grace Hopper', 'Alan Turing'];
  for (const [i, fullName] of names.entries()) {
    const participant = await createParticipant(world, { fullName });
    await createDeclaration(participant, world.leadProvider, { state: i === 2 ? 'voided' : 'paid', statement, declarationDate: days(i) });
  }
  // Another provider's declarations, outside the filter.
  const other = await createParticipantWorld(2024);
  await createDeclaration(await createParticipant(other, { fullName: 'Not Filtered In' }), other.leadProvider, { state: 'paid' });
  await createUser('finance', { password: PASSWORD, email: 'finance@lists.example.com' });
  app = await startBackOffice();
  finance = new BackOfficeClient(app);
  await finance.signIn('finance@lists.example.com', PASSWORD);
}, 120_000);
afterAll(() => app?.close());

const provider = async () => (await db().cpdLeadProvider.findFirstOrThrow({ where: { name: leadProviderName } })).id;

describe('list downloads', () => {
  it('holds the filtered list in its sort order, references as titles, formulas inert, and is audited', async () => {
    const query = `filters.cpdLeadProvider=${await provider()}&filters.state=paid&sortBy=declarationDate&direction=asc`;
    const count = await finance.json<{ total: number }>(`/resources/Declaration/actions/download?${query}`);
    expect(count.body.total).toBe(3);

    const response = await finance.request(`/admin/api/resources/Declaration/actions/download?${query}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="declarations-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header, ...rows] = parse(await response.text()) as string[][];
    const column = (label: string) => header.indexOf(label);
    expect(header).toEqual(expect.arrayContaining(['Id', 'Teacher', 'Lead provider', 'State', 'Declaration date']));
    expect(rows.map((row) => row[column('Teacher')])).toEqual(['Ada Lovelace', `'=HYPERLINK("http://evil.example","click")`, 'Alan Turing']);
    expect(rows.map((row) => row[column('Lead provider')])).toEqual([leadProviderName, leadProviderName, leadProviderName]);
    expect(rows[0][column('Declaration date')]).toBe('2025-01-01T09:30:00Z');

    const descending = parse(await (await finance.request(`/admin/api/resources/Declaration/actions/download?${query.replace('asc', 'desc')}&format=csv`)).text()) as string[][];
    expect(descending.slice(1).map((row) => row[column('Teacher')])).toEqual(['Alan Turing', `'=HYPERLINK("http://evil.example","click")`, 'Ada Lovelace']);

    const audit = await db().auditEvent.findMany({ where: { action: 'list.exported', subjectType: 'Declaration' }, orderBy: { createdAt: 'asc' } });
    expect(audit[0]).toMatchObject({ actorLabel: expect.stringContaining('finance@lists.example.com'), ipAddress: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$|^::1$/), after: { format: 'csv', sort: { sortBy: 'declarationDate', direction: 'asc' }, filters: { state: 'paid' } } });
  });

  it('gives the same rows as a spreadsheet, with dates as dates', async () => {
    const query = `filters.cpdLeadProvider=${await provider()}&filters.state=paid&sortBy=declarationDate&direction=asc&format=xlsx`;
    const response = await finance.request(`/admin/api/resources/Declaration/actions/download?${query}`);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['Teacher', 'Declaration date']));
    const teacher = header.indexOf('Teacher') + 1;
    const date = header.indexOf('Declaration date') + 1;
    expect(sheet.rowCount).toBe(4);
    expect([2, 3, 4].map((n) => sheet.getRow(n).getCell(teacher).value)).toEqual(['Ada Lovelace', '=HYPERLINK("http://evil.example","click")', 'Alan Turing']);
    expect(sheet.getRow(2).getCell(teacher).formula).toBeUndefined();
    expect(sheet.getRow(2).getCell(date).value).toEqual(days(0));
  });

  it('ignores a sort by a field the role may not see, so a download cannot order by hidden data', async () => {
    const byBirth = await finance.request('/admin/api/resources/Teacher/actions/download?sortBy=dateOfBirth&direction=asc&format=csv');
    const byDefault = await finance.request('/admin/api/resources/Teacher/actions/download?format=csv');
    const [header, ...rows] = parse(await byBirth.text()) as string[][];
    expect(header.join(',')).not.toMatch(/birth|national insurance/i);
    expect(rows).toEqual((parse(await byDefault.text()) as string[][]).slice(1));
  });
});
