/**
 * The function registry: one table of {@link FunctionDef} by lower-case name, shared by built-ins
 * (`builtins.ts`) and engine-provided `context` functions (`window_start`, `meta`, `row_number`, ...), which the
 * engine registers itself with {@link registerFunction}.
 *
 * The built-ins are registered automatically on the first registry call (calling `registerBuiltins()` from
 * `builtins.ts` explicitly is also fine: it is idempotent).
 *
 * Usage by the planner:
 * ```ts
 * const def = validateCall('abs', [{ kind: 'field', name: 'x', valueKind: 'int' }]); // throws FunctionArgError
 * const ctx = createCallContext(['int'], clock.now);   // one per call site
 * def.exec([-3], ctx);                                 // 3
 * ```
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/overview.html
 */
import { argError, FunctionArgError } from './errors';
import type { ArgShape, CallContext, FunctionDef, ValueKind } from './types';

const registry = new Map<string, FunctionDef>();
let builtinsLoaded = false;

/**
 * Registers the built-ins on first use, so callers of {@link lookupFunction}, {@link validateCall} and
 * {@link listFunctions} always see them even if nobody called `registerBuiltins()`. Loaded with a lazy
 * `require` because `builtins.ts` imports this module (a static import would be a cycle at load time).
 */
function ensureBuiltins(): void {
  if (builtinsLoaded) return;
  builtinsLoaded = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./builtins') as typeof import('./builtins')).registerBuiltins();
}

/**
 * Registers a function under its lower-case name.
 * @param def the function; `def.name` must be lower-case, non-empty, with `0 <= minArgs <= maxArgs`
 * @throws Error if a function with the same name (case-insensitive) is already registered, or `def` is malformed
 */
export function registerFunction(def: FunctionDef): void {
  ensureBuiltins();
  const key = def.name.toLowerCase();
  if (!key || key !== def.name) {
    throw new Error(`registerFunction: name "${def.name}" must be non-empty and lower-case`);
  }
  if (!(def.minArgs >= 0 && def.maxArgs >= def.minArgs)) {
    throw new Error(`registerFunction: function ${key} has minArgs ${def.minArgs} > maxArgs ${def.maxArgs}`);
  }
  if (registry.has(key)) {
    throw new Error(`registerFunction: function ${key} is already registered; use another name or unregister it first`);
  }
  registry.set(key, def);
}

/**
 * Removes a function (for tests and plugin reloads).
 * @param name function name, case-insensitive
 * @returns true if it was registered
 */
export function unregisterFunction(name: string): boolean {
  ensureBuiltins();
  return registry.delete(name.toLowerCase());
}

/**
 * Finds a function by name.
 * @param name function name, case-insensitive (`ABS`, `Abs` and `abs` are the same)
 * @returns the definition, or `undefined` if unknown
 */
export function lookupFunction(name: string): FunctionDef | undefined {
  ensureBuiltins();
  return registry.get(name.toLowerCase());
}

/** All registered functions, sorted by name. */
export function listFunctions(): FunctionDef[] {
  ensureBuiltins();
  return [...registry.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Formats the expected argument count of a function: `1 argument`, `2 arguments`, `1 to 2 arguments`,
 * `at least 1 argument`, `no arguments`.
 */
export function describeArity(minArgs: number, maxArgs: number): string {
  const plural = (n: number): string => (n === 1 ? `${n} argument` : `${n} arguments`);
  if (maxArgs === Infinity) return `at least ${plural(minArgs)}`;
  if (minArgs === maxArgs) return minArgs === 0 ? 'no arguments' : plural(minArgs);
  return `${minArgs} to ${plural(maxArgs)}`;
}

/**
 * Checks a call at rule creation: the function exists, the argument count fits, then the function's own
 * `validate` (literal types and allowed values).
 *
 * Messages (exact):
 * - unknown: `function foo: not found; check the name against the eKuiper built-in functions`
 * - arity: `function abs: expects 1 argument but found 2`, `function log: expects 1 to 2 arguments but found 3`,
 *   `function concat: expects at least 1 argument but found 0`, `function pi: expects no arguments but found 1`
 * @param name function name, case-insensitive
 * @param args what the planner knows about each argument
 * @returns the definition
 * @throws FunctionArgError on any of the problems above
 */
export function validateCall(name: string, args: readonly ArgShape[]): FunctionDef {
  const def = lookupFunction(name);
  const lname = name.toLowerCase();
  if (!def) {
    throw new FunctionArgError(lname, `function ${lname}: not found; check the name against the eKuiper built-in functions`);
  }
  if (args.length < def.minArgs || args.length > def.maxArgs) {
    throw argError(lname, `expects ${describeArity(def.minArgs, def.maxArgs)} but found ${args.length}`);
  }
  def.validate?.(args);
  return def;
}

/**
 * Static result kind of a call, `'unknown'` if the function does not declare one.
 * @param def the function
 * @param argKinds static kinds of the arguments
 */
export function resultKindOf(def: FunctionDef, argKinds: readonly ValueKind[]): ValueKind {
  return def.resultKind ? def.resultKind(argKinds) : 'unknown';
}

/**
 * Creates the per call site context. The engine keeps one per call site and, for analytic functions with
 * `PARTITION BY`, swaps `state` per partition key.
 * @param argKinds static kinds of the arguments
 * @param now processing-time clock, ms since epoch
 * @param random random source in [0, 1) @default Math.random
 */
export function createCallContext(
  argKinds: readonly ValueKind[],
  now: () => number,
  random: () => number = Math.random,
): CallContext {
  return { argKinds, state: {}, whenMatched: true, now, random };
}
