/**
 * Date and time functions. Datetime values are epoch milliseconds (UTC); see `datetime-parse.ts` for accepted
 * inputs. "Now" always comes from the engine's injectable clock (`ctx.now()`).
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/datetime_functions.html
 */
import { scalar } from './define';
import { funcError } from './errors';
import type { FunctionDef, Value } from './types';
import { numericArgs, requireString } from './validators';
import { int, num, str } from './values';
import { DAY_NAMES, formatTime, isoDate, isoTime, MONTH_NAMES, parseDurationMs, toEpochMs } from './datetime-parse';

const DAY_MS = 86400000;
/** Days from 0000-01-01 (MySQL TO_DAYS day 1 = 0000-01-01) to 1970-01-01. */
const EPOCH_DAYS = 719528;

function part(name: string, f: (d: Date, ms: number) => Value, doc: string, result: 'int' | 'string' = 'int'): FunctionDef {
  return scalar(name, 1, 1, (a) => {
    const ms = toEpochMs(name, a[0], 1);
    return f(new Date(ms), ms);
  }, { result, doc });
}

function nowFn(name: string): FunctionDef {
  return scalar(
    name,
    0,
    1,
    (a, ctx) => {
      const fsp = a.length ? int(name, a[0], 1) : 0;
      if (fsp < 0 || fsp > 6) throw funcError(name, `fsp must be between 0 and 6 but is ${fsp}`);
      const ms = ctx.now();
      return `${isoDate(ms)} ${isoTime(ms, fsp)}`;
    },
    { result: 'string', validate: numericArgs(name, 0), doc: 'Current time "YYYY-MM-DD HH:mm:ss[.f]" (fsp 0-6 fraction digits) from the engine clock.' },
  );
}

/** ISO 8601 week number of a UTC date. */
function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / DAY_MS + 1) / 7);
}

/** Date and time functions. */
export const datetimeFunctions: readonly FunctionDef[] = [
  nowFn('now'),
  nowFn('current_timestamp'),
  nowFn('local_time'),
  nowFn('local_timestamp'),
  scalar('cur_date', 0, 0, (_a, ctx) => isoDate(ctx.now()), { result: 'string', doc: 'Current date "YYYY-MM-DD".' }),
  scalar('current_date', 0, 0, (_a, ctx) => isoDate(ctx.now()), { result: 'string', doc: 'Synonym of cur_date.' }),
  scalar('cur_time', 0, 0, (_a, ctx) => isoTime(ctx.now()), { result: 'string', doc: 'Current time "HH:mm:ss".' }),
  scalar('current_time', 0, 0, (_a, ctx) => isoTime(ctx.now()), { result: 'string', doc: 'Synonym of cur_time.' }),
  scalar('format_time', 2, 2, (a) => formatTime(toEpochMs('format_time', a[0], 1), str('format_time', a[1], 2)), {
    result: 'string',
    validate: (args) => requireString('format_time', args, 1),
    doc: 'format_time(t, pattern): formats a datetime (UTC) with Java-like pattern letters.',
  }),
  scalar('date_calc', 2, 2, (a) => toEpochMs('date_calc', a[0], 1) + parseDurationMs('date_calc', str('date_calc', a[1], 2)), {
    result: 'datetime',
    validate: (args) => requireString('date_calc', args, 1),
    doc: 'date_calc(t, duration): t plus a Go duration like "1h30m" or "-10s"; epoch ms.',
  }),
  scalar(
    'date_diff',
    2,
    2,
    (a) => Math.floor(toEpochMs('date_diff', a[0], 1) / DAY_MS) - Math.floor(toEpochMs('date_diff', a[1], 2) / DAY_MS),
    { result: 'int', doc: 'date_diff(d1, d2): d1 minus d2 in calendar days.' },
  ),
  part('day_name', (d) => DAY_NAMES[d.getUTCDay()], 'English day name.', 'string'),
  part('day_of_month', (d) => d.getUTCDate(), 'Day of the month, 1-31.'),
  part('day', (d) => d.getUTCDate(), 'Synonym of day_of_month.'),
  part('day_of_week', (d) => d.getUTCDay() + 1, 'Day of the week, Sunday = 1.'),
  part('day_of_year', (d, ms) => Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1, 'Day of the year, 1-366.'),
  scalar('from_days', 1, 1, (a) => (int('from_days', a[0], 1) - EPOCH_DAYS) * DAY_MS, {
    result: 'datetime',
    validate: numericArgs('from_days', 0),
    doc: 'Date of a day number counted from year 0 (MySQL FROM_DAYS); epoch ms.',
  }),
  scalar('from_unix_time', 1, 1, (a) => Math.round(num('from_unix_time', a[0], 1) * 1000), {
    result: 'datetime',
    validate: numericArgs('from_unix_time', 0),
    doc: 'Datetime of a Unix timestamp in seconds; epoch ms.',
  }),
  part('hour', (d) => d.getUTCHours(), 'Hour, 0-23.'),
  scalar(
    'last_day',
    1,
    1,
    (a) => {
      const d = new Date(toEpochMs('last_day', a[0], 1));
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
    },
    { result: 'datetime', doc: 'Last day of the month of a date (midnight UTC); epoch ms.' },
  ),
  part('microsecond', (_d, ms) => (((ms % 1000) + 1000) % 1000) * 1000, 'Microsecond part (millisecond precision).'),
  part('minute', (d) => d.getUTCMinutes(), 'Minute, 0-59.'),
  part('month', (d) => d.getUTCMonth() + 1, 'Month, 1-12.'),
  part('month_name', (d) => MONTH_NAMES[d.getUTCMonth()], 'English month name.', 'string'),
  part('second', (d) => d.getUTCSeconds(), 'Second, 0-59.'),
  part('to_days', (_d, ms) => Math.floor(ms / DAY_MS) + EPOCH_DAYS, 'Day number counted from year 0 (MySQL TO_DAYS).'),
  part('to_seconds', (_d, ms) => Math.floor(ms / 1000) + EPOCH_DAYS * 86400, 'Seconds since year 0 (MySQL TO_SECONDS).'),
  scalar('unix_timestamp', 0, 1, (a, ctx) => Math.floor((a.length ? toEpochMs('unix_timestamp', a[0], 1) : ctx.now()) / 1000), {
    result: 'int',
    doc: 'Unix timestamp in seconds of a datetime, or of now.',
  }),
  part('week', isoWeek, 'ISO 8601 week number, 1-53.'),
  part('week_of_year', isoWeek, 'ISO 8601 week number, 1-53.'),
  part('year', (d) => d.getUTCFullYear(), 'Year.'),
  scalar('tstamp', 0, 0, (_a, ctx) => ctx.now(), { result: 'int', doc: 'Current time in epoch ms from the engine clock.' }),
];

