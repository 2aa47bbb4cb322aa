/**
 * WHERE (eKuiper `FilterOp`): true keeps the row, false or null drops it, any other result is the error
 * `invalid condition that returns non-bool value`. Errors carry the stage prefix (`run Where error: ...`).
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html#where
 */
import { EvalError } from '../engine/errors';
import type { Row } from '../model/row';
import type { EvalContext } from '../expr/eval-context';
import type { Evaluator } from '../expr/scope';

/** Prefixes a runtime error with its stage, as eKuiper: `run Where error: <message>`. */
export function stageError(stage: string, e: unknown): EvalError {
  return new EvalError(`run ${stage} error: ${e instanceof Error ? e.message : String(e)}`);
}

/** A compiled boolean condition. */
export class FilterOperator {
  /**
   * @param condition compiled condition
   * @param stage stage name for error messages @default 'Where'
   */
  constructor(private readonly condition: Evaluator, private readonly stage = 'Where') {}

  /**
   * Tests one row.
   * @throws EvalError `run <stage> error: ...` on an evaluation error or a non-boolean result
   */
  test(row: Row, ctx: EvalContext): boolean {
    let v;
    try {
      v = this.condition(row, ctx);
    } catch (e) {
      throw stageError(this.stage, e);
    }
    if (v === true) return true;
    if (v === false || v === null || v === undefined) return false;
    throw stageError(this.stage, new Error('invalid condition that returns non-bool value'));
  }
}
