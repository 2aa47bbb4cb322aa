/**
 * Shared types of the built-in function library of the eKuiper-compatible rule engine.
 *
 * The contract between the function library (`runtime/functions/`) and the planner / operators:
 * - At rule creation the planner calls {@link validateCall} (existence, arity, literal checks) and
 *   {@link FunctionDef.resultKind} (static result kind), then creates one {@link CallContext} per call site.
 * - At run time the engine calls {@link FunctionDef.exec} with evaluated arguments.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/overview.html
 */

/**
 * A runtime value: JSON-like.
 * - Numbers are JS numbers; the static {@link ValueKind} says whether a number is an eKuiper `bigint` (int64)
 *   or `float` (float64). Functions returning integers always return integral JS numbers (`Math.trunc`ed).
 * - Bytes (`bytea`) are `Uint8Array`.
 * - `datetime` values are represented as epoch milliseconds (a number) by functions of this library.
 * - `null` is eKuiper's `nil` (missing field or null result; omitted from output rows unless `sendNilField`).
 */
export type Value = null | boolean | number | string | Uint8Array | Value[] | { [key: string]: Value };

/** A struct (JSON object) value. */
export type StructValue = { [key: string]: Value };

/**
 * Static kind known at rule creation. eKuiper distinguishes `bigint` (int64) and `float` (float64).
 * `'unknown'` means decide at run time: a JS number with no fraction is an integer (schemaless JSON rule).
 * @see https://ekuiper.org/docs/en/latest/sqls/data_types.html
 */
export type ValueKind = 'int' | 'float' | 'string' | 'bool' | 'bytes' | 'datetime' | 'array' | 'struct' | 'unknown';

/**
 * Function categories as the planner needs them:
 * - `scalar`: one value per row, pure (except `rand`, `newuuid`, `now` style functions which read the ctx clock / RNG).
 * - `aggregate`: one value per group of rows (window / GROUP BY); makes the query an aggregate query.
 * - `analytic`: stateful per call site and partition, evaluated per row before windowing (`OVER (PARTITION BY .. WHEN ..)`).
 * - `srf`: set-returning (e.g. `unnest`), one input row produces several output rows.
 * - `context`: reads engine/row context (`window_start`, `meta`, `event_time`, ...); registered by the engine itself.
 */
export type FunctionType = 'scalar' | 'aggregate' | 'analytic' | 'srf' | 'context';

/** What the planner knows about one argument at rule creation (no AST dependency). */
export type ArgShape =
  /** A literal in the SQL: `"string"`, `1`, `1.5`, `true`. */
  | { kind: 'literal'; value: Value }
  /** A column reference, with its declared kind (`'unknown'` for schemaless streams). */
  | { kind: 'field'; name: string; valueKind: ValueKind }
  /** `*`, e.g. `count(*)`, `collect(*)`, `meta(*)`. */
  | { kind: 'wildcard' }
  /** Any other expression, with its statically inferred kind (`'unknown'` if not known). */
  | { kind: 'expr'; valueKind: ValueKind };

/**
 * Row-level accessors the engine fills for `context` functions (`meta`, `event_time`, `window_start`, ...).
 * The engine owns the shape of the values; the function library only passes this through.
 */
export interface RowContext {
  /** Event time of the current row, ms since epoch. */
  readonly eventTime?: number;
  /** Source metadata of the current row (`meta(key)`, `mqtt(key)`). */
  readonly meta?: Readonly<Record<string, Value>>;
  /** Current window bounds, ms since epoch (`window_start()`, `window_end()`). */
  readonly windowStart?: number;
  readonly windowEnd?: number;
  /** Free-form slots for other engine-provided context (rule id, hit counters, ...). */
  readonly [key: string]: unknown;
}

/**
 * Per call site context. The engine creates one per call site in a rule (see {@link createCallContext}) and
 * reuses it for every row.
 */
