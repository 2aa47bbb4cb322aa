import { positionAt, SqlSyntaxError, walk, type Node, type Range } from '../../runtime/sql';
import { SqlLocation } from './rule-validation-error';

/** A problem in a SQL text, placed at a line and column when possible. */
export interface SqlDiagnostic {
  readonly problem: string;
  readonly location?: SqlLocation;
  /** The source line and a caret under the column. */
  readonly excerpt?: string;
}

/** Builds the `|`-gutter excerpt of the line at `offset` with a caret, as the SQL front-end's own errors do. */
function caretExcerpt(sql: string, offset: number): string {
  const { line, column } = positionAt(sql, offset);
  const start = offset - (column - 1);
  const end = sql.indexOf('\n', start);
  const text = sql.slice(start, end < 0 ? sql.length : end).replace(/\r$/, '');
  const gutter = ' '.repeat(String(line).length);
  return `${gutter} |\n${line} | ${text}\n${gutter} | ${' '.repeat(column - 1)}^`;
}

/** A diagnostic for a {@link SqlSyntaxError}: its reason, expectation, position and excerpt. */
export function syntaxDiagnostic(sql: string, err: SqlSyntaxError): SqlDiagnostic {
  const expected = err.expected.length > 0 ? `; was expecting to see: ${err.expected.join(', ')}` : '';
  return {
    problem: `${err.reason}${expected}`,
    location: { line: err.line, column: err.column },
    excerpt: caretExcerpt(sql, Math.min(err.offset, sql.length)),
  };
}

/**
 * A diagnostic for a planner error, placed on the stream or function it names when the message says which
 * (`stream foo not found`, `function foo: ...`); otherwise unplaced.
 * @param ast the parsed statement the planner rejected
 */
export function planDiagnostic(sql: string, ast: Node, message: string): SqlDiagnostic {
  const stream = /^stream (\S+) not found/.exec(message)?.[1];
  const fn = /^function (\S+?):/.exec(message)?.[1];
  let range: Range | undefined;
  walk(ast, {
    source_ref: (n) => {
      if (range === undefined && stream !== undefined && n.name === stream) range = n.range;
    },
    call_expr: (n) => {
      if (range === undefined && fn !== undefined && n.name.toLowerCase() === fn) range = n.range;
    },
  });
  if (!range) return { problem: message };
  return { problem: message, location: positionAt(sql, range[0]), excerpt: caretExcerpt(sql, range[0]) };
}
