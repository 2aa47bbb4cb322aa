/**
 * STATEWINDOW(beginCondition, emitCondition): a row matching the begin condition opens the window (the row is in it);
 * rows are collected until a row matches the emit condition, which closes the window and emits it with that row.
 * Rows outside an open window are dropped. `window_start`/`window_end` are the first and last row times.
 *
 * STATEWINDOW(condition), eKuiper v2's one-condition form: a row matching the condition emits the open window
 * (without that row) and opens the next one with it; rows that don't match join the open window, or are dropped when
 * none is open (`window_v2_op_test.go` TestSingleConditionStWindow).
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html#state-window
 */
import type { Row } from '../model/row';
import type { TriggerCondition } from './sliding';
import type { EmitWindow, WindowOperator } from './window';

/** State window state. */
export class StateWindow implements WindowOperator {
  private rows: Row[] = [];
  private open = false;

  /**
   * @param begin condition opening the window
   * @param emit condition emitting and closing it; @default - the one-condition form (see the class doc)
   */
  constructor(private readonly begin: TriggerCondition, private readonly emit?: TriggerCondition) {}

  start(): void {
    // Driven by rows only.
  }

  add(row: Row, emit: EmitWindow): void {
    if (this.emit === undefined) {
      this.addSingleCondition(row, emit);
      return;
    }
    if (!this.open) {
      if (!this.begin(row)) return;
      this.open = true;
      this.rows = [];
    }
    this.rows.push(row);
    if (this.emit(row)) {
      const rows = this.rows;
      this.rows = [];
      this.open = false;
      emit({ start: rows[0].timestamp, end: row.timestamp, rows });
    }
  }

  private addSingleCondition(row: Row, emit: EmitWindow): void {
    if (!this.begin(row)) {
      if (this.open) this.rows.push(row);
      return;
    }
    if (this.open && this.rows.length > 0) {
      const rows = this.rows;
      emit({ start: rows[0].timestamp, end: rows[rows.length - 1].timestamp, rows });
    }
    this.open = true;
    this.rows = [row];
  }

  advance(): void {
    // Driven by rows only.
  }

  nextDeadline(): number | undefined {
    return undefined;
  }

  flush(): void {
    // A window without its emit row never fires.
  }

  bufferLength(): number {
    return this.rows.length;
  }
}
