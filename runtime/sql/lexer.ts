import { SqlSyntaxError } from './errors';
import { OPERATORS, type Token, type TokenKind } from './token';

/**
 * Splits SQL text into tokens in one linear pass, skipping whitespace and comments (`-- to end of line`,
 * `/* ... *\/`). The result always ends with one `eof` token.
 *
 * - Words: a letter or `_`, then letters, digits or `_` (non-ASCII letters allowed). Keywords are not told apart
 *   here; see `Token.upper`.
 * - Backquoted identifiers `` `a b` ``: any text up to the next backquote; a doubled backquote stands for one.
 * - Strings in `"..."` or `'...'` with backslash escapes `\n \t \r \b \f \v \0 \\ \" \' \/ \xHH \uHHHH`; any other
 *   `\c` keeps both characters, so LIKE patterns such as `'a\%'` pass through unchanged.
 * - Numbers: `12`, `1.5`, `.5`, `1e3`, `2.5E-3`. A number must not run into a letter (`12abc`).
 *
 * @throws SqlSyntaxError on an unterminated string, quoted identifier or comment, a malformed number or a character
 *   outside the dialect.
 * @see https://ekuiper.org/docs/en/latest/sqls/lexical_elements.html
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const n = source.length;
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, value: string, upper = ''): void => {
    tokens.push({ kind, text: source.slice(start, end), value, upper, start, end });
  };
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      i++;
    } else if (c === 45 /* - */ && source.charCodeAt(i + 1) === 45) {
      const nl = source.indexOf('\n', i);
      i = nl < 0 ? n : nl + 1;
    } else if (c === 47 /* / */ && source.charCodeAt(i + 1) === 42 /* * */) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) throw new SqlSyntaxError('Unterminated comment', source, i, ['"*/"']);
      i = close + 2;
    } else if (isWordStart(c)) {
      const start = i;
      i++;
      while (i < n && isWordPart(source.charCodeAt(i))) i++;
      const word = source.slice(start, i);
      push('word', start, i, word, word.toUpperCase());
    } else if (c === 96 /* ` */) {
      i = scanQuotedIdentifier(source, i, push);
    } else if (c === 34 || c === 39) {
      i = scanString(source, i, push);
    } else if (isDigit(c) || (c === 46 && isDigit(source.charCodeAt(i + 1)))) {
      i = scanNumber(source, i, push);
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (op === undefined) {
        const ch = String.fromCodePoint(source.codePointAt(i) ?? c);
        const hint = ch === '!' ? ['"!="'] : [];
        throw new SqlSyntaxError(`Unexpected character ${JSON.stringify(ch)}`, source, i, hint);
      }
      push('op', i, i + op.length, op);
      i += op.length;
    }
  }
  push('eof', n, n, '');
  return tokens;
}

type Push = (kind: TokenKind, start: number, end: number, value: string) => void;

function scanQuotedIdentifier(source: string, start: number, push: Push): number {
  let i = start + 1;
  let name = '';
  for (;;) {
    const close = source.indexOf('`', i);
    if (close < 0) throw new SqlSyntaxError('Unterminated quoted identifier', source, start, ['"`"']);
    name += source.slice(i, close);
    if (source.charCodeAt(close + 1) === 96) {
      name += '`';
      i = close + 2;
      continue;
    }
    i = close + 1;
    break;
  }
  if (name === '') throw new SqlSyntaxError('Empty quoted identifier ``', source, start, ['a name inside backquotes']);
  push('quoted', start, i, name);
  return i;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0', '\\': '\\', '"': '"', "'": "'", '/': '/',
};

function scanString(source: string, start: number, push: Push): number {
  const quote = source[start];
  let i = start + 1;
  let value = '';
  let chunk = i;
  for (;;) {
    if (i >= source.length) {
      throw new SqlSyntaxError('Unterminated string literal', source, start, [JSON.stringify(quote)]);
    }
    const ch = source[i];
    if (ch === quote) break;
    if (ch !== '\\') {
      i++;
      continue;
    }
    value += source.slice(chunk, i);
    const esc = source[i + 1];
    if (esc === undefined) {
      throw new SqlSyntaxError('Unterminated string literal', source, start, [JSON.stringify(quote)]);
    }
    const simple = SIMPLE_ESCAPES[esc];
    if (simple !== undefined) {
      value += simple;
      i += 2;
    } else if (esc === 'x' || esc === 'u') {
      const len = esc === 'x' ? 2 : 4;
      const hex = source.slice(i + 2, i + 2 + len);
      if (!new RegExp(`^[0-9A-Fa-f]{${len}}$`).test(hex)) {
        throw new SqlSyntaxError(`Invalid escape sequence "\\${esc}${hex}"`, source, i, [`\\${esc} followed by ${len} hex digits`]);
      }
      value += String.fromCharCode(parseInt(hex, 16));
      i += 2 + len;
    } else {
      value += '\\' + esc;
      i += 2;
    }
    chunk = i;
  }
  value += source.slice(chunk, i);
  push('string', start, i + 1, value);
  return i + 1;
}

function scanNumber(source: string, start: number, push: Push): number {
  const n = source.length;
  let i = start;
  while (i < n && isDigit(source.charCodeAt(i))) i++;
  if (source.charCodeAt(i) === 46 /* . */) {
    i++;
    while (i < n && isDigit(source.charCodeAt(i))) i++;
  }
  const e = source.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = source.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (!isDigit(source.charCodeAt(j))) {
      throw new SqlSyntaxError(`Invalid number "${source.slice(start, j)}"`, source, start, ['digits after the exponent']);
    }
    while (j < n && isDigit(source.charCodeAt(j))) j++;
    i = j;
  }
  const next = source.charCodeAt(i);
  if (isWordPart(next) || (next === 46 && isDigit(source.charCodeAt(i + 1)))) {
    let j = i;
    while (j < n && (isWordPart(source.charCodeAt(j)) || source.charCodeAt(j) === 46)) j++;
    throw new SqlSyntaxError(`Invalid number "${source.slice(start, j)}"`, source, start, ['a number such as 12, 1.5 or 2e3']);
  }
  const text = source.slice(start, i);
  if (!Number.isFinite(Number(text))) {
    throw new SqlSyntaxError(`Number out of range "${text}"`, source, start, ['a finite number']);
  }
  push('number', start, i, text);
  return i;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c > 127 && isUnicodeLetter(c));
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || isDigit(c);
}

function isUnicodeLetter(c: number): boolean {
  return /\p{L}/u.test(String.fromCharCode(c));
}
