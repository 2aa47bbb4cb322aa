/**
 * Small builders for {@link FunctionDef}s so category files stay declarative.
 */
import type { ArgShape, FunctionDef, ValueKind } from './types';
import { anyNull } from './values';

/** Options of {@link scalar}. */
export interface ScalarOptions {
  /** Static result kind, or a function of the argument kinds. @default 'unknown' */
  readonly result?: ValueKind | ((argKinds: readonly ValueKind[]) => ValueKind);
  /**
   * eKuiper's `returnNilIfHasAnyNil`: return `null` without calling `exec` when any argument is null.
   * @default true
   */
  readonly nilIfAnyNil?: boolean;
  /** Rule-creation checks, see {@link FunctionDef.validate}. */
  readonly validate?: (args: readonly ArgShape[]) => void;
  /** One-line description. */
  readonly doc?: string;
  /** Function category. @default 'scalar' */
  readonly type?: FunctionDef['type'];
}

/**
 * Builds a scalar function definition.
 * @param name lower-case name
 * @param minArgs minimum argument count
 * @param maxArgs maximum argument count (`Infinity` for variadic)
 * @param exec evaluation over the row's argument values
 * @param opts see {@link ScalarOptions}
 */
export function scalar(
  name: string,
  minArgs: number,
  maxArgs: number,
  exec: FunctionDef['exec'],
  opts: ScalarOptions = {},
): FunctionDef {
  const nilCheck = opts.nilIfAnyNil ?? true;
  const result = opts.result;
  return {
    name,
    type: opts.type ?? 'scalar',
    minArgs,
    maxArgs,
    doc: opts.doc,
    validate: opts.validate,
    resultKind: result === undefined ? undefined : typeof result === 'function' ? result : () => result,
    exec: nilCheck ? (args, ctx) => (anyNull(args) ? null : exec(args, ctx)) : exec,
  };
}

/** Result kind: `int` when the first argument is `int`, `float` when it is `float`, else `unknown`. */
export function sameAsFirst(argKinds: readonly ValueKind[]): ValueKind {
  const k = argKinds[0];
  return k === 'int' || k === 'float' ? k : 'unknown';
}
