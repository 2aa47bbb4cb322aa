import type { Node, NodeType } from './ast';

/** What a visitor callback may return: {@link SKIP} prunes the node's subtree. */
export const SKIP = Symbol('SKIP');

/** Return value of a visitor callback. */
export type VisitorAction = typeof SKIP | void;

/**
 * One callback per node kind. A mapped type over `Node['type']`, so adding a node kind to `ast.ts` fails to compile
 * until every full map (such as the child enumeration below and the printer) handles it.
 */
export type FullVisitorMap = { [K in NodeType]: (node: Extract<Node, { type: K }>) => VisitorAction };

/** Any subset of {@link FullVisitorMap}. */
export type VisitorMap = Partial<FullVisitorMap>;

type ChildrenMap = { [K in NodeType]: (node: Extract<Node, { type: K }>) => ReadonlyArray<Node | undefined> };

const CHILDREN: ChildrenMap = {
  number_literal: () => [],
  string_literal: () => [],
  boolean_literal: () => [],
  null_literal: () => [],
  field_ref: () => [],
  wildcard: (n) => n.replace,
  wildcard_replace: (n) => [n.expr],
  member_expr: (n) => [n.object],
  index_expr: (n) => [n.object, n.index],
  slice_expr: (n) => [n.object, n.start, n.end],
  binary_expr: (n) => [n.left, n.right],
  unary_expr: (n) => [n.operand],
  like_expr: (n) => [n.expr, n.pattern],
  in_expr: (n) => [n.expr, ...(n.list ?? []), n.set],
  between_expr: (n) => [n.expr, n.low, n.high],
  case_when: (n) => [n.when, n.then],
  case_expr: (n) => [n.operand, ...n.whens, n.else],
  over_clause: (n) => [...n.partitionBy, n.when],
  call_expr: (n) => [...n.args, n.filter, n.over],
  window_expr: (n) => [n.begin, n.emit, n.trigger, n.filter],
  select_field: (n) => [n.expr],
  source_ref: () => [],
  join_clause: (n) => [n.source, n.on],
  sort_field: (n) => [n.expr],
  select_stmt: (n) => [...n.fields, n.from, ...n.joins, n.where, ...n.groupBy, n.having, ...n.orderBy],
  data_type: (n) => [n.elementType, ...(n.fields ?? [])],
  column_def: (n) => [n.dataType],
  stream_option: () => [],
  create_stmt: (n) => [...n.columns, ...n.options],
  drop_stmt: () => [],
  describe_stmt: () => [],
  show_stmt: () => [],
};

/** The direct child nodes of `node`, in source order. */
export function childrenOf(node: Node): Node[] {
  const list = (CHILDREN[node.type] as (n: Node) => ReadonlyArray<Node | undefined>)(node);
  return list.filter((n): n is Node => n !== undefined);
}

/**
 * Visits `node` and its descendants depth-first in source order (pre-order), calling the callback for each node's
 * `type` when `map` has one. A callback returning {@link SKIP} prevents the walk from entering that node's children.
 * Iterative, so deep trees cannot overflow the call stack.
 *
 * @example walk(stmt, { call_expr: (call) => { names.push(call.name); } })
 */
export function walk(node: Node, map: VisitorMap): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Node;
    const visit = map[current.type] as ((n: Node) => VisitorAction) | undefined;
    if (visit?.(current) === SKIP) continue;
    const kids = childrenOf(current);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
}
