/**
 * SQL `LIKE` patterns: `%` matches any run of characters, `_` one character, `\` escapes the next one.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html
 */

/** Compiles a LIKE pattern to an anchored regular expression (dot matches newlines). */
export function likeToRegExp(pattern: string): RegExp {
  let src = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      src += escapeRegExp(pattern[++i]);
    } else if (ch === '%') src += '.*';
    else if (ch === '_') src += '.';
    else src += escapeRegExp(ch);
  }
  return new RegExp(src + '$', 's');
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? '\\' + ch : ch;
}
