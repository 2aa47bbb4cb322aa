import type { Expr, Node, NodeType, NumberLiteral, WindowExpr } from './ast';
import { BINARY_PRECEDENCE, Precedence, isSimpleIdentifier } from './token';
import { WINDOW_NAMES } from './window-parser';

/** Printer options. */
export interface ShowOptions {
  /**
   * Wrap every operator expression in parentheses (`5 + 2 * 3` gives `(5 + (2 * 3))`), to make precedence visible.
   * @default false (only the parentheses needed to keep the tree)
   */
  readonly parenthesizeAll?: boolean;
}

type PrinterMap = { [K in NodeType]: (node: Extract<Node, { type: K }>, p: Printer) => string };

interface Printer {
  expr(e: Expr, minPrec: number): string;
  node(n: Node): string;
}

/**
 * Prints an AST node as canonical SQL: keywords upper case, one space around binary operators, strings in double
 * quotes, identifiers backquoted when needed, windows upper case, `a.b.c` as `a.b->c`. Parsing the result gives an
 * equal AST (ignoring `range`).
 *
 * Limitation: an `IN` set operand that is itself an operator expression (only possible in code-built trees) prints
 * in parentheses and so re-parses as a one-element list.
 *
 * @param node any node, usually a statement or expression from `parse`/`parseExpr`
 * @param options printer options
 * @default options {}
 */
export function show(node: Node, options: ShowOptions = {}): string {
  const all = options.parenthesizeAll === true;
  const p: Printer = {
    node: (n) => (PRINTERS[n.type] as (n: Node, p: Printer) => string)(n, p),
    expr: (e, minPrec) => {
      const s = p.node(e);
      const prec = precedenceOf(e);
      const wrap = prec < minPrec || (all && prec < Precedence.PRIMARY && minPrec > Precedence.LOWEST);
      return wrap ? `(${s})` : s;
    },
  };
  const top = p.node(node);
  return all && isExpr(node) && precedenceOf(node) < Precedence.PRIMARY ? `(${top})` : top;
}

