import { SqlSyntaxError } from './errors';
import { tokenize } from './lexer';
import { MAX_NESTING_DEPTH, RESERVED, type Token } from './token';

/**
 * A read position over the token list of one SQL text, shared by the statement, DDL and expression parsers.
 * Every helper that fails throws {@link SqlSyntaxError} pointing at the current token.
 */
export class TokenCursor {
  readonly source: string;
  private readonly tokens: Token[];
  private pos = 0;
  private depth = 0;
  /** End offset of the last consumed token (for node ranges). */
  lastEnd = 0;

  /** @throws SqlSyntaxError when the text does not tokenize */
  constructor(source: string) {
    this.source = source;
    this.tokens = tokenize(source);
  }

  /** The token `ahead` positions after the current one (the final `eof` repeats). */
  peek(ahead = 0): Token {
    const i = Math.min(this.pos + ahead, this.tokens.length - 1);
    return this.tokens[i] as Token;
  }

  /** Consumes and returns the current token. */
  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    this.lastEnd = t.end;
    return t;
  }

  /** True when the current token is the bare word `upper` (case-insensitive). */
  isWord(upper: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'word' && t.upper === upper;
  }

  /** True when the current token is the operator or punctuation `op`. */
  isOp(op: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'op' && t.value === op;
  }

  /** Consumes the word `upper` if it is next. */
  acceptWord(upper: string): boolean {
    if (!this.isWord(upper)) return false;
    this.next();
    return true;
  }

  /** Consumes the operator `op` if it is next. */
  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.next();
    return true;
  }

  /** @throws SqlSyntaxError unless the word `upper` is next */
  expectWord(upper: string): Token {
    if (!this.isWord(upper)) this.fail([upper]);
    return this.next();
  }

  /** @throws SqlSyntaxError unless the operator `op` is next */
  expectOp(op: string): Token {
    if (!this.isOp(op)) this.fail([`"${op}"`]);
    return this.next();
  }

  /** True when the current token can be an identifier: a backquoted name or a non-reserved word. */
  isIdentifier(ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'quoted' || (t.kind === 'word' && !RESERVED.has(t.upper));
  }

  /**
   * Consumes an identifier and returns its name.
   * @param what how to describe it in the error, e.g. `stream name`
   * @throws SqlSyntaxError when the current token is not an identifier
   */
  expectIdentifier(what: string): string {
    if (!this.isIdentifier()) this.fail([what]);
    return this.next().value;
  }

  /** Throws "Unexpected <current token>" listing what was expected. */
  fail(expected: readonly string[], token: Token = this.peek()): never {
    throw new SqlSyntaxError(`Unexpected ${describe(token)}`, this.source, token.start, expected);
  }

  /** Throws a syntax error with a custom headline at `token`. */
  failWith(reason: string, expected: readonly string[], token: Token = this.peek()): never {
    throw new SqlSyntaxError(reason, this.source, token.start, expected);
  }

  /**
   * Runs `body` one nesting level deeper.
   * @throws SqlSyntaxError beyond {@link MAX_NESTING_DEPTH} levels
   */
  nested<T>(body: () => T): T {
    if (this.depth >= MAX_NESTING_DEPTH) {
      this.failWith(`Expression nested too deeply (more than ${MAX_NESTING_DEPTH} levels)`, ['a less nested expression']);
    }
    this.depth++;
    try {
      return body();
    } finally {
      this.depth--;
    }
  }
}

/** Describes a token for "Unexpected ..." messages: `end of input` or the quoted source text (at most 40 chars). */
export function describe(token: Token): string {
  if (token.kind === 'eof') return 'end of input';
  const text = token.text.length > 40 ? `${token.text.slice(0, 37)}...` : token.text;
  return JSON.stringify(text);
}
