import type {
  Expr, GroupByItem, JoinClause, JoinType, SelectField, SelectStatement, SortField, SourceRef,
} from './ast';
import { isWildcardAhead, parseExpression, parseList, parseWildcard, span } from './expr-parser';
import type { TokenCursor } from './token-cursor';
import { isWindowAhead, parseWindow } from './window-parser';

const JOIN_TYPES: Readonly<Record<string, JoinType>> = {
  INNER: 'inner', LEFT: 'left', RIGHT: 'right', FULL: 'full', CROSS: 'cross',
};

/**
 * Parses `SELECT fields FROM source [joins] [WHERE] [GROUP BY] [HAVING] [ORDER BY] [LIMIT]`; the cursor is on
 * SELECT. Aliases need `AS`, as in eKuiper.
 *
 * @throws SqlSyntaxError on any syntax error
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html
 */
export function parseSelect(c: TokenCursor): SelectStatement {
  const start = c.expectWord('SELECT').start;
  const fields = parseList(c, () => parseField(c));
  if (!c.isWord('FROM')) c.fail(fields.at(-1)?.alias === undefined ? ['","', 'AS', 'FROM'] : ['","', 'FROM']);
  c.next();
  const from = parseSource(c);
  const joins: JoinClause[] = [];
  while (isJoinAhead(c)) joins.push(parseJoin(c));
  const where = c.acceptWord('WHERE') ? parseExpression(c) : undefined;
  let groupBy: GroupByItem[] = [];
  if (c.acceptWord('GROUP')) {
    c.expectWord('BY');
    groupBy = parseGroupBy(c);
  }
  const having = c.acceptWord('HAVING') ? parseExpression(c) : undefined;
  let orderBy: SortField[] = [];
  if (c.acceptWord('ORDER')) {
    c.expectWord('BY');
    orderBy = parseList(c, () => parseSortField(c));
  }
  let limit: number | undefined;
  if (c.acceptWord('LIMIT')) {
    const t = c.peek();
    if (t.kind !== 'number' || !/^\d+$/.test(t.value) || !Number.isSafeInteger(Number(t.value))) {
      const shown = t.kind === 'op' && t.value === '-' ? `-${c.peek(1).text}` : t.kind === 'eof' ? 'end of input' : t.text;
      c.failWith(`Invalid LIMIT ${JSON.stringify(shown)}`, ['a non-negative integer']);
    }
    c.next();
    limit = Number(t.value);
  }
  return {
    type: 'select_stmt', fields, from, joins, ...(where && { where }), groupBy, ...(having && { having }), orderBy,
    ...(limit !== undefined && { limit }), range: span(c, start),
  };
}

/** Clauses that may follow the part of a SELECT just parsed, for "Was expecting to see". */
export const SELECT_TAIL = ['WHERE', 'GROUP BY', 'HAVING', 'ORDER BY', 'LIMIT', 'end of input'];

function parseField(c: TokenCursor): SelectField {
  const start = c.peek().start;
  const expr: Expr = isWildcardAhead(c) ? parseWildcard(c, true) : parseExpression(c);
  let alias: string | undefined;
  if (c.acceptWord('AS')) {
    if (expr.type === 'wildcard') c.failWith('A wildcard cannot have an alias', ['","', 'FROM'], c.peek());
    alias = c.expectIdentifier('alias');
  }
  const invisible = c.acceptWord('INVISIBLE');
  return { type: 'select_field', expr, ...(alias !== undefined && { alias }), invisible, range: span(c, start) };
}

function parseSource(c: TokenCursor): SourceRef {
  const start = c.peek().start;
  const name = c.expectIdentifier('stream or table name');
  const alias = c.acceptWord('AS') ? c.expectIdentifier('alias') : undefined;
  return { type: 'source_ref', name, ...(alias !== undefined && { alias }), range: span(c, start) };
}

function isJoinAhead(c: TokenCursor): boolean {
  const t = c.peek();
  return t.kind === 'word' && (t.upper === 'JOIN' || JOIN_TYPES[t.upper] !== undefined);
}

function parseJoin(c: TokenCursor): JoinClause {
  const first = c.next();
  const joinType = first.upper === 'JOIN' ? 'inner' : (JOIN_TYPES[first.upper] as JoinType);
  if (first.upper !== 'JOIN') c.expectWord('JOIN');
  const source = parseSource(c);
  let on: Expr | undefined;
  if (c.isWord('ON')) {
    if (joinType === 'cross') c.failWith('CROSS JOIN takes no ON condition', ['WHERE', 'GROUP BY', 'end of input']);
    c.next();
    on = parseExpression(c);
  }
  return { type: 'join_clause', joinType, source, ...(on && { on }), range: span(c, first.start) };
}

function parseGroupBy(c: TokenCursor): GroupByItem[] {
  const items: GroupByItem[] = [];
  let windows = 0;
  do {
    if (isWindowAhead(c)) {
      const at = c.peek();
      const window = parseWindow(c);
      if (++windows > 1) c.failWith('GROUP BY allows only one window', ['one window per rule'], at);
      items.push(window);
    } else {
      items.push(parseExpression(c));
    }
  } while (c.acceptOp(','));
  return items;
}

function parseSortField(c: TokenCursor): SortField {
  const start = c.peek().start;
  const expr = parseExpression(c);
  let direction: 'asc' | 'desc' = 'asc';
  if (c.acceptWord('DESC')) direction = 'desc';
  else c.acceptWord('ASC');
  return { type: 'sort_field', expr, direction, range: span(c, start) };
}
