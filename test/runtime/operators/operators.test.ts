import { parseExpr } from '../../../runtime/sql';
import { registerBuiltins } from '../../../runtime/functions/builtins';
import { registerContextFunctions } from '../../../runtime/engine/context-functions';
import { CompileScope } from '../../../runtime/expr/scope';
import { compileExpr } from '../../../runtime/expr/compile';
import { EvalContext } from '../../../runtime/expr/eval-context';
import { Row } from '../../../runtime/model/row';
import { FilterOperator } from '../../../runtime/operators/filter';
import { AggregateOperator } from '../../../runtime/operators/aggregate';
import { OrderOperator } from '../../../runtime/operators/order';
import { JoinOperator } from '../../../runtime/operators/join';
import { Decoder } from '../../../runtime/operators/decode';
import type { Value } from '../../../runtime/functions/types';
import type { StreamDefinition } from '../../../runtime/engine/contract';

registerBuiltins();
registerContextFunctions();

const ctx = new EvalContext('r', () => 0, Math.random);
const scope = (): CompileScope => new CompileScope([{ name: 'tbl', kind: 'stream', columns: undefined }], () => 0, Math.random);
const row = (message: Record<string, Value>, ts = 0): Row => new Row('tbl', message, ts, { topic: 'mock' }, 0);
const evalSql = (sql: string, data: Record<string, Value>): Value => compileExpr(parseExpr(sql), scope()).fn(row(data), ctx);

describe('filter operator (table-driven, eKuiper filter_test style)', () => {
  const cases: Array<{ sql: string; data: Record<string, Value>; pass: boolean | string }> = [
    { sql: 'abc > 12', data: { abc: 34 }, pass: true },
    { sql: 'abc > 12', data: { abc: 6 }, pass: false },
    { sql: 'abc > 12', data: {}, pass: false },
    { sql: 'def = "hello"', data: { def: 'hello' }, pass: true },
    { sql: 'def NOT IN strArraySet', data: { def: 'hello', strArraySet: null }, pass: true },
    { sql: 'def IN ("a", "hello")', data: { def: 'hello' }, pass: true },
    { sql: 'abc BETWEEN 10 AND 40', data: { abc: 34 }, pass: true },
    { sql: 'abc NOT BETWEEN 10 AND 40', data: { abc: 34 }, pass: false },
    { sql: 'def LIKE "he%o"', data: { def: 'hello' }, pass: true },
    { sql: 'def LIKE "h_llo"', data: { def: 'hallo' }, pass: true },
    { sql: 'def NOT LIKE "x%"', data: { def: 'hello' }, pass: true },
    { sql: 'abc > 12 AND def = "x"', data: { abc: 34 }, pass: false },
    { sql: 'abc > 12 OR def = "x"', data: { abc: 34 }, pass: true },
    { sql: 'a->b = 1', data: { a: { b: 1 } }, pass: true },
    { sql: 'arr[1] = 2', data: { arr: [1, 2, 3] }, pass: true },
    { sql: 'size > 2', data: { size: 'string' }, pass: 'run Where error: invalid operation string(string) > int64(2)' },
    { sql: 'abc', data: { abc: 3 }, pass: 'run Where error: invalid condition that returns non-bool value' },
    { sql: 'abc + 1', data: { abc: 'x' }, pass: 'run Where error: invalid operation string(x) + int64(1)' },
  ];
  it.each(cases)('$sql on $data -> $pass', ({ sql, data, pass }) => {
    const f = new FilterOperator(compileExpr(parseExpr(sql), scope()).fn);
    if (typeof pass === 'string') expect(() => f.test(row(data), ctx)).toThrow(pass);
    else expect(f.test(row(data), ctx)).toBe(pass);
  });
});

describe('expression compiler values', () => {
  it.each<[string, Record<string, Value>, Value]>([
    ['7 / 2', {}, 3],
    ['7.0 / 2', {}, 3.5],
    ['a / b', { a: 7, b: 2 }, 3],
    ['a / b', { a: 7.5, b: 2 }, 3.75],
    ['a % 3', { a: 7 }, 1],
    ['-a', { a: 2 }, -2],
    ['CASE a WHEN 10 THEN "true" ELSE "no" END', { a: 10 }, 'true'],
    ['CASE WHEN a > 5 THEN 1 WHEN a > 1 THEN 2 END', { a: 3 }, 2],
    ['arr[1:3]', { arr: [1, 2, 3, 4] }, [2, 3]],
    ['arr[-1]', { arr: [1, 2, 3] }, 3],
    ['a->b->c', { a: { b: { c: 'x' } } }, 'x'],
    ['a->b', { a: 'commonstring' }, null],
    ['tbl.a', { a: 5 }, 5],
    ['meta(topic)', {}, 'mock'],
    ['abs(a)', { a: -3 }, 3],
    ['a % b (float remainder, math.Mod)', { a: 7.5, b: 2 }, 1.5],
    ['a > b with a missing operand', { a: 1 }, false],
    ['a = b with both missing', {}, true],
    ['a != b with one missing (v2 valuer_test TestComparison[11])', { a: 1 }, false],
    ['a != b with both missing', {}, false],
    ['a BETWEEN 1 AND b with b missing', { a: 1 }, false],
    ['a LIKE "x\\_y" (backslash is literal)', { a: 'x\\_y' }, true],
    ['a LIKE "x\\_y" does not match x_y', { a: 'x_y' }, false],
    ['a & 6', { a: 3 }, 2],
  ])('%s on %j = %j', (sql, data, expected) => {
    expect(evalSql(sql.replace(/ \(.*\)$| with .*$| does not .*$/, ''), data)).toEqual(expected);
  });

  it('raises eKuiper errors for comparisons on arrays and objects and for bad LIKE operands (valuer_test)', () => {
    expect(() => evalSql('a = b', { a: [1, 2], b: [1, 2] })).toThrow('= is an invalid operation for []interface {}');
    expect(() => evalSql('a <> b', { a: { c: 5 }, b: { d: 5 } })).toThrow('!= is an invalid operation for map[string]interface {}');
    expect(() => evalSql('a LIKE b', { a: 'string1', b: 12 })).toThrow('invalid LIKE pattern, must be a string but got 12');
    expect(() => evalSql('b LIKE "an_ther"', { b: 12 })).toThrow('LIKE operator left operand expects string, but found 12');
  });

  it('fails at compile time on unknown functions and wrong arity', () => {
    expect(() => compileExpr(parseExpr('nope(a)'), scope())).toThrow('function nope: not found; check the name against the eKuiper built-in functions');
    expect(() => compileExpr(parseExpr('abs(a, b)'), scope())).toThrow('function abs: expects 1 argument but found 2');
  });
});

