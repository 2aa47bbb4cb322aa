/**
 * The contract of window operators. Windows are pure state machines: they read no clock. The rule feeds them rows and
 * moves their time forward (processing time, or the watermark under event time); they emit {@link WindowBatch}es.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html
 */
import type { Row, WindowBatch } from '../model/row';

/** Receives each fired window. */
export type EmitWindow = (batch: WindowBatch) => void;

/** A window operator. */
export interface WindowOperator {
  /** Processing time: the rule starts at `time` (ms); the first window is measured from it. */
  start(time: number): void;
  /** Adds a row (rows come in time order). Sliding windows without delay and count windows may emit here. */
  add(row: Row, emit: EmitWindow): void;
  /** Fires, in order, every window whose deadline is at or before `time` (ms). */
  advance(time: number, emit: EmitWindow): void;
  /** The next deadline (ms) at which {@link advance} would fire something, if any. */
  nextDeadline(): number | undefined;
  /** End of input: fires every window that still holds rows (watermark +∞). */
  flush(emit: EmitWindow): void;
  /** Rows held. */
  bufferLength(): number;
}
