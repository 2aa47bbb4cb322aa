/**
 * Runtime semantics of eKuiper's binary operators on dynamic values: comparison, arithmetic (bigint/bigint is integer
 * division), bitwise and logical operators. Operands of mismatched types raise eKuiper's error
 * `invalid operation <type>(<v>) <op> <type>(<v>)`; an arithmetic result with a null operand is null (omitted).
 *
 * Comparison with a null operand: `nil = nil` is true, every other comparison (`=` with one null, `!=`, `<>`,
 * `< <= > >=`) is false. Evidence (lf-edge/ekuiper):
 * - v1 `internal/xsql/valuer.go` `ValuerEval.simpleDataEval` (commit 4dcdd26b): both nil gives `= <= >=` true and
 *   `!=` false; one nil gives `= < > <= >=` false and `!=` true. Its `valuer_test.go` `TestComparison[10]`/`[11]`
 *   (commit c6ad75af) asserts exactly that.
 * - v2 `internal/xsql/valuer.go` `SimpleDataEval` (2022-2025 header, module `ekuiper/v2`) carries a new comment in
 *   its nil branch, "for relationship, return false", and the v2 `TestComparison[10]`/`[11]` rows transcribed in
 *   `ekuiper-functions.json` expect `a >= b`, `a != b` and `a NOT BETWEEN 2 AND b` false with null operands.
 * - `internal/topo/operator/filter_test.go` `TestFilterPlan_Apply[1]` ("nil equals nil?", `WHERE def = ghi` with
 *   both columns missing passes) keeps `nil = nil` true.
 * No single rule satisfies all three: v2 `TestComparison[10]` also expects `a = b` false with both missing, which
 * contradicts `TestFilterPlan_Apply[1]` on the same expression (case `ek-x-op-comparison-10-nulleq`, known failing).
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html
 */
import type { BinaryOperator } from '../sql/ast';
import type { Value, ValueKind } from '../functions/types';
import { deepEqual } from '../functions/values';
import { EvalError } from '../engine/errors';
import { goDescribe } from './go-type';

/** Builds eKuiper's type-mismatch error. */
export function invalidOperation(l: Value, op: string, r: Value, lk: ValueKind, rk: ValueKind): EvalError {
  return new EvalError(`invalid operation ${goDescribe(l, lk)} ${op} ${goDescribe(r, rk)}`);
}

/** Whether a number is an integer under its static kind (unknown: no fraction). */
function isInt(v: number, k: ValueKind): boolean {
  return k === 'int' || (k !== 'float' && Number.isInteger(v));
}

/** Go type name eKuiper reports for an array or object operand. */
function goCompositeName(v: object): string {
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

/**
 * Compares two values for `= != <> < <= > >=`.
 * @returns the boolean result; with a null operand only `nil = nil` is true, anything else is false
 * @throws EvalError when the operand types cannot be compared, or `<op> is an invalid operation for []interface {}`
 *   (`map[string]interface {}`) when the left operand is an array (object)
 */
export function compareOp(op: BinaryOperator, l: Value, r: Value, lk: ValueKind, rk: ValueKind): boolean {
  if (l !== null && typeof l === 'object' && !(l instanceof Uint8Array)) {
    throw new EvalError(`${op === '<>' ? '!=' : op} is an invalid operation for ${goCompositeName(l)}`);
  }
  if (l === null || l === undefined || r === null || r === undefined) {
    // `nil = nil` is the only comparison with a null operand that is true (see the module TSDoc for the evidence).
    return op === '=' && (l === null || l === undefined) && (r === null || r === undefined);
  }
  let c: number;
  const tl = typeof l;
  if (tl === 'number' && typeof r === 'number') c = (l as number) < r ? -1 : (l as number) > r ? 1 : 0;
  else if (tl === 'string' && typeof r === 'string') c = (l as string) < r ? -1 : (l as string) > r ? 1 : 0;
  else if (tl === 'boolean' && typeof r === 'boolean') {
    if (op === '=') return l === r;
    if (op === '!=' || op === '<>') return l !== r;
    throw invalidOperation(l, op, r, lk, rk);
  } else if (tl === 'object' && typeof r === 'object' && (op === '=' || op === '!=' || op === '<>')) {
    const eq = deepEqual(l, r);
    return op === '=' ? eq : !eq;
  } else throw invalidOperation(l, op, r, lk, rk);
  switch (op) {
    case '=': return c === 0;
    case '!=': case '<>': return c !== 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    default: return c >= 0;
  }
}

/**
 * Arithmetic and bitwise operators `+ - * / % & | ^` on numbers.
 * @returns the result, or null when an operand is null
 * @throws EvalError on non-numeric operands, division by zero, or bitwise operands that are not integers
 */
export function arithmeticOp(op: BinaryOperator, l: Value, r: Value, lk: ValueKind, rk: ValueKind): Value {
  if (l === null || l === undefined || r === null || r === undefined) return null;
  if (typeof l !== 'number' || typeof r !== 'number') throw invalidOperation(l, op, r, lk, rk);
  const ints = isInt(l, lk) && isInt(r, rk);
  switch (op) {
    case '+': return l + r;
    case '-': return l - r;
    case '*': return l * r;
    case '/':
      if (r === 0) throw new EvalError('divided by zero');
      return ints ? Math.trunc(l / r) : l / r;
    case '%':
      // Go: integer remainder for two integers, math.Mod (same sign rules as JS %) otherwise.
      if (r === 0) throw new EvalError('divided by zero');
      return l % r;
    default:
      if (!ints) throw invalidOperation(l, op, r, lk, rk);
      if (op === '&') return Number(BigInt(l) & BigInt(r));
      if (op === '|') return Number(BigInt(l) | BigInt(r));
      return Number(BigInt(l) ^ BigInt(r));
  }
}

/** Static result kind of an arithmetic operator. */
export function arithmeticKind(op: BinaryOperator, lk: ValueKind, rk: ValueKind): ValueKind {
  if (lk === 'float' || rk === 'float') return op === '&' || op === '|' || op === '^' ? 'int' : 'float';
  if (lk === 'int' && rk === 'int') return 'int';
  return 'unknown';
}

/**
 * `AND` / `OR` with SQL three-valued logic: false AND x = false, true OR x = true, otherwise null propagates.
 * @throws EvalError when an operand is neither boolean nor null
 */
export function logicOp(op: 'AND' | 'OR', l: Value, r: Value, lk: ValueKind, rk: ValueKind): Value {
  const badL = l !== null && l !== undefined && typeof l !== 'boolean';
  const badR = r !== null && r !== undefined && typeof r !== 'boolean';
  if (badL || badR) throw invalidOperation(l, op, r, lk, rk);
  if (op === 'AND') {
    if (l === false || r === false) return false;
    if (l === true && r === true) return true;
    return null;
  }
  if (l === true || r === true) return true;
  if (l === false && r === false) return false;
  return null;
}
