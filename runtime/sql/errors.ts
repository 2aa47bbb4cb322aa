/**
 * The one error the SQL front-end throws.
 *
 * The message follows sql-parser-cst's `FormattedSyntaxError`:
 * ```
 * Syntax Error: Unexpected "FROM"
 * Was expecting to see: expression
 * --> 1:8
 *   |
 * 1 | SELECT FROM demo
 *   |        ^
 * ```
 */

/** Line and column (both 1-based) of a character offset. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Computes the 1-based line and column of `offset` in `source` (`\n` ends a line). */
export function positionAt(source: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(Math.max(offset, 0), source.length);
  for (let i = 0; i < stop; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: stop - lineStart + 1 };
}

/** Longest source excerpt shown under an error, in characters. */
const MAX_EXCERPT = 80;

/** Builds the caret excerpt: the source line of `offset` and a `^` under its column. */
function excerpt(source: string, offset: number, pos: SourcePosition): string {
  const lineStart = offset - (pos.column - 1);
  let lineEnd = source.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = source.length;
  let text = source.slice(lineStart, lineEnd).replace(/\r$/, '').replace(/\t/g, ' ');
  let caret = pos.column - 1;
  if (text.length > MAX_EXCERPT) {
    // Show a window of the long line around the column, marking the cut ends with "...".
    const from = Math.max(0, Math.min(caret - MAX_EXCERPT / 2, text.length - MAX_EXCERPT));
    const head = from > 0 ? '...' : '';
    const tail = from + MAX_EXCERPT < text.length ? '...' : '';
    text = head + text.slice(from, from + MAX_EXCERPT) + tail;
    caret = caret - from + head.length;
  }
  const gutter = ' '.repeat(String(pos.line).length);
  return `${gutter} |\n${pos.line} | ${text}\n${gutter} | ${' '.repeat(caret)}^`;
}

/**
 * A syntax error in SQL text, thrown by `parse`, `parseExpr` and `tokenize`.
 * `line` and `column` are 1-based and point at the offending token; `offset` is its 0-based character offset.
 */
export class SqlSyntaxError extends Error {
  override readonly name = 'SqlSyntaxError';
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  /** What the parser would have accepted at this point (`expression`, `")"`, `FROM`); may be empty. */
  readonly expected: readonly string[];
  /** The headline without the position and excerpt, e.g. `Unexpected "FROM"`. */
  readonly reason: string;

  /**
   * @param reason headline, e.g. `Unexpected "FROM"` or `Unterminated string literal`
   * @param source the whole SQL text
   * @param offset 0-based offset of the offending token
   * @param expected what would have been accepted there
   */
  constructor(reason: string, source: string, offset: number, expected: readonly string[] = []) {
    const pos = positionAt(source, offset);
    const lines = [`Syntax Error: ${reason}`];
    if (expected.length > 0) lines.push(`Was expecting to see: ${expected.join(', ')}`);
    lines.push(`--> ${pos.line}:${pos.column}`, excerpt(source, Math.min(offset, source.length), pos));
    super(lines.join('\n'));
    this.reason = reason;
    this.line = pos.line;
    this.column = pos.column;
    this.offset = offset;
    this.expected = expected;
  }
}
