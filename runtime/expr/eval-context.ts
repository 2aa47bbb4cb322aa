/**
 * The mutable evaluation context of one rule: which rows form the current group, the current window bounds, and the
 * rule-level state read by context functions (`last_hit_time()`, `rule_id()`, ...). One instance per rule, reused
 * for every row, so compiled expressions allocate nothing to read it.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/other_functions.html
 */
import type { Message } from '../model/row';
import type { Row } from '../model/row';
import type { GroupState } from '../model/group-state';

/** Evaluation context shared by every compiled expression of a rule. */
export class EvalContext {
  /** Rows of the group being evaluated (aggregate mode); `undefined` in row mode. */
  group: Row[] | undefined = undefined;
  /** Incremental windows: the running aggregates of each group (keyed by the group's row array). */
  groupStates: Map<Row[], GroupState> | undefined = undefined;
  /** Alias values of the group being projected (aggregate mode only). */
  groupAlias: Message | undefined = undefined;
  /** Bounds of the window being processed, ms since epoch; `undefined` outside windows. */
  windowStart: number | undefined = undefined;
  windowEnd: number | undefined = undefined;
  /** 0-based index of the row in the batch being projected (`row_number()` is this + 1). */
  rowIndex = 0;
  /** Event time of the last row that passed WHERE, ms; 0 before any (`last_hit_time()`). */
  lastHitTime = 0;
  /** Number of rows that passed WHERE so far (`last_hit_count()`). */
  lastHitCount = 0;
  /**
   * Sliding window `OVER (WHEN ..)`: event time of the last row that matched the trigger condition, ms; 0 before
   * any (`last_hit_time()` inside the condition).
   */
  triggerHitTime = 0;
  /** Rows that matched the sliding window trigger condition so far (`last_hit_count()` inside the condition). */
  triggerHitCount = 0;
  /** Time of the last emitted aggregate row (its window end), ms; 0 before any (`last_agg_hit_time()`). */
  lastAggHitTime = 0;
  /** Number of aggregate rows emitted so far (`last_agg_hit_count()`). */
  lastAggHitCount = 0;
  /** Rule start time, ms since epoch (`rule_start()`). */
  ruleStart = 0;

  /**
   * @param ruleId rule id (`rule_id()`)
   * @param now processing-time clock, ms since epoch
   * @param random random source in [0, 1)
   */
  constructor(
    readonly ruleId: string,
    readonly now: () => number,
    readonly random: () => number,
  ) {}
}
