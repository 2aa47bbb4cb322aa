import { parse, parseExpr, show, type Node } from '../../../runtime/sql';

/** Deep copy of an AST without `range` fields, for comparing trees parsed from different text. */
export function stripRanges<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'range' ? undefined : v))) as T;
}

/** Prints an expression with every operator parenthesized: `5 + 2 * 3` gives `(5 + (2 * 3))`. */
export function showPrecedence(sql: string): string {
  return show(parseExpr(sql), { parenthesizeAll: true });
}

/** Parses `sql`, prints it, parses the print again and returns both trees (ranges stripped) and the print. */
export function roundTrip(sql: string): { first: Node; second: Node; printed: string } {
  const first = parse(sql);
  const printed = show(first);
  return { first: stripRanges(first), second: stripRanges(parse(printed)), printed };
}
