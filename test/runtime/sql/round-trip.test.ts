import { parse, show } from '../../../runtime/sql';
import { roundTrip } from './sql-test-utils';

const CORPUS = [
  'SELECT * EXCEPT(a, `b c`) REPLACE(a * 2 AS a) FROM demo',
  'SELECT demo.*, t.x FROM demo AS d LEFT JOIN t ON d.id = t.id CROSS JOIN u',
  'SELECT a->b->c, a.b.c, arr[0], arr[-1], arr[1:3], arr[:2], arr[2:], arr[x:4] FROM s',
  'SELECT CASE WHEN a > 1 THEN "big" WHEN a < 0 THEN "neg" ELSE "small" END AS k FROM s',
  'SELECT CASE a WHEN 1 THEN 2 END FROM s',
  'SELECT a FROM s WHERE a NOT LIKE "x\\%" AND b NOT IN (1, 2) AND c NOT BETWEEN 1 AND 2 OR d IN arr',
  'SELECT count(*) FILTER (WHERE a > 1) OVER (PARTITION BY b, c WHEN d), meta(topic), mqtt(topic) FROM s',
  'SELECT a FROM s GROUP BY SLIDINGWINDOW(ss, 10, 2) OVER (WHEN a > 1) FILTER (WHERE b), c',
  'SELECT a FROM s GROUP BY STATEWINDOW(a = 1, a = 2)',
  'SELECT a FROM s GROUP BY STATEWINDOW(a = 1)',
  'SELECT a FROM s GROUP BY COUNTWINDOW(5, 2) FILTER (WHERE a > 0) HAVING count(*) > 1 ORDER BY a DESC LIMIT 10',
  'SELECT -a, - -a, -(1), 2 - -1, NOT NOT a, (a + b) * c, a - (b - c), -1 * 2 FROM s',
  'SELECT "quote\\"d\\n\\ttab", \'single\', 1.0, 2.5e-7, 0.5, 12345678901234567890, -0 FROM s',
  'SELECT `from`, `select` AS `where`, `a``b` FROM `my stream`',
  'SELECT (a IN (1))[0], (-1)[0], (a LIKE b) = true FROM s',
  'SELECT `tumblingwindow`(ss, 1) FROM s',
  'CREATE STREAM s (a array(struct(x bigint, y array(float))), `b c` string) WITH (DATASOURCE="t", RETAIN_SIZE=3)',
  'CREATE TABLE t (a bigint) WITH (KIND="lookup", TYPE="memory")',
  'CREATE STREAM s ()',
  'DROP TABLE t',
  'DESCRIBE STREAM s',
  'SHOW STREAMS',
];

describe('show() round trip', () => {
  it.each(CORPUS)('prints %s as SQL that re-parses to an equal tree', (sql) => {
    const { first, second, printed } = roundTrip(sql);
    expect(second).toEqual(first);
    expect(show(parse(printed))).toBe(printed);
  });

  it('prints canonical SQL: upper-case keywords and windows, double-quoted strings, a.b.c as a.b->c', () => {
    expect(show(parse("select a.b.c as x from s where y = 'r' group by tumblingwindow(ss, 1)"))).toBe(
      'SELECT a.b->c AS x FROM s WHERE y = "r" GROUP BY TUMBLINGWINDOW(ss, 1)',
    );
  });

  it('adds only the parentheses the tree needs', () => {
    expect(show(parse('SELECT ((a + b)) * (c), (a * b) + c, a - (b + c) FROM s'))).toBe(
      'SELECT (a + b) * c, a * b + c, a - (b + c) FROM s',
    );
  });
});
