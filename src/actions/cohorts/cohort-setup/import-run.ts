// The shared state of one cohort setup import: what each file did, every problem found, the rows and audit
// events to write, and look-ups of what the database holds that also see what earlier files of the same
// import make (a cohort made by the cohort file is there for the contract file). The files are checked
// against these look-ups in memory; everything is then written at once (write-rows.ts).
import type { CsvReadResult, CsvRow, ImportProblem } from '../../../reports/csv/read-csv.js';
import type { CellReader } from '../../../reports/csv/read-cells.js';
import type { ActorContext } from '../../actor.js';
import type { AuditEvent } from '../../audit/events.js';
import type { CohortRecord, KnownContract, KnownState, LeadProviderRef } from './known-state.js';
import type { StoredRow, TableWrite } from './write-rows.js';

export const COHORT_SETUP_FILE_KINDS = ['cohort', 'cohortLeadProvider', 'contract', 'mentorContract', 'schedule', 'statement'] as const;
export type CohortSetupFileKind = (typeof COHORT_SETUP_FILE_KINDS)[number];

/** The kinds of record an import counts; the schedule file makes two (schedules and their milestones). */
export const RECORD_KINDS = ['cohorts', 'cohortLeadProviders', 'contracts', 'mentorContracts', 'schedules', 'milestones', 'statements'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_KINDS_OF_FILE: Record<CohortSetupFileKind, RecordKind[]> = {
  cohort: ['cohorts'],
  cohortLeadProvider: ['cohortLeadProviders'],
  contract: ['contracts'],
  mentorContract: ['mentorContracts'],
  schedule: ['schedules', 'milestones'],
  statement: ['statements'],
};

export interface UploadedCsv {
  /** The file's name as the user knows it; every problem names it. */
  name: string;
  content: string | Uint8Array;
}

/** A file read before the import begins; its rows are there only when its headers are right. */
export interface ReadFile<C extends string = string> {
  name: string;
  csv: CsvReadResult<C>;
}

/** One of the six files: its headers and how its rows are checked and planned. */
export interface FileStep<C extends string = string> {
  kind: CohortSetupFileKind;
  headers: readonly C[];
  plan(run: ImportRun, rows: CsvRow<C>[], log: FileLog): void;
}

export type ItemOutcome = 'created' | 'updated' | 'unchanged';
export type OutcomeCounts = Record<ItemOutcome, number>;

export interface ImportItem {
  /** The file line the item comes from (header = line 1). */
  line: number;
  kind: RecordKind;
  outcome: ItemOutcome;
  /** What the record is, e.g. "Cohort 2027" or "Ambition Institute in cohort 2027". */
  record: string;
  /** What changed. */
  note?: string;
}

export interface FileSummary {
  kind: CohortSetupFileKind;
  file: string;
  /** Data rows read (blank rows are not counted). */
  rows: number;
  items: ImportItem[];
}

export const emptyCounts = (): Record<RecordKind, OutcomeCounts> =>
  Object.fromEntries(RECORD_KINDS.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0 }])) as Record<RecordKind, OutcomeCounts>;

/** What happened to one file's records. */
export class FileLog {
  constructor(
    private readonly run: ImportRun,
    readonly summary: FileSummary,
  ) {}

  get file(): string {
    return this.summary.file;
  }

  add(item: ImportItem): void {
    this.summary.items.push(item);
    this.run.counts[item.kind][item.outcome] += 1;
  }

  /** The audit reason of a change made from this file (from one of its lines, when given). */
  reason(line?: number): string {
    return `Cohort setup import: ${this.file}${line === undefined ? '' : `, line ${line}`}`;
  }
}

export class ImportRun {
  readonly problems: ImportProblem[] = [];
  /** Things worth a look that do not stop the import. */
  readonly warnings: ImportProblem[] = [];
  readonly files: FileSummary[] = [];
  readonly counts = emptyCounts();
  /** When the import runs: every record it writes is created or updated at this time. */
  readonly now = new Date();
  private readonly audits: AuditEvent[] = [];
  private readonly writes: TableWrite[] = [];
  /** Start years whose cohort row was wrong: rows that refer to them are skipped without a second problem. */
  private readonly failedCohortYears = new Set<number>();
  private readonly cohorts: Map<number, CohortRecord>;
  private readonly leadProviders: Map<string, LeadProviderRef>;
  private readonly links: Set<string>;
  private readonly contracts: Map<string, KnownContract>;