describe('aggregate, order and join operators', () => {
  it('groups rows by key in first-appearance order', () => {
    const rows = [row({ c: 'red', v: 1 }), row({ c: 'blue', v: 2 }), row({ c: 'red', v: 3 })];
    const groups = new AggregateOperator([compileExpr(parseExpr('c'), scope()).fn]).group(rows, ctx);
    expect(groups.map((g) => g.map((r) => r.message.v))).toEqual([[1, 3], [2]]);
    expect(new AggregateOperator([]).group([], ctx)).toEqual([]);
  });

  it('sorts stably, nulls last in both directions (eKuiper order_test[3]), descending on request, and refuses mixed types', () => {
    const rows = [row({ k: 2, i: 1 }), row({ i: 2 }), row({ k: 1, i: 3 }), row({ k: 2, i: 4 })];
    const asc = new OrderOperator([{ fn: compileExpr(parseExpr('k'), scope()).fn, descending: false }]).sortRows(rows, ctx);
    expect(asc.map((r) => r.message.i)).toEqual([3, 1, 4, 2]);
    const desc = new OrderOperator([{ fn: compileExpr(parseExpr('k'), scope()).fn, descending: true }]).sortRows(rows, ctx);
    expect(desc.map((r) => r.message.i)).toEqual([1, 4, 3, 2]);
    const mixed = [row({ k: 1 }), row({ k: 'x' })];
    expect(() => new OrderOperator([{ fn: compileExpr(parseExpr('k'), scope()).fn, descending: false }]).sortRows(mixed, ctx)).toThrow(/^incompatible types for comparison: (int and string|string and int)$/);
  });

  it('joins INNER, LEFT, RIGHT and FULL', () => {
    const s = new CompileScope([{ name: 'a', kind: 'stream', columns: undefined }, { name: 'b', kind: 'stream', columns: undefined }], () => 0, Math.random);
    s.clause = 'join';
    const on = compileExpr(parseExpr('a.id = b.id'), s).fn;
    const rows = [new Row('a', { id: 1, x: 'a1' }, 0, undefined, 0), new Row('a', { id: 2, x: 'a2' }, 0, undefined, 1), new Row('b', { id: 1, y: 'b1' }, 0, undefined, 2), new Row('b', { id: 3, y: 'b3' }, 0, undefined, 3)];
    const run = (joinType: 'inner' | 'left' | 'right' | 'full') =>
      new JoinOperator('a', [{ joinType, source: 'b', on }]).join(rows, () => undefined, ctx).map((r) => [r.sources?.get('a')?.x ?? null, r.sources?.get('b')?.y ?? null]);
    expect(run('inner')).toEqual([['a1', 'b1']]);
    expect(run('left')).toEqual([['a1', 'b1'], ['a2', null]]);
    expect(run('right')).toEqual([['a1', 'b1'], [null, 'b3']]);
    expect(run('full')).toEqual([['a1', 'b1'], ['a2', null], [null, 'b3']]);
  });
});

describe('decoder', () => {
  const def = (strict: boolean): StreamDefinition => ({
    name: 'd', kind: 'stream' as const, sql: '', columns: [{ name: 'size', type: 'bigint' }, { name: 'color', type: 'string' }],
    options: strict ? { STRICT_VALIDATION: 'true' } : ({} as Record<string, string>),
  });
  it('keeps declared columns and validates used columns under STRICT_VALIDATION', () => {
    expect(new Decoder(def(false), '*').decode('{"size": 3, "color": "red", "extra": 1}')).toEqual([{ size: 3, color: 'red' }]);
    expect(() => new Decoder(def(true), new Set(['size'])).decode({ size: 'red' })).toThrow('error in preprocessor: field size type mismatch: cannot convert string(red) to int64');
    expect(new Decoder(def(true), new Set(['size'])).decode({ size: 4, color: 7 })).toEqual([{ size: 4, color: 7 }]);
    expect(new Decoder(def(false), '*').decode('[{"size": 1}, {"size": 2}]')).toEqual([{ size: 1 }, { size: 2 }]);
  });
});
