/**
 * Rule options with eKuiper's defaults applied.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html#options
 */
import type { RuleOptions } from './contract';
import { PlanError } from './errors';

/** {@link RuleOptions} with every field the core reads set. */
export interface ResolvedRuleOptions {
  readonly isEventTime: boolean;
  /** ms */
  readonly lateTolerance: number;
  readonly sendError: boolean;
  readonly sendNilField: boolean;
  /** rows */
  readonly bufferLength: number;
}

/** eKuiper's defaults: processing time, lateTolerance 0 ms, sendError true, sendNilField false, bufferLength 1024. */
export const DEFAULT_RULE_OPTIONS: ResolvedRuleOptions = {
  isEventTime: false,
  lateTolerance: 0,
  sendError: true,
  sendNilField: false,
  bufferLength: 1024,
};

/**
 * Applies defaults and checks types.
 * @throws PlanError `bad_rule` naming the option, the value and the expected type
 */
export function resolveRuleOptions(options: RuleOptions | undefined): ResolvedRuleOptions {
  const o = options ?? {};
  const bool = (k: keyof ResolvedRuleOptions): boolean => {
    const v = o[k];
    if (v === undefined) return DEFAULT_RULE_OPTIONS[k] as boolean;
    if (typeof v !== 'boolean') throw new PlanError('bad_rule', `rule option ${k} must be a boolean (true or false), got ${JSON.stringify(v)}`);
    return v;
  };
  const num = (k: keyof ResolvedRuleOptions): number => {
    const v = o[k];
    if (v === undefined) return DEFAULT_RULE_OPTIONS[k] as number;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new PlanError('bad_rule', `rule option ${k} must be a non-negative integer, got ${JSON.stringify(v)}`);
    }
    return v;
  };
  return {
    isEventTime: bool('isEventTime'),
    lateTolerance: num('lateTolerance'),
    sendError: bool('sendError'),
    sendNilField: bool('sendNilField'),
    bufferLength: num('bufferLength'),
  };
}