/** Quotes an identifier with backquotes unless it is a plain non-reserved word. */
export function showIdentifier(name: string): string {
  return isSimpleIdentifier(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** Prints a string literal in double quotes with backslash escapes. */
export function showString(value: string): string {
  return `"${value.replace(/[\\"\n\r\t\b\f\v\0]/g, (ch) => ESCAPES[ch] as string)}"`;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\0': '\\0',
};

function showNumber(n: NumberLiteral): string {
  const v = n.value;
  let s: string;
  if (Object.is(v, -0)) s = '-0';
  else if (!n.isFloat && Number.isInteger(v) && Math.abs(v) >= 1e21) s = BigInt(v).toString();
  else s = String(v);
  return n.isFloat && !/[.e]/.test(s) ? `${s}.0` : s;
}

const EXPR_TYPES = new Set<NodeType>([
  'number_literal', 'string_literal', 'boolean_literal', 'null_literal', 'field_ref', 'wildcard', 'member_expr',
  'index_expr', 'slice_expr', 'binary_expr', 'unary_expr', 'like_expr', 'in_expr', 'between_expr', 'case_expr',
  'call_expr',
]);

function isExpr(n: Node): n is Expr {
  return EXPR_TYPES.has(n.type);
}

/** The {@link Precedence} level an expression prints at. */
function precedenceOf(e: Expr): number {
  switch (e.type) {
    case 'binary_expr':
      return BINARY_PRECEDENCE[e.operator] as number;
    case 'unary_expr':
      return e.operator === 'NOT' ? Precedence.NOT : Precedence.UNARY;
    case 'like_expr':
    case 'in_expr':
    case 'between_expr':
      return Precedence.COMPARISON;
    case 'member_expr':
    case 'index_expr':
    case 'slice_expr':
      return Precedence.POSTFIX;
    case 'number_literal':
      return e.value < 0 || Object.is(e.value, -0) ? Precedence.UNARY : Precedence.PRIMARY;
    default:
      return Precedence.PRIMARY;
  }
}

const list = (p: Printer, nodes: readonly Node[]): string => nodes.map((n) => p.node(n)).join(', ');
const exprs = (p: Printer, nodes: readonly Expr[]): string => nodes.map((n) => p.expr(n, Precedence.LOWEST)).join(', ');
const not = (flag: boolean): string => (flag ? 'NOT ' : '');

function showCallName(name: string): string {
  return WINDOW_NAMES[name.toUpperCase()] !== undefined ? `\`${name}\`` : showIdentifier(name);
}

function showWindow(w: WindowExpr, p: Printer): string {
  const name = Object.keys(WINDOW_NAMES).find((k) => WINDOW_NAMES[k] === w.windowType) as string;
  const args: string[] = [];
  if (w.windowType === 'state') {
    args.push(p.expr(w.begin as Expr, 0));
    if (w.emit) args.push(p.expr(w.emit, 0));
  } else {
    if (w.unit !== undefined) args.push(w.unit);
    args.push(String(w.length));
    if (w.interval !== undefined) args.push(String(w.interval));
  }
  let s = `${name}(${args.join(', ')})`;
  if (w.trigger) s += ` OVER (WHEN ${p.expr(w.trigger, 0)})`;
  if (w.filter) s += ` FILTER (WHERE ${p.expr(w.filter, 0)})`;
  return s;
}

const PRINTERS: PrinterMap = {
  number_literal: showNumber,
  string_literal: (n) => showString(n.value),
  boolean_literal: (n) => (n.value ? 'true' : 'false'),
  null_literal: () => 'NULL',
  field_ref: (n) => (n.stream !== undefined ? `${showIdentifier(n.stream)}.` : '') + showIdentifier(n.name),
  wildcard: (n, p) => {
    let s = n.stream !== undefined ? `${showIdentifier(n.stream)}.*` : '*';
    if (n.except.length > 0) s += ` EXCEPT(${n.except.map(showIdentifier).join(', ')})`;
    if (n.replace.length > 0) s += ` REPLACE(${list(p, n.replace)})`;
    return s;
  },
  wildcard_replace: (n, p) => `${p.expr(n.expr, 0)} AS ${showIdentifier(n.alias)}`,
  member_expr: (n, p) => `${p.expr(n.object, Precedence.POSTFIX)}->${showIdentifier(n.property)}`,
  index_expr: (n, p) => `${p.expr(n.object, Precedence.POSTFIX)}[${p.expr(n.index, 0)}]`,
  slice_expr: (n, p) =>
    `${p.expr(n.object, Precedence.POSTFIX)}[${n.start ? p.expr(n.start, 0) : ''}:${n.end ? p.expr(n.end, 0) : ''}]`,
  binary_expr: (n, p) => {
    const prec = BINARY_PRECEDENCE[n.operator] as number;
    return `${p.expr(n.left, prec)} ${n.operator} ${p.expr(n.right, prec + 1)}`;
  },
  unary_expr: (n, p) => {
    if (n.operator === 'NOT') return `NOT ${p.expr(n.operand, Precedence.NOT)}`;
    const operand = n.operand.type === 'number_literal' ? `(${p.node(n.operand)})` : p.expr(n.operand, Precedence.UNARY);
    return /^[-+]/.test(operand) ? `${n.operator} ${operand}` : `${n.operator}${operand}`;
  },
  like_expr: (n, p) =>
    `${p.expr(n.expr, Precedence.COMPARISON)} ${not(n.not)}LIKE ${p.expr(n.pattern, Precedence.COMPARISON + 1)}`,
  in_expr: (n, p) => {
    const target = n.list !== undefined ? `(${exprs(p, n.list)})` : p.expr(n.set as Expr, Precedence.UNARY);
    return `${p.expr(n.expr, Precedence.COMPARISON)} ${not(n.not)}IN ${target}`;
  },
  between_expr: (n, p) =>
    `${p.expr(n.expr, Precedence.COMPARISON)} ${not(n.not)}BETWEEN ` +
    `${p.expr(n.low, Precedence.COMPARISON + 1)} AND ${p.expr(n.high, Precedence.COMPARISON + 1)}`,
  case_when: (n, p) => `WHEN ${p.expr(n.when, 0)} THEN ${p.expr(n.then, 0)}`,
  case_expr: (n, p) =>
    ['CASE', ...(n.operand ? [p.expr(n.operand, 0)] : []), ...n.whens.map((w) => p.node(w)),
      ...(n.else ? ['ELSE', p.expr(n.else, 0)] : []), 'END'].join(' '),
  over_clause: (n, p) => {
    const parts: string[] = [];
    if (n.partitionBy.length > 0) parts.push(`PARTITION BY ${exprs(p, n.partitionBy)}`);
    if (n.when) parts.push(`WHEN ${p.expr(n.when, 0)}`);
    return `OVER (${parts.join(' ')})`;
  },
  call_expr: (n, p) => {
    let s = `${showCallName(n.name)}(${exprs(p, n.args)})`;
    if (n.filter) s += ` FILTER (WHERE ${p.expr(n.filter, 0)})`;
    if (n.over) s += ` ${p.node(n.over)}`;
    return s;
  },
  window_expr: showWindow,
  select_field: (n, p) =>
    p.expr(n.expr, 0) + (n.alias !== undefined ? ` AS ${showIdentifier(n.alias)}` : '') + (n.invisible ? ' INVISIBLE' : ''),
  source_ref: (n) => showIdentifier(n.name) + (n.alias !== undefined ? ` AS ${showIdentifier(n.alias)}` : ''),
  join_clause: (n, p) =>
    `${n.joinType.toUpperCase()} JOIN ${p.node(n.source)}` + (n.on ? ` ON ${p.expr(n.on, 0)}` : ''),
  sort_field: (n, p) => `${p.expr(n.expr, 0)} ${n.direction.toUpperCase()}`,
  select_stmt: (n, p) => {
    const parts = [`SELECT ${list(p, n.fields)}`, `FROM ${p.node(n.from)}`, ...n.joins.map((j) => p.node(j))];
    if (n.where) parts.push(`WHERE ${p.expr(n.where, 0)}`);
    if (n.groupBy.length > 0) parts.push(`GROUP BY ${list(p, n.groupBy)}`);
    if (n.having) parts.push(`HAVING ${p.expr(n.having, 0)}`);
    if (n.orderBy.length > 0) parts.push(`ORDER BY ${list(p, n.orderBy)}`);
    if (n.limit !== undefined) parts.push(`LIMIT ${n.limit}`);
    return parts.join(' ');
  },
  data_type: (n, p) => {
    const name = n.name.toUpperCase();
    if (n.name === 'array') return `${name}(${n.elementType ? p.node(n.elementType) : ''})`;
    if (n.name === 'struct') return `${name}(${list(p, n.fields ?? [])})`;
    return name;
  },
  column_def: (n, p) => `${showIdentifier(n.name)} ${p.node(n.dataType)}`,
  stream_option: (n) => `${showIdentifier(n.key)}=${showString(n.value)}`,
  create_stmt: (n, p) => {
    const s = `CREATE ${n.kind.toUpperCase()} ${showIdentifier(n.name)} (${list(p, n.columns)})`;
    return n.options.length > 0 ? `${s} WITH (${list(p, n.options)})` : s;
  },
  drop_stmt: (n) => `DROP ${n.kind.toUpperCase()} ${showIdentifier(n.name)}`,
  describe_stmt: (n) => `DESCRIBE ${n.kind.toUpperCase()} ${showIdentifier(n.name)}`,
  show_stmt: (n) => `SHOW ${n.kind.toUpperCase()}S`,
};
