import fc from 'fast-check';
import { parse, show, SqlSyntaxError, tokenize } from '../../../runtime/sql';
import { CONFORMANCE_DDL, CONFORMANCE_RULES } from './fixtures/conformance-sql';
import { stripRanges } from './sql-test-utils';

/** Tokens of the dialect, spelled as in SQL, to build random statements from. */
const DIALECT_TOKENS = [
  'SELECT', 'FROM', 'WHERE', 'GROUP', 'BY', 'HAVING', 'ORDER', 'ASC', 'DESC', 'LIMIT', 'AS', 'AND', 'OR', 'NOT',
  'LIKE', 'IN', 'BETWEEN', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'INNER', 'LEFT', 'CROSS', 'JOIN', 'ON', 'TRUE',
  'NULL', 'CREATE', 'STREAM', 'TABLE', 'WITH', 'DROP', 'SHOW', 'STREAMS', 'FILTER', 'OVER', 'PARTITION', 'EXCEPT',
  'REPLACE', 'INVISIBLE', 'TUMBLINGWINDOW', 'SLIDINGWINDOW', 'COUNTWINDOW', 'STATEWINDOW', 'ss', 'ms', 'bigint',
  'array', 'struct', 'a', 'b', 'demo', '`x y`', 'count', '"str"', "'s'", '1', '0', '-1', '2.5', '1e3', '(', ')',
  '[', ']', ',', '.', '*', '->', ':', ';', '=', '!=', '<>', '<', '<=', '>', '>=', '+', '-', '/', '%', '&', '|', '^',
];

const SEED_SQL = [...CONFORMANCE_DDL, ...CONFORMANCE_RULES,
  'SELECT * EXCEPT(a) REPLACE(b * 2 AS b) FROM s AS x LEFT JOIN t ON x.id = t.id WHERE a NOT BETWEEN 1 AND 2',
  'SELECT CASE WHEN a THEN arr[1:2] ELSE a->b END FROM s GROUP BY SLIDINGWINDOW(ss, 10, 1) OVER (WHEN a > 1)',
  'CREATE STREAM s (a array(struct(b bigint))) WITH (DATASOURCE="x", RETAIN_SIZE=3)',
];

/** Parses `sql`; it must return a statement that round-trips through show(), or throw SqlSyntaxError. */
function checkParse(sql: string): void {
  let ast;
  try {
    ast = parse(sql);
  } catch (e) {
    if (!(e instanceof SqlSyntaxError)) throw e;
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.column).toBeGreaterThanOrEqual(1);
    return;
  }
  expect(stripRanges(parse(show(ast)))).toEqual(stripRanges(ast));
}

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'truncate'; at: number }
  | { kind: 'swap'; at: number; other: number }
  | { kind: 'insert'; at: number; text: string };

/** Applies a token-level mutation to valid SQL, working on token source offsets. */
function mutate(sql: string, m: Mutation): string {
  let tokens;
  try {
    tokens = tokenize(sql).filter((t) => t.kind !== 'eof');
  } catch {
    return sql.slice(0, m.at % (sql.length + 1)); // an earlier mutation broke the lexing: truncate instead
  }
  if (tokens.length === 0) return sql;
  const t = tokens[m.at % tokens.length]!;
  switch (m.kind) {
    case 'delete':
      return sql.slice(0, t.start) + sql.slice(t.end);
    case 'duplicate':
      return `${sql.slice(0, t.end)} ${t.text}${sql.slice(t.end)}`;
    case 'truncate':
      return sql.slice(0, m.at % (sql.length + 1));
    case 'swap': {
      const u = tokens[m.other % tokens.length]!;
      const [x, y] = t.start <= u.start ? [t, u] : [u, t];
      if (x === y) return sql;
      return sql.slice(0, x.start) + y.text + sql.slice(x.end, y.start) + x.text + sql.slice(y.end);
    }
    case 'insert': {
      const at = m.at % (sql.length + 1);
      return sql.slice(0, at) + m.text + sql.slice(at);
    }
  }
}

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'truncate' as const), at: fc.nat(400) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(400), other: fc.nat(400) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(400), text: fc.string({ maxLength: 3 }) }),
);

const RUNS = { numRuns: 2000, seed: 20240601 };

describe('parser fuzzing', () => {
  it('returns a round-trippable AST or throws SqlSyntaxError for random token streams', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DIALECT_TOKENS), { maxLength: 30 }), (tokens) => checkParse(tokens.join(' '))),
      RUNS,
    );
  });

  it('does the same for random token streams that start with SELECT ... FROM', () => {
    const part = fc.array(fc.constantFrom(...DIALECT_TOKENS), { maxLength: 12 }).map((t) => t.join(' '));
    fc.assert(fc.property(part, part, (fields, rest) => checkParse(`SELECT ${fields} FROM demo ${rest}`)), RUNS);
  });

  it('does the same for valid SQL after up to three token mutations', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEED_SQL), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (sql, ms) => {
        let text = sql;
        for (const m of ms) text = mutate(text, m);
        checkParse(text);
      }),
      RUNS,
    );
  });

  it('throws only SqlSyntaxError for arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60, unit: 'binary' }), (text) => checkParse(text)), RUNS);
  });
});
