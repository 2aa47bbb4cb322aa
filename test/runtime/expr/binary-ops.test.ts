import { compareOp } from '../../../runtime/expr/binary-ops';

/**
 * Null operands of comparison operators (lf-edge/ekuiper `internal/xsql/valuer.go` `SimpleDataEval`, `valuer_test.go`
 * `TestComparison[10]`/`[11]`, `filter_test.go` `TestFilterPlan_Apply[1]`; evidence in `runtime/expr/binary-ops.ts`).
 */
describe('compareOp with null operands', () => {
  it('treats nil = nil as true and every other comparison of two nulls as false', () => {
    expect(compareOp('=', null, null, 'unknown', 'unknown')).toBe(true);
    for (const op of ['!=', '<>', '<', '<=', '>', '>='] as const) {
      expect([op, compareOp(op, null, null, 'unknown', 'unknown')]).toEqual([op, false]);
    }
  });

  it('is false for every operator when exactly one operand is null', () => {
    for (const op of ['=', '!=', '<>', '<', '<=', '>', '>='] as const) {
      expect([op, compareOp(op, 12, null, 'int', 'unknown')]).toEqual([op, false]);
      expect([op, compareOp(op, null, 'x', 'unknown', 'string')]).toEqual([op, false]);
    }
  });

  it('still compares non-null operands and rejects mismatched types', () => {
    expect(compareOp('!=', 1, 2, 'int', 'int')).toBe(true);
    expect(compareOp('<=', 'a', 'a', 'string', 'string')).toBe(true);
    expect(() => compareOp('=', 6, 'astring', 'int', 'string')).toThrow('invalid operation int64(6) = string(astring)');
  });
});