  constructor(
    readonly ctx: ActorContext,
    /** Today's date in England, as midnight UTC. */
    readonly today: Date,
    readonly known: KnownState,
  ) {
    this.cohorts = new Map(known.cohorts.map((cohort) => [cohort.startYear, cohort]));
    this.leadProviders = new Map(known.leadProviders.map((leadProvider) => [leadProvider.name, leadProvider]));
    this.links = new Set(known.links.map((link) => pairKey(link.leadProviderId, link.cohortId)));
    this.contracts = new Map(known.contracts.map((contract) => [pairKey(contract.leadProviderId, contract.cohortId), contract]));
  }

  /** Starts the log of a file that has been read, recording its structural problems. */
  open(kind: CohortSetupFileKind, file: ReadFile): FileLog {
    this.problems.push(...file.csv.errors);
    const summary: FileSummary = { kind, file: file.name, rows: file.csv.rows.length, items: [] };
    this.files.push(summary);
    return new FileLog(this, summary);
  }

  /** Keeps the row's problems; true when the row has none. */
  accept(cells: CellReader<string>): boolean {
    this.problems.push(...cells.problems);
    return cells.ok;
  }

  /** Rows to write once every file has been checked; their timestamp columns are set to `now`. */
  insert(table: string, rows: StoredRow[], stamped = ['createdAt', 'updatedAt']): void {
    this.writes.push({ table, operation: 'insert', rows, stamped });
  }

  update(table: string, rows: StoredRow[]): void {
    this.writes.push({ table, operation: 'update', rows, stamped: ['updatedAt'] });
  }

  audit(event: AuditEvent): void {
    this.audits.push(event);
  }

  /** The audit events of what the import writes, in the order the files made them. */
  auditEvents(): readonly AuditEvent[] {
    return this.audits;
  }

  /** Every row to write. */
  tableWrites(): TableWrite[] {
    return this.writes;
  }

  // ------------------------------------------------------------------ cohorts

  cohort(startYear: number): CohortRecord | undefined {
    return this.cohorts.get(startYear);
  }

  rememberCohort(cohort: CohortRecord): void {
    this.cohorts.set(cohort.startYear, cohort);
  }

  cohortFailed(startYear: number): void {
    this.failedCohortYears.add(startYear);
  }

  /** The cohort a row refers to, recording a problem on the cell when there is none. */
  findCohort<C extends string>(cells: CellReader<C>, column: C, startYear: number): CohortRecord | undefined {
    const cohort = this.cohort(startYear);
    if (!cohort && !this.failedCohortYears.has(startYear)) {
      cells.problem(column, `There is no cohort ${startYear}: add it to the cohort file or create it first`);
    }
    return cohort;
  }

  // ------------------------------------------------------------------ lead providers

  /** The lead provider a row names (exactly, as the DfE's files do), recording a problem when there is none. */
  findLeadProvider<C extends string>(cells: CellReader<C>, column: C, name: string): LeadProviderRef | undefined {
    const leadProvider = this.leadProviders.get(name);
    if (!leadProvider) {
      const known = [...this.leadProviders.keys()].sort();
      const hint = known.length > 0 ? `. The lead providers are: ${known.join(', ')}` : '';
      cells.problem(column, `There is no lead provider called "${name}"${hint}`);
    }
    return leadProvider;
  }

  isLinked(leadProvider: LeadProviderRef, cohort: CohortRecord): boolean {
    return this.links.has(pairKey(leadProvider.id, cohort.id));
  }

  rememberLink(leadProvider: LeadProviderRef, cohort: CohortRecord): void {
    this.links.add(pairKey(leadProvider.id, cohort.id));
  }

  // ------------------------------------------------------------------ call-off contracts

  contract(leadProvider: LeadProviderRef, cohort: CohortRecord): KnownContract | undefined {
    return this.contracts.get(pairKey(leadProvider.id, cohort.id));
  }

  rememberContract(contract: KnownContract): void {
    this.contracts.set(pairKey(contract.leadProviderId, contract.cohortId), contract);
  }

  /** The lead providers holding a call-off contract in the cohort, by name. */
  contractedIn(cohort: CohortRecord): LeadProviderRef[] {
    const byId = new Map([...this.leadProviders.values()].map((leadProvider) => [leadProvider.id, leadProvider]));
    return [...this.contracts.values()]
      .filter((contract) => contract.cohortId === cohort.id)
      .map((contract) => byId.get(contract.leadProviderId))
      .filter((leadProvider): leadProvider is LeadProviderRef => leadProvider !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}

export const pairKey = (first: string, second: string) => `${first}|${second}`;

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
