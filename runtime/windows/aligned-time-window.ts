import type { Row } from '../model/row';
import type { EmitWindow, WindowOperator } from './window';

/**
 * Shared state and firing loop of the windows whose ends fall on a fixed period aligned to natural time: tumbling
 * (period = length) and hopping (period = hop). Subclasses decide where the first end falls and what one firing
 * emits; this base fires every due end in order, skips huge idle gaps at once, and flushes at end of input.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html
 */
export abstract class AlignedTimeWindow implements WindowOperator {
  /** Rows held, in time order. */
  protected rows: Row[] = [];
  /** End (ms) of the next window to fire; undefined until the first start or row. */
  protected end: number | undefined = undefined;

  /** @param periodMs distance between two window ends, in ms */
  protected constructor(protected readonly periodMs: number) {}

  abstract start(time: number): void;
  abstract add(row: Row, emit: EmitWindow): void;

  /** Emits the window ending at {@link end} and moves {@link end} one period on. */
  protected abstract fire(emit: EmitWindow): void;

  /** Called after an idle gap was skipped ({@link end} moved by whole periods without firing). @default no-op */
  protected skipped(): void {}

  advance(time: number, emit: EmitWindow): void {
    while (this.end !== undefined && this.end <= time) {
      if (this.rows.length === 0 && time - this.end > this.periodMs * 100_000) {
        // Skip a huge idle gap at once instead of emitting millions of empty windows.
        this.end += Math.floor((time - this.end) / this.periodMs) * this.periodMs;
        this.skipped();
      }
      this.fire(emit);
    }
  }

  nextDeadline(): number | undefined {
    return this.end;
  }

  flush(emit: EmitWindow): void {
    while (this.rows.length > 0 && this.end !== undefined) this.fire(emit);
  }

  bufferLength(): number {
    return this.rows.length;
  }
}
