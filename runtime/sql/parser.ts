import type { Expr, SelectStatement, Statement } from './ast';
import { parseCreate, parseDescribe, parseDrop, parseShow } from './ddl-parser';
import { parseExpression } from './expr-parser';
import { SELECT_TAIL, parseSelect } from './select-parser';
import { TokenCursor } from './token-cursor';

const STATEMENT_STARTS = ['SELECT', 'CREATE', 'DROP', 'DESCRIBE', 'SHOW'];

/**
 * Parses one statement of eKuiper's SQL dialect: SELECT, `CREATE STREAM|TABLE`, `DROP`, `DESCRIBE`, `SHOW`.
 * A trailing `;` is allowed. Keywords are case-insensitive; identifiers keep their case.
 *
 * @param sql the statement text
 * @returns the typed AST; every node carries its source `range`
 * @throws SqlSyntaxError (the only error it throws) with the 1-based line and column of the offending token, what
 *   was expected, and a caret excerpt
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html
 */
export function parse(sql: string): Statement {
  const c = new TokenCursor(sql);
  const t = c.peek();
  let stmt: Statement;
  let tail: readonly string[] = ['end of input'];
  switch (t.kind === 'word' ? t.upper : '') {
    case 'SELECT':
      stmt = parseSelect(c);
      tail = tailAfterSelect(stmt);
      break;
    case 'CREATE':
      stmt = parseCreate(c);
      if (stmt.options.length === 0) tail = ['WITH', 'end of input'];
      break;
    case 'DROP':
      stmt = parseDrop(c);
      break;
    case 'DESCRIBE':
      stmt = parseDescribe(c);
      break;
    case 'SHOW':
      stmt = parseShow(c);
      break;
    default:
      return c.fail(STATEMENT_STARTS);
  }
  c.acceptOp(';');
  if (c.peek().kind !== 'eof') c.fail(tail);
  return stmt;
}

/**
 * Parses a standalone expression, e.g. a rule condition: `temperature > 50 AND color = "red"`.
 * @throws SqlSyntaxError on a syntax error or trailing text
 */
export function parseExpr(sql: string): Expr {
  const c = new TokenCursor(sql);
  const expr = parseExpression(c);
  if (c.peek().kind !== 'eof') c.fail(['an operator', 'end of input']);
  return expr;
}

function tailAfterSelect(stmt: SelectStatement): readonly string[] {
  if (stmt.limit !== undefined) return ['end of input'];
  if (stmt.orderBy.length > 0) return ['","', 'LIMIT', 'end of input'];
  if (stmt.having) return ['ORDER BY', 'LIMIT', 'end of input'];
  if (stmt.groupBy.length > 0) return ['","', 'HAVING', 'ORDER BY', 'LIMIT', 'end of input'];
  if (stmt.where) return SELECT_TAIL.slice(1);
  if (stmt.joins.length > 0) return ['JOIN', ...SELECT_TAIL];
  return ['AS', 'JOIN', ...SELECT_TAIL].slice(stmt.from.alias === undefined ? 0 : 1);
}
