import { call, NOW } from './helpers';

// 2018-11-02T09:54:46.013Z is a Friday, day 306 of 2018, ISO week 44.
describe('date and time functions', () => {
  it.each([
    ['now', [], '2018-11-02 09:54:46'],
    ['now', [3], '2018-11-02 09:54:46.013'],
    ['current_timestamp', [], '2018-11-02 09:54:46'],
    ['local_time', [], '2018-11-02 09:54:46'],
    ['local_timestamp', [], '2018-11-02 09:54:46'],
    ['cur_date', [], '2018-11-02'],
    ['current_date', [], '2018-11-02'],
    ['cur_time', [], '09:54:46'],
    ['current_time', [], '09:54:46'],
    ['tstamp', [], NOW],
    ['unix_timestamp', [], 1541152486],
  ])('%s(%j) reads the context clock', (name, args, expected) => {
    expect(call(name as string, args as number[])).toBe(expected);
  });

  it.each([
    ['day_name', 'Friday'],
    ['day_of_month', 2],
    ['day', 2],
    ['day_of_week', 6],
    ['day_of_year', 306],
    ['hour', 9],
    ['minute', 54],
    ['second', 46],
    ['microsecond', 13000],
    ['month', 11],
    ['month_name', 'November'],
    ['year', 2018],
    ['week', 44],
    ['week_of_year', 44],
    ['unix_timestamp', 1541152486],
  ])('%s of epoch ms', (name, expected) => {
    expect(call(name, [NOW])).toBe(expected);
  });

  it('accepts date strings with and without time and offset', () => {
    expect(call('hour', ['2018-11-02 09:54:46'])).toBe(9);
    expect(call('hour', ['2018-11-02T09:54:46+02:00'])).toBe(7);
    expect(call('day_of_month', ['2019-01-31'])).toBe(31);
  });

  it('to_days and from_days follow MySQL day numbers', () => {
    expect(call('to_days', ['2007-10-07'])).toBe(733321);
    expect(call('from_days', [733321])).toBe(Date.UTC(2007, 9, 7));
    expect(call('to_seconds', ['2009-11-29'])).toBe(63426672000);
  });

  it('from_unix_time converts seconds to epoch ms', () => {
    expect(call('from_unix_time', [1541152486])).toBe(1541152486000);
  });

  it('last_day gives the last day of the month', () => {
    expect(call('last_day', ['2020-02-10'])).toBe(Date.UTC(2020, 1, 29));
  });

  it('date_calc adds a Go duration', () => {
    expect(call('date_calc', ['2019-01-01', '1h30m10s100ms'])).toBe(Date.UTC(2019, 0, 1, 1, 30, 10, 100));
    expect(call('date_calc', ['2019-01-01', '-1h'])).toBe(Date.UTC(2018, 11, 31, 23));
  });

  it('date_diff counts calendar days', () => {
    expect(call('date_diff', ['2019-01-03 01:00:00', '2019-01-01 23:00:00'])).toBe(2);
  });

  it('format_time formats with Java-like patterns in UTC', () => {
    expect(call('format_time', [NOW, 'yyyy-MM-dd T HH:mm:ss'])).toBe('2018-11-02 T 09:54:46');
    expect(call('format_time', [NOW, 'YYYY/MM/dd HH:mm:ssSSS XXX'])).toBe('2018/11/02 09:54:46.013 +00:00');
    expect(call('format_time', [NOW, "EEE, d MMM yy h:mm a 'at' z"])).toBe('Fri, 2 Nov 18 9:54 AM at UTC');
    expect(call('format_time', [NOW, 'EEEE MMMM G'])).toBe('Friday November AD');
  });

  it('fails on a value that is not a datetime', () => {
    expect(() => call('hour', ['yesterday'])).toThrow('hour: expects a datetime (epoch ms or "YYYY-MM-DD[ HH:mm:ss]") for argument 1 but found string("yesterday")');
  });

  it('fails date_calc with a bad duration', () => {
    expect(() => call('date_calc', [NOW, '1 day'])).toThrow('date_calc: invalid duration "1 day"; use a number with a unit ns, us, ms, s, m or h, e.g. "1h30m"');
  });

  it('fails now with fsp out of range', () => {
    expect(() => call('now', [7])).toThrow('now: fsp must be between 0 and 6 but is 7');
  });
});
