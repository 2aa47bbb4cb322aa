import { parse, type SelectStatement } from '../../../runtime/sql';

const select = (sql: string): SelectStatement => parse(sql) as SelectStatement;

describe('SELECT statement', () => {
  it('parses fields with AS aliases and INVISIBLE, with or without an alias', () => {
    expect(select('SELECT a, a+b AS sum INVISIBLE, b invisible FROM test').fields).toMatchObject([
      { expr: { type: 'field_ref', name: 'a' }, invisible: false },
      { expr: { type: 'binary_expr', operator: '+' }, alias: 'sum', invisible: true },
      { expr: { type: 'field_ref', name: 'b' }, invisible: true },
    ]);
  });

  it('parses *, stream.*, * EXCEPT(...) and * REPLACE(... AS ...)', () => {
    expect(select('SELECT *, demo.*, * EXCEPT(a, `b c`), * REPLACE(a * 2 AS a, upper(b) AS b) FROM demo').fields).toMatchObject([
      { expr: { type: 'wildcard', except: [], replace: [] } },
      { expr: { type: 'wildcard', stream: 'demo' } },
      { expr: { type: 'wildcard', except: ['a', 'b c'] } },
      {
        expr: {
          type: 'wildcard',
          replace: [
            { type: 'wildcard_replace', alias: 'a', expr: { type: 'binary_expr', operator: '*' } },
            { type: 'wildcard_replace', alias: 'b', expr: { type: 'call_expr', name: 'upper' } },
          ],
        },
      },
    ]);
  });

  it('parses FROM with an alias and every join type', () => {
    const stmt = select(
      'SELECT * FROM s1 AS a INNER JOIN t1 AS b ON a.id = b.id LEFT JOIN t2 ON a.id = t2.id RIGHT JOIN t3 ON true ' +
        'FULL JOIN t4 ON a.x = t4.x CROSS JOIN t5 JOIN t6 ON a.y = t6.y',
    );
    expect(stmt.from).toMatchObject({ name: 's1', alias: 'a' });
    expect(stmt.joins.map((j) => [j.joinType, j.source.name, j.source.alias, j.on?.type])).toEqual([
      ['inner', 't1', 'b', 'binary_expr'],
      ['left', 't2', undefined, 'binary_expr'],
      ['right', 't3', undefined, 'boolean_literal'],
      ['full', 't4', undefined, 'binary_expr'],
      ['cross', 't5', undefined, undefined],
      ['inner', 't6', undefined, 'binary_expr'],
    ]);
    expect(stmt.joins[0]?.on).toMatchObject({
      left: { type: 'field_ref', stream: 'a', name: 'id' },
      right: { type: 'field_ref', stream: 'b', name: 'id' },
    });
  });

  it('parses WHERE, GROUP BY columns and a window in any order, HAVING, ORDER BY and LIMIT', () => {
    const stmt = select(
      'SELECT deviceId, avg(t) AS a FROM demo WHERE t > 50 GROUP BY deviceId, TUMBLINGWINDOW(ss, 10), site ' +
        'HAVING a > 3 ORDER BY a DESC, deviceId, site ASC LIMIT 5',
    );
    expect(stmt).toMatchObject({
      where: { type: 'binary_expr', operator: '>' },
      groupBy: [
        { type: 'field_ref', name: 'deviceId' },
        { type: 'window_expr', windowType: 'tumbling', unit: 'ss', length: 10 },
        { type: 'field_ref', name: 'site' },
      ],
      having: { type: 'binary_expr', operator: '>' },
      orderBy: [
        { expr: { name: 'a' }, direction: 'desc' },
        { expr: { name: 'deviceId' }, direction: 'asc' },
        { expr: { name: 'site' }, direction: 'asc' },
      ],
      limit: 5,
    });
  });

  it('treats keywords case-insensitively and keeps identifier case', () => {
    expect(select('select Size As S from Demo where SIZE > 1')).toMatchObject({
      fields: [{ expr: { name: 'Size' }, alias: 'S' }],
      from: { name: 'Demo' },
      where: { left: { name: 'SIZE' } },
    });
  });

  it('accepts backquoted identifiers for reserved words and names with spaces', () => {
    expect(select('SELECT `from`, `my col` AS `select` FROM `my stream`')).toMatchObject({
      fields: [{ expr: { name: 'from' } }, { expr: { name: 'my col' }, alias: 'select' }],
      from: { name: 'my stream' },
    });
  });

  it('allows non-reserved keywords such as filter, over, stream and window names as column names', () => {
    expect(select('SELECT filter, over, stream, tumblingwindow, ss FROM s').fields.map((f) => f.expr)).toMatchObject([
      { name: 'filter' }, { name: 'over' }, { name: 'stream' }, { name: 'tumblingwindow' }, { name: 'ss' },
    ]);
  });

  it('allows a trailing semicolon and comments anywhere', () => {
    expect(select('SELECT a -- the column\nFROM /* the stream */ s;')).toMatchObject({ from: { name: 's' } });
  });

  it('records the source range of nodes', () => {
    const stmt = select('SELECT a + 1 AS b FROM s');
    expect(stmt.range).toEqual([0, 24]);
    expect(stmt.fields[0]?.range).toEqual([7, 17]);
    expect(stmt.fields[0]?.expr.range).toEqual([7, 12]);
  });

  it('fails when an alias has no AS, as in eKuiper', () => {
    expect(() => parse('SELECT a b FROM demo')).toThrow('Syntax Error: Unexpected "b"\nWas expecting to see: ",", AS, FROM\n--> 1:10');
  });

  it('fails on an alias for a wildcard', () => {
    expect(() => parse('SELECT * AS x FROM demo')).toThrow('Syntax Error: A wildcard cannot have an alias');
  });

  it('fails on CROSS JOIN with ON', () => {
    expect(() => parse('SELECT * FROM a CROSS JOIN b ON a.x = b.x')).toThrow(
      'Syntax Error: CROSS JOIN takes no ON condition\nWas expecting to see: WHERE, GROUP BY, end of input\n--> 1:30',
    );
  });

  it('fails on a negative LIMIT', () => {
    expect(() => parse('SELECT a FROM demo LIMIT -1')).toThrow(
      'Syntax Error: Invalid LIMIT "-1"\nWas expecting to see: a non-negative integer\n--> 1:26',
    );
  });

  it('fails on a second statement after the semicolon', () => {
    expect(() => parse('SELECT a FROM s; SELECT b FROM s')).toThrow('Syntax Error: Unexpected "SELECT"');
  });
});
