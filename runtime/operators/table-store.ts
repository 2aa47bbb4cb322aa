/**
 * The content of a scan table: rows fed by ingest (and the initial `tableData`), keeping the last `RETAIN_SIZE` rows.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/tables.html
 */
import type { Row } from '../model/row';

/** Rows of one scan table. */
export class TableStore {
  private rows: Row[] = [];

  /** @param retainSize rows kept (oldest dropped first); 0 keeps every row */
  constructor(private readonly retainSize: number) {}

  /** Appends a row. */
  add(row: Row): void {
    this.rows.push(row);
    if (this.retainSize > 0 && this.rows.length > this.retainSize) this.rows = this.rows.slice(this.rows.length - this.retainSize);
  }

  /** Current rows, oldest first. */
  all(): readonly Row[] {
    return this.rows;
  }
}
