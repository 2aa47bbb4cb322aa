import { parseExpr } from '../../../runtime/sql';

describe('expressions', () => {
  it('parses literals and keeps the integer/float distinction', () => {
    expect(parseExpr('2')).toMatchObject({ type: 'number_literal', value: 2, isFloat: false });
    expect(parseExpr('2.0')).toMatchObject({ type: 'number_literal', value: 2, isFloat: true });
    expect(parseExpr('1e3')).toMatchObject({ type: 'number_literal', value: 1000, isFloat: true });
    expect(parseExpr("'red'")).toMatchObject({ type: 'string_literal', value: 'red' });
    expect(parseExpr('TRUE')).toMatchObject({ type: 'boolean_literal', value: true });
    expect(parseExpr('false')).toMatchObject({ type: 'boolean_literal', value: false });
    expect(parseExpr('null')).toMatchObject({ type: 'null_literal' });
  });

  it('folds a minus sign before a number into a negative literal', () => {
    expect(parseExpr('-3')).toMatchObject({ type: 'number_literal', value: -3 });
    expect(parseExpr('-x')).toMatchObject({ type: 'unary_expr', operator: '-', operand: { name: 'x' } });
  });

  it('parses a.b as a stream-qualified column and a.b.c as nested access on it', () => {
    expect(parseExpr('demo.size')).toMatchObject({ type: 'field_ref', stream: 'demo', name: 'size' });
    expect(parseExpr('a.b.c')).toMatchObject({
      type: 'member_expr', property: 'c', object: { type: 'field_ref', stream: 'a', name: 'b' },
    });
  });

  it('parses nested access with -> and array indexes and slices', () => {
    expect(parseExpr('a->b->c')).toMatchObject({
      type: 'member_expr', property: 'c', object: { type: 'member_expr', property: 'b', object: { name: 'a' } },
    });
    expect(parseExpr('arr[0]')).toMatchObject({ type: 'index_expr', index: { value: 0 } });
    expect(parseExpr('arr[-1]')).toMatchObject({ type: 'index_expr', index: { value: -1 } });
    expect(parseExpr('arr[1:3]')).toMatchObject({ type: 'slice_expr', start: { value: 1 }, end: { value: 3 } });
    expect(parseExpr('arr[x:4]')).toMatchObject({ type: 'slice_expr', start: { name: 'x' }, end: { value: 4 } });
    const head = parseExpr('arr[:2]');
    expect(head).toMatchObject({ type: 'slice_expr', end: { value: 2 } });
    expect(head).not.toHaveProperty('start');
    const tail = parseExpr('arr[2:]');
    expect(tail).toMatchObject({ type: 'slice_expr', start: { value: 2 } });
    expect(tail).not.toHaveProperty('end');
    expect(parseExpr('a->b[0]->c')).toMatchObject({ type: 'member_expr', object: { type: 'index_expr' } });
  });

  it('parses CASE with and without an operand', () => {
    expect(parseExpr('CASE a WHEN 10 THEN "x" WHEN 20 THEN "y" ELSE "z" END')).toMatchObject({
      type: 'case_expr', operand: { name: 'a' },
      whens: [{ when: { value: 10 }, then: { value: 'x' } }, { when: { value: 20 } }], else: { value: 'z' },
    });
    const searched = parseExpr('case when a > 1 then true end');
    expect(searched).toMatchObject({ type: 'case_expr', whens: [{ when: { operator: '>' } }] });
    expect(searched).not.toHaveProperty('operand');
  });

  it('parses [NOT] LIKE, [NOT] IN lists and arrays, and [NOT] BETWEEN', () => {
    expect(parseExpr('a LIKE "x%"')).toMatchObject({ type: 'like_expr', not: false, pattern: { value: 'x%' } });
    expect(parseExpr('a NOT LIKE "x%"')).toMatchObject({ type: 'like_expr', not: true });
    expect(parseExpr('a IN (1, 2, 3)')).toMatchObject({ type: 'in_expr', not: false, list: [{ value: 1 }, { value: 2 }, { value: 3 }] });
    expect(parseExpr('def NOT IN strArraySet')).toMatchObject({ type: 'in_expr', not: true, set: { name: 'strArraySet' } });
    expect(parseExpr('a BETWEEN 1 AND 5')).toMatchObject({ type: 'between_expr', not: false, low: { value: 1 }, high: { value: 5 } });
    expect(parseExpr('a NOT BETWEEN b AND c + 1')).toMatchObject({ type: 'between_expr', not: true, high: { operator: '+' } });
  });

  it('parses calls with * arguments, FILTER and OVER', () => {
    expect(parseExpr('count(*)')).toMatchObject({ type: 'call_expr', name: 'count', args: [{ type: 'wildcard' }] });
    expect(parseExpr('meta(topic)')).toMatchObject({ name: 'meta', args: [{ type: 'field_ref', name: 'topic' }] });
    expect(parseExpr('row_number()')).toMatchObject({ name: 'row_number', args: [] });
    expect(parseExpr('avg(a) FILTER (WHERE b > 1)')).toMatchObject({ filter: { operator: '>' } });
    expect(parseExpr('lag(a) OVER (PARTITION BY b, c WHEN d = 1)')).toMatchObject({
      over: { type: 'over_clause', partitionBy: [{ name: 'b' }, { name: 'c' }], when: { operator: '=' } },
    });
    expect(parseExpr('acc_avg(size) over (when color = "red")')).toMatchObject({ over: { partitionBy: [], when: {} } });
    expect(parseExpr('sum(a) FILTER (WHERE a > 0) OVER (PARTITION BY b)')).toMatchObject({ filter: {}, over: {} });
  });

  it('keeps <> and != apart and reads bitwise operators', () => {
    expect(parseExpr('a <> b')).toMatchObject({ operator: '<>' });
    expect(parseExpr('a != b')).toMatchObject({ operator: '!=' });
    expect(parseExpr('a & b | c ^ d')).toMatchObject({ operator: '^', left: { operator: '|', left: { operator: '&' } } });
  });

  it('fails on NOT without LIKE, IN or BETWEEN in operator position', () => {
    expect(() => parseExpr('a NOT b')).toThrow('Syntax Error: Unexpected "NOT"\nWas expecting to see: an operator, end of input\n--> 1:3');
  });

  it('fails on an empty IN list and a CASE without WHEN', () => {
    expect(() => parseExpr('a IN ()')).toThrow('Syntax Error: Unexpected ")"\nWas expecting to see: expression\n--> 1:7');
    expect(() => parseExpr('CASE a END')).toThrow('Syntax Error: Unexpected "END"\nWas expecting to see: WHEN');
  });

  it('fails on BETWEEN without AND', () => {
    expect(() => parseExpr('a BETWEEN 1 OR 2')).toThrow('Syntax Error: Unexpected "OR"\nWas expecting to see: AND');
  });
});
