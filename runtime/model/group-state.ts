/**
 * Incremental aggregation state of one group inside a window: its first row (non-aggregated columns read it, as
 * eKuiper), its row count, and one accumulator per aggregate call site. Lets tumbling windows aggregate as rows
 * arrive instead of keeping every row.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/aggregate_functions.html
 */
import type { Accumulator } from '../functions/types';
import type { Row } from './row';

/** One group's running aggregates. */
export interface GroupState {
  /** `[firstRow]`: the group as the projection sees it. */
  readonly rows: Row[];
  /** Rows added. */
  count: number;
  /** Accumulators by incremental aggregate slot (`undefined` for `count(*)`). */
  readonly accs: Array<Accumulator | undefined>;
}
