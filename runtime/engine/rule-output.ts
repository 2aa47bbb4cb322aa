/**
 * Where a rule's results go: the registered output listeners (sinks) and the error path. A runtime error is counted on
 * the node where it happened and, under the rule option `sendError`, becomes an `{ error }` row in its own batch.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html#options
 */
import type { OutputBatch } from './contract';
import type { NodeStats } from './node-stats';

/** Emission of one rule's batches and error rows. */
export class RuleOutput {
  private readonly listeners: Array<(batch: OutputBatch) => void> = [];

  /** @param sendError whether runtime errors are emitted as `{ error: message }` rows (rule option `sendError`) */
  constructor(private readonly sendError: boolean) {}

  /**
   * Registers a listener called with every emitted batch, in order.
   * @returns a function that removes the listener
   */
  onOutput(listener: (batch: OutputBatch) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Hands one batch (one sink write) to every listener; a throwing listener does not stop the others or the rule. */
  emit(batch: OutputBatch): void {
    for (const l of this.listeners) {
      try {
        l(batch);
      } catch {
        // A failing listener (sink) must not stop the rule.
      }
    }
  }

  /**
   * Records a runtime error on node `st` and, under `sendError`, emits it as an `{ error }` row.
   * @param time when it happened, epoch ms (event or processing time)
   */
  fail(st: NodeStats, message: string, time: number): void {
    st.fail(message, time);
    if (this.sendError) this.emit([{ error: message }]);
  }
}
