/**
 * The contract of window operators. Windows are pure state machines: they read no clock. The rule feeds them rows and
 * moves their time forward (processing time, or the watermark under event time); they emit {@link WindowBatch}es.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html
 */
import type { Row, WindowBatch } from '../model/row';

/**
 * A fired window whose content could not be aggregated: an incremental window met an error while adding a row
 * (a GROUP BY dimension or an aggregate argument failed). eKuiper evaluates GROUP BY and the aggregates when the
 * window fires, so the whole window becomes one error, reported at that point instead of a result.
 */
export interface FailedWindowBatch extends WindowBatch {
  /** The first error met in the window (message without the `run Select error: ` prefix). */
  readonly error: string;
}

/** Whether a fired window is a {@link FailedWindowBatch}. */
export function isFailedWindow(b: WindowBatch): b is FailedWindowBatch {
  return typeof (b as Partial<FailedWindowBatch>).error === 'string';
}

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
