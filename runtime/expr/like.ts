/**
 * SQL `LIKE` patterns as eKuiper compiles them: `%` matches any run of characters and `_` one character. A backslash
 * is a literal character: `\%` and `\_` match the two characters backslash-percent and backslash-underscore (eKuiper
 * valuer_test TestLike: pattern `str\_ng` matches the text `str\_ng`, not `str_ng`), and a lone `\` matches a
 * backslash. Other characters match themselves.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html
 */

/** Compiles a LIKE pattern to an anchored regular expression (dot matches newlines). */
export function likeToRegExp(pattern: string): RegExp {
  let src = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    const next = pattern[i + 1];
    if (ch === '\\' && (next === '%' || next === '_')) {
      src += '\\\\' + next;
      i++;
    } else if (ch === '%') src += '.*';
    else if (ch === '_') src += '.';
    else src += escapeRegExp(ch);
  }
  return new RegExp(src + '$', 's');
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? '\\' + ch : ch;
}

/**
 * A value as Go's `%v` prints it in eKuiper's LIKE errors: `<nil>` for null, the plain text of a string, number or
 * boolean, JSON for arrays and objects.
 */
export function goValueText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
