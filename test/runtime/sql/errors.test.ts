import { parse, SqlSyntaxError } from '../../../runtime/sql';

function errorOf(sql: string): SqlSyntaxError {
  try {
    parse(sql);
  } catch (e) {
    if (e instanceof SqlSyntaxError) return e;
    throw e;
  }
  throw new Error(`expected ${sql} to fail`);
}

describe('syntax errors', () => {
  it('fails with the full message: headline, expectation, position and caret excerpt', () => {
    expect(() => parse('SELECT FROM demo')).toThrow(
      'Syntax Error: Unexpected "FROM"\nWas expecting to see: expression\n--> 1:8\n  |\n1 | SELECT FROM demo\n  |        ^',
    );
  });

  it('fails with line and column of the offending token on a later line', () => {
    const e = errorOf('SELECT a\nFROM demo\nWHERE a >\n  AND b');
    expect(e).toMatchObject({ line: 4, column: 3, offset: 31, expected: ['expression'], reason: 'Unexpected "AND"' });
    expect(e.message).toBe(
      'Syntax Error: Unexpected "AND"\nWas expecting to see: expression\n--> 4:3\n  |\n4 |   AND b\n  |   ^',
    );
  });

  it('fails at end of input when the statement stops early', () => {
    expect(() => parse('SELECT a FROM demo WHERE')).toThrow(
      'Syntax Error: Unexpected end of input\nWas expecting to see: expression\n--> 1:25\n  |\n1 | SELECT a FROM demo WHERE\n  |                         ^',
    );
  });

  it('fails on a statement that does not start with a known keyword', () => {
    expect(() => parse('UPDATE s SET a = 1')).toThrow(
      'Syntax Error: Unexpected "UPDATE"\nWas expecting to see: SELECT, CREATE, DROP, DESCRIBE, SHOW\n--> 1:1',
    );
    expect(() => parse('')).toThrow('Syntax Error: Unexpected end of input\nWas expecting to see: SELECT, CREATE, DROP, DESCRIBE, SHOW');
  });

  it('fails on unterminated strings and comments at their opening position', () => {
    expect(() => parse("SELECT 'abc FROM demo")).toThrow(
      'Syntax Error: Unterminated string literal\nWas expecting to see: "\'"\n--> 1:8\n  |\n1 | SELECT \'abc FROM demo\n  |        ^',
    );
    expect(() => parse('SELECT a FROM demo /* x')).toThrow('Syntax Error: Unterminated comment\nWas expecting to see: "*/"\n--> 1:20');
  });

  it('fails on a missing closing parenthesis', () => {
    expect(() => parse('SELECT count(* FROM s')).toThrow('Syntax Error: Unexpected "FROM"\nWas expecting to see: ")"\n--> 1:16');
  });

  it('lists the clauses that may follow when trailing text is unexpected', () => {
    expect(() => parse('SELECT a FROM demo d')).toThrow(
      'Syntax Error: Unexpected "d"\nWas expecting to see: AS, JOIN, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, end of input\n--> 1:20',
    );
  });

  it('fails on nesting deeper than 256 levels instead of overflowing the stack', () => {
    const deep = `SELECT ${'('.repeat(300)}1${')'.repeat(300)} FROM s`;
    const e = errorOf(deep);
    expect(e.reason).toBe('Expression nested too deeply (more than 256 levels)');
    expect(e.column).toBe(264);
    expect(() => parse(`SELECT ${'NOT '.repeat(1000)}a FROM s`)).toThrow('Expression nested too deeply');
    expect(() => parse(`SELECT ${'f('.repeat(1000)} FROM s`)).toThrow('Expression nested too deeply');
  });

  it('accepts 200 levels of nesting and long operator chains', () => {
    expect(parse(`SELECT ${'('.repeat(200)}1${')'.repeat(200)} FROM s`)).toMatchObject({ type: 'select_stmt' });
    const chain = Array.from({ length: 3000 }, (_, i) => `a = ${i}`).join(' OR ');
    expect(parse(`SELECT a FROM s WHERE ${chain}`)).toMatchObject({ where: { operator: 'OR' } });
  });

  it('fails on more than 4096 chained operators', () => {
    expect(() => parse(`SELECT ${Array(5000).fill('a').join(' + ')} FROM s`)).toThrow(
      'Syntax Error: Too many chained operators (more than 4096)',
    );
  });

  it('shows a window of a long line with the caret under the offending token', () => {
    const sql = `SELECT ${Array.from({ length: 40 }, (_, i) => `col${i}`).join(', ')} FROM s WHERE ) AND more_text_after_it`;
    const e = errorOf(sql);
    const [, , , , line, caret] = e.message.split('\n');
    expect(line?.length).toBeLessThanOrEqual(4 + 86);
    expect(line?.slice(4).startsWith('...')).toBe(true);
    const col = (caret ?? '').indexOf('^');
    expect(line?.[col]).toBe(')');
  });
});
