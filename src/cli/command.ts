// The shape of a CLI command. Each lives in src/cli/commands/<name>.ts and is listed in src/cli/registry.ts.
export interface CliArgs {
  /** Values of --name value pairs; a bare --flag is 'true'. */
  options: Record<string, string>;
  /** Words after the command name that are not options. */
  positional: string[];
  /** Every value of each option, in order, for options that may be given more than once. */
  lists?: Record<string, string[]>;
}

export interface CliOutput {
  /** A line for people; suppressed with --json. */
  say(line: string): void;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage?: string;
  /** Whether the command needs the database (opened, migrated and released around run). Default true. */
  needsDatabase?: boolean;
  /** False for a command that rebuilds the schema itself, so it still runs when an applied migration has changed. */
  migrateFirst?: boolean;
  /** Returns the result printed as the last line with --json. */
  run(args: CliArgs, out: CliOutput): Promise<Record<string, unknown>>;
  /** With --json, print run()'s result as it is, without `ok`: for commands whose output is specified exactly. */
  rawJson?: boolean;
  /** With --json, the exact last line for run()'s result: for output specified to the character. */
  jsonLine?(result: Record<string, unknown>): string;
  /** The exit code for a result run() returned (default 0): for commands that report failures as results. */
  exitCode?(result: Record<string, unknown>): number;
}

export class CliUsageError extends Error {}

export function requireOption(args: CliArgs, name: string): string {
  const value = args.options[name];
  if (!value || value === 'true') throw new CliUsageError(`Missing --${name}`);
  return value;
}
