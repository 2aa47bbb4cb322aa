/**
 * The data model flowing between operators: one {@link Row} per event (eKuiper `Tuple`), joined rows, and window
 * batches.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html
 */
import type { Value } from '../functions/types';
import type { MessageMeta } from '../engine/contract';
import type { GroupState } from './group-state';

/** A decoded message: column name → value. */
export type Message = Record<string, Value>;

/**
 * One event inside a rule (eKuiper `Tuple`). Mutable caches hang off it so each value is computed once per row:
 * `cache` holds SELECT aliases already evaluated (aliases usable in WHERE and later fields), `analytic` holds the
 * results of analytic call sites (computed before the window), and `sources` holds the per-stream messages of a
 * joined row.
 */
export class Row {
  /** Alias values computed for this row (name → value). */
  cache: Message | undefined = undefined;
  /** Analytic call-site results by slot; `undefined` entries are not computed yet. */
  analytic: Value[] | undefined = undefined;
  /** Joined rows: stream name → that stream's message, in FROM/JOIN order. */
  sources: Map<string, Message> | undefined = undefined;

  /**
   * @param emitter stream or table name the row came from
   * @param message decoded message
   * @param timestamp event time (event-time rules) or arrival time, ms since epoch
   * @param meta source metadata read by `meta()`
   * @param seq arrival sequence number, for stable ordering of equal timestamps
   */
  constructor(
    public emitter: string,
    public message: Message,
    public timestamp: number,
    public meta: MessageMeta | undefined,
    public seq: number,
  ) {}
}

/** The rows of one fired window, with its bounds (ms since epoch, `[start, end)`). */
export interface WindowBatch {
  readonly start: number;
  readonly end: number;
  readonly rows: Row[];
  /** Incrementally aggregated windows: the groups, in first-appearance order (then `rows` is empty). */
  readonly groups?: GroupState[];
}
