import type {
  BinaryOperator, CallExpr, CaseExpr, CaseWhen, Expr, FieldRef, NumberLiteral, OverClause, Range, Wildcard, WildcardReplace,
} from './ast';
import { BINARY_PRECEDENCE, MAX_OPERATOR_CHAIN, Precedence, type Token } from './token';
import type { TokenCursor } from './token-cursor';

/** What an infix or postfix operator at the cursor binds with, and how to parse it given its left operand. */
interface Infix {
  readonly prec: number;
  readonly parse: (c: TokenCursor, left: Expr) => Expr;
}

const EXPRESSION = 'expression';

/**
 * Pratt parser: parses an expression whose operators all bind tighter than `minPrec` (see `Precedence` in
 * `token.ts`), leaving the cursor on the first token it does not use.
 *
 * @param minPrec operators at or below this level end the expression
 * @default minPrec Precedence.LOWEST (parse everything)
 * @throws SqlSyntaxError on a malformed expression or nesting beyond `MAX_NESTING_DEPTH`
 */
export function parseExpression(c: TokenCursor, minPrec: number = Precedence.LOWEST): Expr {
  return c.nested(() => {
    let left = parsePrefix(c);
    for (let chain = 0; ; chain++) {
      const infix = infixAt(c);
      if (infix === undefined || infix.prec <= minPrec) return left;
      if (chain >= MAX_OPERATOR_CHAIN) {
        c.failWith(`Too many chained operators (more than ${MAX_OPERATOR_CHAIN})`, ['a shorter expression']);
      }
      left = infix.parse(c, left);
    }
  });
}

/** `[start, end of last consumed token)`. */
export function span(c: TokenCursor, start: number): Range {
  return [start, c.lastEnd];
}

function startOf(e: Expr): number {
  return e.range?.[0] ?? 0;
}

function infixAt(c: TokenCursor): Infix | undefined {
  const t = c.peek();
  if (t.kind === 'op') {
    if (t.value === '->' || t.value === '.') return { prec: Precedence.POSTFIX, parse: parseMember };
    if (t.value === '[') return { prec: Precedence.POSTFIX, parse: parseSubscript };
    const prec = BINARY_PRECEDENCE[t.value];
    return prec === undefined ? undefined : { prec, parse: parseBinary };
  }
  if (t.kind !== 'word') return undefined;
  switch (t.upper) {
    case 'AND':
    case 'OR':
      return { prec: BINARY_PRECEDENCE[t.upper] as number, parse: parseBinary };
    case 'LIKE':
    case 'IN':
    case 'BETWEEN':
      return { prec: Precedence.COMPARISON, parse: parsePredicate };
    case 'NOT': {
      const after = c.peek(1);
      const negatable = after.kind === 'word' && ['LIKE', 'IN', 'BETWEEN'].includes(after.upper);
      return negatable ? { prec: Precedence.COMPARISON, parse: parsePredicate } : undefined;
    }
    default:
      return undefined;
  }
}

function parseBinary(c: TokenCursor, left: Expr): Expr {
  const op = c.next();
  const operator = (op.kind === 'word' ? op.upper : op.value) as BinaryOperator;
  const right = parseExpression(c, BINARY_PRECEDENCE[operator] as number);
  return { type: 'binary_expr', operator, left, right, range: span(c, startOf(left)) };
}

/** `[NOT] LIKE p`, `[NOT] IN (...)`, `[NOT] IN arr`, `[NOT] BETWEEN a AND b`. */
function parsePredicate(c: TokenCursor, expr: Expr): Expr {
  const not = c.acceptWord('NOT');
  const kw = c.next().upper;
  const start = startOf(expr);
  if (kw === 'LIKE') {
    const pattern = parseExpression(c, Precedence.COMPARISON);
    return { type: 'like_expr', expr, pattern, not, range: span(c, start) };
  }
  if (kw === 'BETWEEN') {
    const low = parseExpression(c, Precedence.COMPARISON);
    c.expectWord('AND');
    const high = parseExpression(c, Precedence.COMPARISON);
    return { type: 'between_expr', expr, low, high, not, range: span(c, start) };
  }
  if (c.acceptOp('(')) {
    const list = parseList(c, () => parseExpression(c));
    c.expectOp(')');
    return { type: 'in_expr', expr, list, not, range: span(c, start) };
  }
  if (c.isWord('NOT')) c.fail(['"("', 'an array expression']);
  const set = parseExpression(c, Precedence.UNARY);
  return { type: 'in_expr', expr, set, not, range: span(c, start) };
}

