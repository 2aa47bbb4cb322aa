/** Test helpers: call a registered function like the engine does. */
import { registerBuiltins } from '../../../runtime/functions/builtins';
import { createCallContext, lookupFunction } from '../../../runtime/functions/registry';
import type { CallContext, FunctionDef, Value, ValueKind } from '../../../runtime/functions/types';

registerBuiltins();

/** Fixed processing time used by tests: 2018-11-02T09:54:46.013Z. */
export const NOW = 1541152486013;

/** Returns a registered function or fails the test. */
export function fn(name: string): FunctionDef {
  const def = lookupFunction(name);
  if (!def) throw new Error(`function ${name} is not registered`);
  return def;
}

/** A call context with static kinds (default 'unknown'), a fixed clock and a fixed random source. */
export function ctxFor(argKinds: ValueKind[] = [], random = 0.25): CallContext {
  return createCallContext(argKinds, () => NOW, () => random);
}

/** Runs a scalar function once with a fresh context. */
export function call(name: string, args: Value[], argKinds?: ValueKind[]): Value {
  return fn(name).exec(args, ctxFor(argKinds ?? args.map(() => 'unknown')));
}

/** Runs an aggregate over column arrays with a fresh context. */
export function agg(name: string, columns: Value[][], argKinds?: ValueKind[], groupRows?: Value[]): Value {
  const ctx = ctxFor(argKinds ?? columns.map(() => 'unknown'));
  ctx.groupRows = groupRows;
  return fn(name).exec(columns, ctx);
}

/** One table-driven case. */
export interface Case {
  readonly name: string;
  readonly args: Value[];
  readonly expected: Value;
  readonly kinds?: ValueKind[];
}
