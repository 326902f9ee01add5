// The shared state of one cohort setup import: its transaction, what each file did, every problem found,
// and look-ups that see what earlier files of the same import created (a cohort made by the cohort file
// is there for the contract file).
import type { Cohort } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import { readCsv, type CsvRow, type ImportProblem } from '../../../reports/csv/read-csv.js';
import type { CellReader } from '../../../reports/csv/read-cells.js';
import type { ActorContext } from '../../actor.js';
import { recordAudit, type AuditEntry } from '../../audit.js';

export const COHORT_SETUP_FILE_KINDS = ['cohort', 'cohortLeadProvider', 'contract', 'mentorContract', 'schedule', 'statement'] as const;
export type CohortSetupFileKind = (typeof COHORT_SETUP_FILE_KINDS)[number];

export interface UploadedCsv {
  /** The file's name as the user knows it; every problem names it. */
  name: string;
  content: string | Uint8Array;
}

export type ItemOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface ImportItem {
  /** The file line the item comes from (header = line 1). */
  line: number;
  outcome: ItemOutcome;
  /** What the record is, e.g. "Cohort 2027" or "Ambition Institute in cohort 2027". */
  record: string;
  /** What changed, or why nothing did. */
  note?: string;
}

export interface FileSummary {
  kind: CohortSetupFileKind;
  file: string;
  /** Data rows read (blank rows are not counted). */
  rows: number;
  counts: Record<ItemOutcome, number>;
  items: ImportItem[];
}

export interface LeadProviderRef {
  id: string;
  name: string;
  cpdLeadProviderId: string;
}

/** What happened to one file's records; created and updated records are audited as they are written. */
export class FileLog {
  readonly summary: FileSummary;

  constructor(
    private readonly run: ImportRun,
    kind: CohortSetupFileKind,
    file: string,
    rows: number,
  ) {
    this.summary = { kind, file, rows, counts: { created: 0, updated: 0, unchanged: 0, skipped: 0 }, items: [] };
  }

  get file(): string {
    return this.summary.file;
  }

  async add(item: ImportItem, audit?: AuditEntry): Promise<void> {
    this.summary.items.push(item);
    this.summary.counts[item.outcome] += 1;
    if (audit) await recordAudit(this.run.tx, this.run.ctx, { ...audit, reason: `Cohort setup import: ${this.file}, line ${item.line}` });
  }
}

export class ImportRun {
  readonly problems: ImportProblem[] = [];
  /** Things worth a look that do not stop the import. */
  readonly warnings: ImportProblem[] = [];
  readonly files: FileSummary[] = [];
  private readonly cohorts = new Map<number, Cohort | null>();
  /** Start years whose cohort row was wrong: rows that refer to them are skipped without a second problem. */
  private readonly failedCohortYears = new Set<number>();
  private leadProviders?: Map<string, LeadProviderRef>;
  private links?: Set<string>;

  constructor(
    readonly tx: Tx,
    readonly ctx: ActorContext,
    /** Today's date in England, as midnight UTC. */
    readonly today: Date,
  ) {}

  /** Reads a file, recording its structural problems; its rows are returned only when its headers are right. */
  open<C extends string>(kind: CohortSetupFileKind, upload: UploadedCsv, headers: readonly C[]): { rows: CsvRow<C>[]; log: FileLog } {
    const { rows, errors } = readCsv(upload.content, { file: upload.name, requiredHeaders: headers });
    this.problems.push(...errors);
    const log = new FileLog(this, kind, upload.name, rows.length);
    this.files.push(log.summary);
    return { rows, log };
  }

  /** Keeps the row's problems; true when the row has none. */
  accept(cells: CellReader<string>): boolean {
    this.problems.push(...cells.problems);
    return cells.ok;
  }

  // ------------------------------------------------------------------ cohorts

  async cohort(startYear: number): Promise<Cohort | null> {
    if (!this.cohorts.has(startYear)) {
      this.cohorts.set(startYear, await this.tx.cohort.findUnique({ where: { startYear } }));
    }
    return this.cohorts.get(startYear) ?? null;
  }

  rememberCohort(cohort: Cohort): void {
    this.cohorts.set(cohort.startYear, cohort);
  }

  cohortFailed(startYear: number): void {
    this.failedCohortYears.add(startYear);
  }

  /** The cohort a row refers to, recording a problem on the cell when there is none. */
  async findCohort<C extends string>(cells: CellReader<C>, column: C, startYear: number): Promise<Cohort | null> {
    const cohort = await this.cohort(startYear);
    if (!cohort && !this.failedCohortYears.has(startYear)) {
      cells.problem(column, `There is no cohort ${startYear}: add it to the cohort file or create it first`);
    }
    return cohort;
  }

  // ------------------------------------------------------------------ lead providers

  /** The lead provider a row names (exactly, as the DfE's files do), recording a problem when there is none. */
  async findLeadProvider<C extends string>(cells: CellReader<C>, column: C, name: string): Promise<LeadProviderRef | null> {
    const leadProviders = await this.allLeadProviders();
    const leadProvider = leadProviders.get(name);
    if (!leadProvider) {
      const known = [...leadProviders.keys()].sort();
      const hint = known.length > 0 ? `. The lead providers are: ${known.join(', ')}` : '';
      cells.problem(column, `There is no lead provider called "${name}"${hint}`);
    }
    return leadProvider ?? null;
  }

  async isLinked(leadProvider: LeadProviderRef, cohort: Cohort): Promise<boolean> {
    return (await this.allLinks()).has(linkKey(leadProvider.id, cohort.id));
  }

  async rememberLink(leadProviderId: string, cohortId: string): Promise<void> {
    (await this.allLinks()).add(linkKey(leadProviderId, cohortId));
  }

  // Both tables hold a handful of rows per lead provider: loading them once beats a query per row.
  private async allLeadProviders(): Promise<Map<string, LeadProviderRef>> {
    this.leadProviders ??= new Map(
      (await this.tx.leadProvider.findMany({ select: { id: true, name: true, cpdLeadProviderId: true } })).map((lp) => [lp.name, lp]),
    );
    return this.leadProviders;
  }

  private async allLinks(): Promise<Set<string>> {
    this.links ??= new Set(
      (await this.tx.leadProviderCohort.findMany({ select: { leadProviderId: true, cohortId: true } })).map((link) =>
        linkKey(link.leadProviderId, link.cohortId),
      ),
    );
    return this.links;
  }
}

const linkKey = (leadProviderId: string, cohortId: string) => `${leadProviderId}:${cohortId}`;

/** A date column's value as YYYY-MM-DD, for notes people read. */
export const isoDate = (date: Date | null): string => (date ? date.toISOString().slice(0, 10) : 'blank');

/** Remembers the first line each key appeared on, so a repeat can point back to it. */
export class FirstSeen<K> {
  private readonly lines = new Map<K, number>();

  /** The earlier line with this key, or undefined (and the key is remembered at this line). */
  earlier(key: K, line: number): number | undefined {
    const earlier = this.lines.get(key);
    if (earlier === undefined) this.lines.set(key, line);
    return earlier;
  }
}

/** Rows per multi-row insert, well inside PostgreSQL's 65,535 bind parameters. */
const INSERT_BATCH = 1000;

export function inBatches<T>(items: T[]): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += INSERT_BATCH) batches.push(items.slice(start, start + INSERT_BATCH));
  return batches;
}
