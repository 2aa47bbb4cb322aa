/**
 * Tokens of eKuiper's SQL dialect and the one precedence table the Pratt expression parser uses.
 *
 * Keywords are case-insensitive: the lexer emits every bare word as a `word` token and records its upper-case
 * spelling in `upper`; the parser decides from context whether a word is a keyword. Only the {@link RESERVED} words
 * can never be a bare identifier (quote them with backquotes: `` `from` ``).
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/lexical_elements.html
 */

/** Kinds of token. `word` covers identifiers and keywords; `quoted` is a backquoted identifier. */
export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'op' | 'eof';

/** One lexical token. Offsets are UTF-16 code-unit offsets into the SQL text, `[start, end)`. */
export interface Token {
  readonly kind: TokenKind;
  /** The exact source text (`"a\"b"` for a string, `` `my col` `` for a quoted identifier). */
  readonly text: string;
  /**
   * The token's value: the identifier name (word, quoted), the unescaped string, the number's source text, or the
   * operator's spelling (`->`, `<=`, `(`). Empty for `eof`.
   */
  readonly value: string;
  /** Upper-case spelling of a `word` (used for keyword matching); empty for other kinds. */
  readonly upper: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Words that are keywords everywhere and so cannot be bare identifiers. Others (STREAM, FILTER, OVER, REPLACE,
 * window and type names, time units) are keywords only where the grammar expects them.
 */
export const RESERVED: ReadonlySet<string> = new Set([
  'SELECT', 'FROM', 'WHERE', 'GROUP', 'BY', 'HAVING', 'ORDER', 'ASC', 'DESC', 'LIMIT', 'AS',
  'AND', 'OR', 'NOT', 'LIKE', 'IN', 'BETWEEN', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END',
  'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'JOIN', 'ON', 'TRUE', 'FALSE', 'NULL',
]);

/** Operators and punctuation the lexer recognises, longest first. */
export const OPERATORS: readonly string[] = [
  '->', '<=', '>=', '<>', '!=',
  '=', '<', '>', '+', '-', '*', '/', '%', '&', '|', '^', ',', '(', ')', '[', ']', ':', ';', '.',
];

/**
 * Binding power of operators, lowest first (eKuiper `ast.Token.Precedence()`, with NOT and unary minus placed as in
 * standard SQL). Binary operators of equal precedence associate to the left.
 *
 * | level | operators |
 * |---|---|
 * | 1 `OR` | `OR` |
 * | 2 `AND` | `AND` |
 * | 3 `NOT` | prefix `NOT` (`NOT a = b` is `NOT (a = b)`) |
 * | 4 `COMPARISON` | `= != <> < <= > >=`, `[NOT] LIKE`, `[NOT] IN`, `[NOT] BETWEEN` |
 * | 5 `ADDITIVE` | `+ - \| ^` |
 * | 6 `MULTIPLICATIVE` | `* / % &` |
 * | 7 `UNARY` | prefix `-` and `+` |
 * | 8 `POSTFIX` | `->`, `.`, `[i]`, `[a:b]` |
 * | 9 `PRIMARY` | literals, columns, calls, CASE, parenthesised expressions |
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/operators.html
 */
export const Precedence = {
  LOWEST: 0,
  OR: 1,
  AND: 2,
  NOT: 3,
  COMPARISON: 4,
  ADDITIVE: 5,
  MULTIPLICATIVE: 6,
  UNARY: 7,
  POSTFIX: 8,
  PRIMARY: 9,
} as const;

/** Binary operator spelling (keywords upper-case) to its {@link Precedence} level. */
export const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  OR: Precedence.OR,
  AND: Precedence.AND,
  '=': Precedence.COMPARISON, '!=': Precedence.COMPARISON, '<>': Precedence.COMPARISON,
  '<': Precedence.COMPARISON, '<=': Precedence.COMPARISON, '>': Precedence.COMPARISON, '>=': Precedence.COMPARISON,
  '+': Precedence.ADDITIVE, '-': Precedence.ADDITIVE, '|': Precedence.ADDITIVE, '^': Precedence.ADDITIVE,
  '*': Precedence.MULTIPLICATIVE, '/': Precedence.MULTIPLICATIVE, '%': Precedence.MULTIPLICATIVE,
  '&': Precedence.MULTIPLICATIVE,
};

/** Maximum nesting depth of expressions (parentheses, prefix operators, calls) before a syntax error. */
export const MAX_NESTING_DEPTH = 256;

/** Maximum number of binary or postfix operators chained at one nesting level before a syntax error. */
export const MAX_OPERATOR_CHAIN = 4096;

/** True for a bare identifier that needs no backquotes: ASCII letter or `_` first, then letters, digits, `_`. */
export function isSimpleIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name.toUpperCase());
}
