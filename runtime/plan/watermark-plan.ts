/**
 * Event-time watermarks (eKuiper `WatermarkPlan`): present only when the rule option `isEventTime` is set.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html
 */
import type { LogicalPlan } from './logical-plan';

/** Orders events by event time and drops late ones. */
export class WatermarkPlan implements LogicalPlan {
  readonly kind = 'WatermarkPlan';
  readonly opName = 'watermark';

  /**
   * @param streams names of the streams whose maximum event time feeds the watermark
   * @param lateTolerance allowed lateness in ms
   */
  constructor(readonly streams: readonly string[], readonly lateTolerance: number) {}

  info(): string {
    return `streams=[${this.streams.join(', ')}] lateTolerance=${this.lateTolerance}ms`;
  }
}
