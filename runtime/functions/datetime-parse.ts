/**
 * Datetime values in this library are epoch milliseconds (numbers), interpreted in UTC. This file converts
 * function arguments to epoch ms and renders them.
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/datetime_functions.html
 */
import { funcError } from './errors';
import type { Value } from './types';
import { describe } from './values';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Converts a datetime argument to epoch ms: numbers are epoch ms; strings are `YYYY-MM-DD`,
 * `YYYY-MM-DD HH:mm[:ss[.fff]]` or ISO 8601 (`T`, `Z`, `+hh:mm`); a string without offset is UTC.
 * @throws FunctionError `<fn>: expects a datetime for argument <pos> but found <value>`
 */
export function toEpochMs(fn: string, v: Value, pos: number): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const m = DATE_RE.exec(v.trim());
    if (m) {
      const frac = m[7] ? Number((m[7] + '000').slice(0, 3)) : 0;
      let ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), frac);
      const off = m[8];
      if (off && off.toUpperCase() !== 'Z') {
        const sign = off[0] === '-' ? -1 : 1;
        const digits = off.slice(1).replace(':', '');
        ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
      }
      if (Number.isFinite(ms)) return ms;
    }
  }
  throw funcError(fn, `expects a datetime (epoch ms or "YYYY-MM-DD[ HH:mm:ss]") for argument ${pos} but found ${describe(v)}`);
}

/** Two-digit zero padding. */
export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` of epoch ms (UTC). */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `HH:mm:ss` of epoch ms (UTC), with `fsp` (0-6) fractional digits. */
export function isoTime(ms: number, fsp = 0): string {
  const d = new Date(ms);
  const base = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (fsp <= 0) return base;
  return base + '.' + (pad(d.getUTCMilliseconds(), 3) + '000').slice(0, fsp);
}

/** English day names, Sunday first. */
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** English month names. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Formats epoch ms (UTC) with eKuiper's Java-like pattern letters: G, YYYY/yyyy, YY/yy, M, MM, MMM, MMMM, d, dd,
 * EEE, EEEE, H, HH, h, hh, a, m, mm, s, ss, S.. (fraction with a leading dot), z, Z, X, XX, XXX. Text in single
 * quotes is literal; other characters are copied.
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/string_functions.html#formattime-patterns
 */
export function formatTime(ms: number, pattern: string): string {
  const d = new Date(ms);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      out += end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    const h = d.getUTCHours();
    switch (c) {
      case 'G': out += 'AD'; break;
      case 'Y': case 'y': out += n === 2 ? pad(d.getUTCFullYear() % 100) : pad(d.getUTCFullYear(), 4); break;
      case 'M': {
        const mo = d.getUTCMonth();
        out += n === 1 ? String(mo + 1) : n === 2 ? pad(mo + 1) : n === 3 ? MONTH_NAMES[mo].slice(0, 3) : MONTH_NAMES[mo];
        break;
      }
      case 'd': out += n === 1 ? String(d.getUTCDate()) : pad(d.getUTCDate()); break;
      case 'E': out += n >= 4 ? DAY_NAMES[d.getUTCDay()] : DAY_NAMES[d.getUTCDay()].slice(0, 3); break;
      case 'H': out += n === 1 ? String(h) : pad(h); break;
      case 'h': out += n === 1 ? String(h % 12 || 12) : pad(h % 12 || 12); break;
      case 'a': out += h < 12 ? 'AM' : 'PM'; break;
      case 'm': out += n === 1 ? String(d.getUTCMinutes()) : pad(d.getUTCMinutes()); break;
      case 's': out += n === 1 ? String(d.getUTCSeconds()) : pad(d.getUTCSeconds()); break;
      case 'S': out += '.' + (pad(d.getUTCMilliseconds(), 3) + '000000').slice(0, n); break;
      case 'z': out += 'UTC'; break;
      case 'Z': out += '+0000'; break;
      case 'X': out += n === 1 ? '+00' : n === 2 ? '+0000' : '+00:00'; break;
      default: out += c.repeat(n);
    }
  }
  return out;
}

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/**
 * Parses a Go duration string (`1h30m`, `-10s`, `100ms200us`) into milliseconds (fractions of a ms kept).
 * @throws FunctionError `<fn>: invalid duration "<d>"; use a number with a unit ns, us, ms, s, m or h, e.g. "1h30m"`
 */
export function parseDurationMs(fn: string, text: string): number {
  const m = /^([+-]?)((?:\d+(?:\.\d+)?(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(text.trim());
  if (!m) throw funcError(fn, `invalid duration "${text}"; use a number with a unit ns, us, ms, s, m or h, e.g. "1h30m"`);
  let ns = 0;
  for (const part of m[2].matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h)/g)) ns += Number(part[1]) * UNIT_NS[part[2]];
  return ((m[1] === '-' ? -1 : 1) * ns) / 1e6;
}
