import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { ImportRefused } from '../../../src/actions/imports/import-refused.js';
import { importGias, type GiasImportResult } from '../../../src/actions/schools/import-gias.js';
import { schoolsImportGias } from '../../../src/cli/commands/schools-import-gias.js';
import { db } from '../../../src/db/client.js';
import { userContext } from '../../support/factories.js';

const SAMPLE = 'test/fixtures/gias/edubasealldata-sample.csv';
const BAD = 'test/fixtures/gias/edubasealldata-bad.csv';
const support = userContext('support');
const sample = () => ({ fileName: 'edubasealldata-sample.csv', content: readFileSync(SAMPLE) });
const schools = () => db().school.findMany({ orderBy: { urn: 'asc' } });
const written = async () => ({ schools: JSON.stringify(await schools()), audits: await db().auditEvent.count() });

const LONDON = { administrativeDistrictCode: 'E09000007', section41Approved: false, schoolStatusCode: 1 };

beforeEach(async () => {
  await db().auditEvent.deleteMany();
  await db().school.deleteMany({ where: { urn: { startsWith: '1000' } } });
  await db().school.createMany({
    data: [
      { urn: '100001', name: 'The Aldgate School', schoolTypeCode: 2, ukprn: '10079319', postcode: 'EC3A 5DE', ...LONDON, administrativeDistrictCode: 'E09000001' },
      { urn: '100002', name: 'Camden Secondary School', schoolTypeCode: 1, postcode: 'NW1 1TX', ...LONDON },
      { urn: '100003', name: 'Camden Primary Pupil Referral Unit', schoolTypeCode: 10, ukprn: '10016823', postcode: 'NW1 8DP', ...LONDON },
      { urn: '100006', name: 'Hackney Special College', schoolTypeCode: 10, ukprn: '10012345', postcode: 'E8 1HR', ...LONDON, administrativeDistrictCode: 'E09000012' },
    ],
  });
});

describe('school data refresh from GIAS', () => {
  it('previews schools to add and close and the changed fields, eligibility changes marked, writing nothing', async () => {
    const before = await written();

    const preview = await importGias(support, { ...sample(), mode: 'preview' });

    expect(preview).toMatchObject({ applied: false, rows: 6, unchanged: 1, closedNotAdded: 1, errors: [] });
    expect(preview.toAdd).toEqual([{ urn: '100004', name: "St Anne's Église Primary School", line: 5, eligible: true }]);
    expect(preview.toClose.map((c) => [c.urn, c.fields.map((f) => [f.column, f.before, f.after])])).toEqual([
      ['100003', [['EstablishmentStatus (code)', '1', '2']]],
    ]);
    const changed = Object.fromEntries(preview.changed.map((c) => [c.urn, c]));
    expect(changed['100002']).toMatchObject({ name: 'Thérèse Independent School, Camden', eligibleBefore: true, eligibleAfter: false });
    expect(changed['100002'].fields.map((f) => f.column)).toEqual(['EstablishmentName', 'TypeOfEstablishment (code)']);
    expect(changed['100006']).toMatchObject({ eligibleBefore: false, eligibleAfter: true, fields: [{ column: 'Section41Approved (name)', before: 'false', after: 'true' }] });
    expect(await written()).toEqual(before);
  });

  it('applies it all at once, with an audit event per school and one for the import; again, nothing is left to do', async () => {
    const result = await importGias(support, { ...sample(), mode: 'apply' });

    expect(result.applied).toBe(true);
    const byUrn = Object.fromEntries((await schools()).map((s) => [s.urn, s]));
    expect(byUrn['100004']).toMatchObject({ name: "St Anne's Église Primary School", schoolTypeCode: 1, schoolTypeName: 'Community school', localAuthorityName: 'Camden', ukprn: '10093412' });
    expect(byUrn['100003']).toMatchObject({ schoolStatusCode: 2, schoolStatusName: 'Closed' });
    expect(byUrn['100002']).toMatchObject({ name: 'Thérèse Independent School, Camden', schoolTypeCode: 11, ukprn: null });
    expect(byUrn['100006'].section41Approved).toBe(true);
    expect(byUrn['100005']).toBeUndefined();
    const events = await db().auditEvent.findMany({ orderBy: { action: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['gias.imported', 'school.created_from_gias', 'school.updated_from_gias', 'school.updated_from_gias', 'school.updated_from_gias']);
    expect(events.find((e) => e.subjectId === byUrn['100003'].id)).toMatchObject({ actorType: 'user', before: { schoolStatusCode: 1 }, after: { schoolStatusCode: 2 } });

    const again = await importGias(support, { ...sample(), mode: 'preview' });
    expect(again).toMatchObject({ toAdd: [], toClose: [], changed: [], unchanged: 5 });
  });

  it('refuses a bad file with line and column messages, and imports nothing from it', async () => {
    const before = await written();

    const refusal = await importGias(support, { fileName: 'edubasealldata-bad.csv', content: readFileSync(BAD), mode: 'apply' }).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(ImportRefused);
    const result = (refusal as ImportRefused<GiasImportResult>).result!;
    expect(result.applied).toBe(false);
    expect((refusal as ImportRefused).problems).toEqual(result.errors);
    expect(result.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [3, 'URN', 'The URN must be 6 digits, like 100000, not "10001A"'],
      [4, 'EstablishmentStatus (code)', 'The status code must be 1, 2, 3 or 4, not "9"'],
      [4, 'Section41Approved (name)', 'Section41Approved (name) must be "Approved", "Not approved" or "Not applicable", not "Maybe"'],
      [4, 'UKPRN', 'The UKPRN must be 8 digits or blank, not "123"'],
    ]);
    const missing = await importGias(support, { fileName: 'x.csv', content: 'URN,EstablishmentName\n100001,A\n', mode: 'preview' });
    expect(missing.errors.map((e) => e.column)).toContain('TypeOfEstablishment (code)');
    await expect(importGias(userContext('finance'), { ...sample(), mode: 'apply' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await written()).toEqual(before);
  });

  it('runs from the command line: --dry-run previews; then imports; a bad file exits 1', async () => {
    const said: string[] = [];
    const dry = await schoolsImportGias.run({ options: { file: SAMPLE, 'dry-run': 'true' }, positional: [] }, { say: (l) => said.push(l) });
    expect(dry).toMatchObject({ applied: false });
    expect(said.join('\n')).toContain('1 to add, 1 to close, 2 changed, 1 unchanged');
    expect(said.join('\n')).toContain('100002 Thérèse Independent School, Camden: eligible → not eligible');
    expect((await db().school.findUniqueOrThrow({ where: { urn: '100003' } })).schoolStatusCode).toBe(1);

    const run = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'schools:import-gias', ...args, '--json'], { env: { ...process.env, NODE_OPTIONS: '' } })
      .then((r) => ({ code: 0, last: JSON.parse(r.stdout.trim().split('\n').at(-1)!) }), (e: { code: number; stdout: string }) => ({ code: e.code, last: JSON.parse(e.stdout.trim().split('\n').at(-1)!) }));
    const applied = await run('--file', SAMPLE);
    expect(applied).toMatchObject({ code: 0, last: { applied: true } });
    expect((await db().school.findUniqueOrThrow({ where: { urn: '100003' } })).schoolStatusCode).toBe(2);
    const refused = await run('--file', BAD);
    expect(refused.code).toBe(1);
    expect(refused.last.errors).toHaveLength(4);
  }, 60_000);
});