/** `a->b` and `a.b` (after a stream-qualified column): nested struct access. */
function parseMember(c: TokenCursor, object: Expr): Expr {
  c.next();
  const t = c.peek();
  if (t.kind !== 'word' && t.kind !== 'quoted') c.fail(['field name']);
  c.next();
  return { type: 'member_expr', object, property: t.value, range: span(c, startOf(object)) };
}

/** `a[i]`, `a[s:e]`, `a[:e]`, `a[s:]`, `a[:]`. */
function parseSubscript(c: TokenCursor, object: Expr): Expr {
  c.next();
  const start = startOf(object);
  if (c.acceptOp(':')) return finishSlice(c, object, start, undefined);
  const index = parseExpression(c);
  if (c.acceptOp(':')) return finishSlice(c, object, start, index);
  if (!c.isOp(']')) c.fail(['"]"', '":"']);
  c.next();
  return { type: 'index_expr', object, index, range: span(c, start) };
}

function finishSlice(c: TokenCursor, object: Expr, start: number, from: Expr | undefined): Expr {
  const end = c.isOp(']') ? undefined : parseExpression(c);
  c.expectOp(']');
  return {
    type: 'slice_expr', object, ...(from && { start: from }), ...(end && { end }), range: span(c, start),
  };
}

function parsePrefix(c: TokenCursor): Expr {
  const t = c.peek();
  const start = t.start;
  switch (t.kind) {
    case 'number':
      c.next();
      return numberLiteral(t, false, span(c, start));
    case 'string':
      c.next();
      return { type: 'string_literal', value: t.value, range: span(c, start) };
    case 'quoted':
      return parseNameOrCall(c);
    case 'word':
      return parseWordPrefix(c, t);
    case 'op':
      if (t.value === '(') {
        c.next();
        const inner = parseExpression(c);
        c.expectOp(')');
        return inner;
      }
      if (t.value === '-' || t.value === '+') {
        c.next();
        const after = c.peek();
        if (t.value === '-' && after.kind === 'number') {
          c.next();
          return numberLiteral(after, true, span(c, start));
        }
        const operand = parseExpression(c, Precedence.UNARY);
        return { type: 'unary_expr', operator: t.value, operand, range: span(c, start) };
      }
      return c.fail([EXPRESSION]);
    default:
      return c.fail([EXPRESSION]);
  }
}

function numberLiteral(t: Token, negative: boolean, range: Range): NumberLiteral {
  const value = Number(t.value);
  return { type: 'number_literal', value: negative ? -value : value, isFloat: /[.eE]/.test(t.value), range };
}

function parseWordPrefix(c: TokenCursor, t: Token): Expr {
  const start = t.start;
  switch (t.upper) {
    case 'TRUE':
    case 'FALSE':
      c.next();
      return { type: 'boolean_literal', value: t.upper === 'TRUE', range: span(c, start) };
    case 'NULL':
      c.next();
      return { type: 'null_literal', range: span(c, start) };
    case 'CASE':
      return parseCase(c);
    case 'NOT': {
      c.next();
      const operand = parseExpression(c, Precedence.NOT);
      return { type: 'unary_expr', operator: 'NOT', operand, range: span(c, start) };
    }
    default:
      if (!c.isIdentifier()) c.fail([EXPRESSION]);
      return parseNameOrCall(c);
  }
}

/** `name`, `stream.name`, or `name(args) [FILTER (WHERE ..)] [OVER (..)]`. */
function parseNameOrCall(c: TokenCursor): Expr {
  const first = c.next();
  const start = first.start;
  if (c.isOp('(')) return parseCall(c, first);
  if (c.isOp('.') && (c.peek(1).kind === 'word' || c.peek(1).kind === 'quoted')) {
    c.next();
    const name = c.next().value;
    const ref: FieldRef = { type: 'field_ref', name, stream: first.value, range: span(c, start) };
    return ref;
  }
  if (c.isOp('.') && c.isOp('*', 1)) c.fail(['field name'], c.peek(1));
  return { type: 'field_ref', name: first.value, range: span(c, start) };
}

function parseCall(c: TokenCursor, nameToken: Token): CallExpr {
  c.expectOp('(');
  const args: Expr[] = [];
  if (!c.isOp(')')) {
    args.push(...parseList(c, () => (isWildcardAhead(c) ? parseWildcard(c, false) : parseExpression(c))));
  }
  c.expectOp(')');
  let filter: Expr | undefined;
  if (c.isWord('FILTER') && c.isOp('(', 1)) filter = parseFilter(c);
  let over: OverClause | undefined;
  if (c.isWord('OVER') && c.isOp('(', 1)) over = parseOver(c, true);
  return {
    type: 'call_expr', name: nameToken.value, args, ...(filter && { filter }), ...(over && { over }),
    range: span(c, nameToken.start),
  };
}

