// Fills an empty database with the demo data; a seeded one is left alone (db:reset starts again).
import { ActionError } from '../../actions/errors.js';
import { CliUsageError, type CliCommand } from '../command.js';

const SIZES = ['small', 'full'] as const;

export const dbSeed: CliCommand = {
  name: 'db:seed',
  summary: 'Fill an empty database with demo data (full: about 600,000 rows; small: the same shape for browser tests)',
  usage: '[--size small|full]',
  async run(args, out) {
    const size = args.options.size ?? 'full';
    if (!SIZES.includes(size as (typeof SIZES)[number])) throw new CliUsageError(`--size must be small or full, not "${size}"`);
    const { isSeeded, seedDemo } = await import('../../../seeds/seed-demo.js');
    if (await isSeeded()) {
      throw new ActionError('CONFLICT', 'The database already has the demo data. To start again, run: npm run cli -- db:reset --yes');
    }
    const summary = await seedDemo({ size: size as (typeof SIZES)[number], log: (line) => out.say(line) });
    const width = Math.max(...Object.keys(summary.counts).map((table) => table.length));
    for (const [table, count] of Object.entries(summary.counts)) out.say(`  ${table.padEnd(width)}  ${count.toLocaleString('en-GB').padStart(9)}`);
    out.say(`Seeded ${size} demo data in ${(summary.durationMs / 1000).toFixed(1)} s.`);
    out.say('Demo logins:');
    for (const login of summary.logins) out.say(`  ${login.role.padEnd(11)} ${login.email.padEnd(24)} ${login.password}`);
    out.say('Lead provider API tokens:');
    for (const token of summary.apiTokens) out.say(`  ${token.leadProvider.padEnd(28)} ${token.token}`);
    return { size, durationMs: summary.durationMs, counts: summary.counts };
  },
};
