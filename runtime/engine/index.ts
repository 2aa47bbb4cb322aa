/**
 * The engine core's public API: the {@link Engine} facade, the host contract, and typed errors.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */
export * from './contract';
export { Engine, type EngineOptions, type ExecuteResult } from './engine';
export { PlanError, NotFoundError, ConflictError, EvalError, type PlanErrorCode } from './errors';
export { DEFAULT_RULE_OPTIONS, resolveRuleOptions, type ResolvedRuleOptions } from './rule-options';
export { ManualClock, SystemClock } from '../windows/clock';
export { SqlSyntaxError } from '../sql';
