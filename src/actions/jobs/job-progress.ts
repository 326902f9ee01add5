// Rows done and rows to do, written to the run's JobRun row at most twice a second so a big export
// does not spend its time on progress updates; the page polls these columns.
import { db } from '../../db/client.js';

const WRITE_INTERVAL_MS = 500;

export interface JobProgress {
  readonly done: number;
  setTotal(total: number): Promise<void>;
  advance(rows?: number): Promise<void>;
}

export class RecordedProgress implements JobProgress {
  done = 0;
  private total: number | null = null;
  private lastWrite = 0;

  constructor(private readonly runId: string) {}

  async setTotal(total: number): Promise<void> {
    this.total = total;
    await this.write();
  }

  async advance(rows = 1): Promise<void> {
    this.done += rows;
    if (Date.now() - this.lastWrite >= WRITE_INTERVAL_MS) await this.write();
  }

  private async write(): Promise<void> {
    this.lastWrite = Date.now();
    await db().jobRun.update({ where: { id: this.runId }, data: { rowsDone: this.done, rowsTotal: this.total } });
  }
}
