import { describe, expect, it } from '@jest/globals';
import { dbSeed } from '../../src/cli/commands/db-seed.js';
import { CliUsageError } from '../../src/cli/command.js';
import { db } from '../../src/db/client.js';

function output() {
  const lines: string[] = [];
  return { lines, out: { say: (line: string) => lines.push(line) } };
}

describe('db:seed', () => {
  it('refuses a size it does not know, writing nothing', async () => {
    const { out } = output();
    await expect(dbSeed.run({ options: { size: 'huge' }, positional: [] }, out)).rejects.toThrow(CliUsageError);
    expect(await db().cohort.count()).toBe(0);
  });

  it('seeds an empty database and prints the counts, the demo logins and API tokens', async () => {
    const { lines, out } = output();
    const result = await dbSeed.run({ options: { size: 'small' }, positional: [] }, out);
    expect(result).toMatchObject({ size: 'small', counts: { schools: expect.any(Number), declarations: expect.any(Number) } });
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}declarations +[\d,]+$/));
    expect(lines).toContainEqual(expect.stringMatching(/^Seeded small demo data in [\d.]+ s\.$/));
    expect(lines).toContainEqual(expect.stringMatching(/finance@example\.com +demo-password-123/));
    expect(lines).toContainEqual(expect.stringMatching(/Teach First +demo-token-teach-first/));
  }, 120_000);

  it('refuses when the demo data is already there, pointing at db:reset', async () => {
    const users = await db().user.count();
    const { out } = output();
    await expect(dbSeed.run({ options: {}, positional: [] }, out)).rejects.toThrow(
      'The database already has the demo data. To start again, run: npm run cli -- db:reset --yes',
    );
    expect(await db().user.count()).toBe(users);
  });
});