export interface CallContext {
  /** Static kinds of the arguments, same length as the argument list at the call site. */
  readonly argKinds: readonly ValueKind[];
  /**
   * State of stateful (analytic) functions: one object per call site and partition. The engine swaps this
   * object per `PARTITION BY` key (a fresh `{}` for a new key). Functions own the keys they put in it.
   */
  state: Record<string, unknown>;
  /**
   * Analytic functions: result of the `OVER (WHEN ...)` condition for this row (`true` when there is no WHEN).
   * When `false`, analytic functions return their previous result and do not update state
   * (see each function's TSDoc for exact rules).
   */
  whenMatched: boolean;
  /** Processing-time now, ms since epoch, from the engine's injectable clock (never `Date.now()`). */
  now(): number;
  /**
   * Random number in [0, 1) for `rand()`, `newuuid()`, `array_shuffle()`.
   * @default Math.random when absent (the engine may inject a seeded generator for deterministic replay)
   */
  random?(): number;
  /** Row-level accessors filled by the engine for `context` functions. */
  row?: RowContext;
  /**
   * Aggregate functions that declare `needsRows` (e.g. `deduplicate`): the rows of the current group as struct
   * values, in window order. The engine sets it before each `exec` call.
   */
  groupRows?: readonly Value[];
  /**
   * Multi-column functions ({@link FunctionDef.multiColumn}): the source name of each argument, same length as
   * the argument list (`"*"` for a wildcard, the column name for a column reference, the printed expression otherwise).
   * @default undefined for other functions
   */
  argNames?: readonly string[];
}

/**
 * Incremental aggregation state for hot aggregates (`avg`, `count`, `max`, `min`, `sum`): the engine may feed
 * values one at a time instead of building per-argument arrays. `add` must not allocate per call.
 * Results equal `exec` over the same values.
 */
export interface Accumulator {
  /** Adds the first argument's value of one row (`null` is skipped like in `exec`). @throws FunctionError */
  add(value: Value): void;
  /** Current result for the rows added so far (`null` when nothing non-null was added; `count` gives 0). */
  result(): Value;
  /** Clears the state for reuse (next window / group). */
  reset(): void;
}

/** One built-in (or engine-registered) function. */
export interface FunctionDef {
  /** Lower-case eKuiper name, e.g. `"abs"`. Lookup is case-insensitive. */
  readonly name: string;
  /** Category; see {@link FunctionType}. */
  readonly type: FunctionType;
  /** Minimum number of arguments. */
  readonly minArgs: number;
  /** Maximum number of arguments; `Infinity` for variadic functions. */
  readonly maxArgs: number;
  /** Short description (one line) for docs and errors. */
  readonly doc?: string;
  /**
   * Extra checks at rule creation (literal arg types, allowed values), run by {@link validateCall} after the
   * arity check.
   * @throws FunctionArgError naming the function, the argument position and the fix.
   */
  validate?(args: readonly ArgShape[]): void;
  /**
   * Static result kind for the planner (e.g. `avg` over int -> int). Absent means `'unknown'`.
   */
  resultKind?(argKinds: readonly ValueKind[]): ValueKind;
  /**
   * Evaluates the function.
   * - scalar / analytic / context: `args` are the evaluated argument values of the current row.
   * - aggregate: each element of `args` is the array of that argument's values over the group's rows
   *   (all arrays have the same length = number of rows; for `*` the engine passes the rows themselves as
   *   struct values). Literal arguments are passed as arrays too (the value repeated, or at least one element).
   * - srf: returns an array; each element becomes one output row/value.
   * @throws FunctionError for a runtime error (the engine turns it into an error row under `sendError`).
   */
  exec(args: any[], ctx: CallContext): Value;
  /**
   * Aggregates only: when true, the engine must set {@link CallContext.groupRows} before `exec`.
   * @default false
   */
  readonly needsRows?: boolean;
  /**
   * Aggregates only, optional fast path: creates an incremental accumulator for one group. `argKinds` decides
   * int vs float (see {@link ValueKind}).
   */
  createAccumulator?(ctx: CallContext): Accumulator;
  /**
   * Multi-column function (eKuiper `changed_cols`): `exec` returns a struct whose keys become separate output
   * columns of the SELECT. Allowed only as a top-level SELECT item; the engine sets {@link CallContext.argNames}.
   * @default false
   * @see https://ekuiper.org/docs/en/latest/sqls/functions/multi_column_functions.html
   */
  readonly multiColumn?: boolean;
}
