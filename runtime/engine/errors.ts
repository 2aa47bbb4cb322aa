/**
 * Typed errors of the engine core. Each carries a stable `code` so hosts map them to HTTP statuses the way eKuiper's
 * `pkg/errorx/error_code.go` does (`PlanError` 2101 → 422, `NOT_FOUND` 1002 → 404, conflicts → 409).
 *
 * @see https://ekuiper.org/docs/en/latest/api/restapi/overview.html
 */

/** What part of a rule a {@link PlanError} blames. */
export type PlanErrorCode =
  | 'unknown_stream'
  | 'unknown_function'
  | 'wrong_arity'
  | 'bad_argument'
  | 'aggregate_misuse'
  | 'bad_window'
  | 'unknown_column'
  | 'unsupported'
  | 'bad_rule';

/**
 * A rule (or statement) that cannot be planned: unknown stream, unknown function, wrong arity, aggregate misuse,
 * bad window arguments, unknown column of a strict schema, bad rule JSON. Thrown at rule creation, never at run time.
 * The message names the part at fault and, where possible, the fix.
 */
export class PlanError extends Error {
  /** Machine-readable category of the fault. */
  readonly code: PlanErrorCode;

  /**
   * @param code category of the fault
   * @param message full message naming the part at fault
   */
  constructor(code: PlanErrorCode, message: string) {
    super(message);
    this.name = 'PlanError';
    this.code = code;
  }
}

/** A stream, table or rule that does not exist. */
export class NotFoundError extends Error {
  /** `'stream' | 'table' | 'rule'`. */
  readonly kind: string;
  /** The missing name. */
  readonly key: string;

  /**
   * @param kind what was looked up (`stream`, `table`, `rule`)
   * @param key the name that was not found
   */
  constructor(kind: string, key: string) {
    super(`${kind} ${key} not found`);
    this.name = 'NotFoundError';
    this.kind = kind;
    this.key = key;
  }
}

/** A stream, table or rule that already exists (create twice), or a drop that would break a user of it. */
export class ConflictError extends Error {
  /** `'stream' | 'table' | 'rule'`. */
  readonly kind: string;
  /** The conflicting name. */
  readonly key: string;

  /**
   * @param kind `stream`, `table` or `rule`
   * @param key the conflicting name
   * @param message full message @default `<kind> <key> already exists`
   */
  constructor(kind: string, key: string, message?: string) {
    super(message ?? `${kind} ${key} already exists`);
    this.name = 'ConflictError';
    this.kind = kind;
    this.key = key;
  }
}

/**
 * A runtime evaluation error for one row (type mismatch, bad operand). Never escapes a rule: the node counts it and,
 * under `sendError`, emits `{ error: message }`.
 */
export class EvalError extends Error {
  /** @param message eKuiper-style text, e.g. `invalid operation string(a) > int64(3)` */
  constructor(message: string) {
    super(message);
    this.name = 'EvalError';
  }
}