/** `FILTER (WHERE cond)`; the cursor is on FILTER. */
export function parseFilter(c: TokenCursor): Expr {
  c.expectWord('FILTER');
  c.expectOp('(');
  c.expectWord('WHERE');
  const cond = parseExpression(c);
  c.expectOp(')');
  return cond;
}

/**
 * `OVER ([PARTITION BY e, ...] [WHEN cond])`; the cursor is on OVER.
 * @param allowPartition false for a sliding window's `OVER (WHEN cond)`
 */
export function parseOver(c: TokenCursor, allowPartition: boolean): OverClause {
  const start = c.expectWord('OVER').start;
  c.expectOp('(');
  const partitionBy: Expr[] = [];
  if (allowPartition && c.acceptWord('PARTITION')) {
    c.expectWord('BY');
    partitionBy.push(...parseList(c, () => parseExpression(c)));
  }
  let when: Expr | undefined;
  if (c.acceptWord('WHEN')) when = parseExpression(c);
  if (!c.isOp(')')) c.fail(allowPartition && partitionBy.length === 0 ? ['PARTITION BY', 'WHEN', '")"'] : ['WHEN', '")"']);
  c.next();
  return { type: 'over_clause', partitionBy, ...(when && { when }), range: span(c, start) };
}

function parseCase(c: TokenCursor): CaseExpr {
  const start = c.expectWord('CASE').start;
  const operand = c.isWord('WHEN') ? undefined : parseExpression(c);
  const whens: CaseWhen[] = [];
  while (c.isWord('WHEN')) {
    const armStart = c.next().start;
    const when = parseExpression(c);
    c.expectWord('THEN');
    const then = parseExpression(c);
    whens.push({ type: 'case_when', when, then, range: span(c, armStart) });
  }
  if (whens.length === 0) c.fail(['WHEN']);
  const elseExpr = c.acceptWord('ELSE') ? parseExpression(c) : undefined;
  if (!c.isWord('END')) c.fail(elseExpr === undefined ? ['WHEN', 'ELSE', 'END'] : ['END']);
  c.next();
  return {
    type: 'case_expr', ...(operand && { operand }), whens, ...(elseExpr && { else: elseExpr }), range: span(c, start),
  };
}

/** True when a wildcard (`*` or `stream.*`) starts at the cursor. */
export function isWildcardAhead(c: TokenCursor): boolean {
  return c.isOp('*') || (c.isIdentifier() && c.isOp('.', 1) && c.isOp('*', 2));
}

/**
 * `*`, `stream.*`, and in a SELECT list also `* EXCEPT(a, b)` and `* REPLACE(expr AS name, ...)`.
 * @param allowModifiers accept EXCEPT and REPLACE (SELECT list only)
 */
export function parseWildcard(c: TokenCursor, allowModifiers: boolean): Wildcard {
  const start = c.peek().start;
  let stream: string | undefined;
  if (!c.isOp('*')) {
    stream = c.next().value;
    c.expectOp('.');
  }
  c.expectOp('*');
  let except: string[] = [];
  let replace: WildcardReplace[] = [];
  for (;;) {
    if (allowModifiers && except.length === 0 && c.isWord('EXCEPT') && c.isOp('(', 1)) {
      c.next();
      c.next();
      except = parseList(c, () => c.expectIdentifier('column name'));
      c.expectOp(')');
    } else if (allowModifiers && replace.length === 0 && c.isWord('REPLACE') && c.isOp('(', 1)) {
      c.next();
      c.next();
      replace = parseList(c, () => parseReplaceItem(c));
      c.expectOp(')');
    } else {
      break;
    }
  }
  return { type: 'wildcard', ...(stream !== undefined && { stream }), except, replace, range: span(c, start) };
}

function parseReplaceItem(c: TokenCursor): WildcardReplace {
  const start = c.peek().start;
  const expr = parseExpression(c);
  c.expectWord('AS');
  const alias = c.expectIdentifier('alias');
  return { type: 'wildcard_replace', expr, alias, range: span(c, start) };
}

/** Parses `item (, item)*`. */
export function parseList<T>(c: TokenCursor, item: () => T): T[] {
  const items = [item()];
  while (c.acceptOp(',')) items.push(item());
  return items;
}
