import { parse, type SelectStatement, type WindowExpr } from '../../../runtime/sql';

const windowOf = (groupBy: string): WindowExpr => {
  const stmt = parse(`SELECT count(*) FROM demo GROUP BY ${groupBy}`) as SelectStatement;
  return stmt.groupBy.find((g) => g.type === 'window_expr') as WindowExpr;
};

describe('GROUP BY windows', () => {
  it.each([
    ['TUMBLINGWINDOW(ss, 10)', { windowType: 'tumbling', unit: 'ss', length: 10 }],
    ['tumblingwindow(MS, 500)', { windowType: 'tumbling', unit: 'ms', length: 500 }],
    ['HOPPINGWINDOW(mi, 10, 5)', { windowType: 'hopping', unit: 'mi', length: 10, interval: 5 }],
    ['SlidingWindow(hh, 1)', { windowType: 'sliding', unit: 'hh', length: 1 }],
    ['SLIDINGWINDOW(ss, 10, 2)', { windowType: 'sliding', unit: 'ss', length: 10, interval: 2 }],
    ['SESSIONWINDOW(dd, 2, 1)', { windowType: 'session', unit: 'dd', length: 2, interval: 1 }],
    ['COUNTWINDOW(5)', { windowType: 'count', length: 5 }],
    ['CountWindow(5, 2)', { windowType: 'count', length: 5, interval: 2 }],
  ])('parses %s', (sql, expected) => {
    const w = windowOf(sql);
    expect(w).toMatchObject({ type: 'window_expr', ...expected });
    if (expected.windowType === 'count') expect(w.unit).toBeUndefined();
  });

  it('parses a sliding window trigger OVER (WHEN cond) and a FILTER', () => {
    expect(windowOf('SLIDINGWINDOW(ss, 10, 1) OVER (WHEN a > 1) FILTER (WHERE b = 2)')).toMatchObject({
      windowType: 'sliding',
      interval: 1,
      trigger: { type: 'binary_expr', operator: '>' },
      filter: { type: 'binary_expr', operator: '=' },
    });
  });

  it('parses the one-condition STATEWINDOW(cond) of eKuiper v2, with no emit condition', () => {
    const w = windowOf('STATEWINDOW(a)');
    expect(w).toMatchObject({ windowType: 'state', begin: { type: 'field_ref', name: 'a' } });
    expect(w.emit).toBeUndefined();
  });

  it('parses STATEWINDOW begin and emit conditions', () => {
    expect(windowOf('STATEWINDOW(a > 1, b < 2)')).toMatchObject({
      windowType: 'state',
      length: 0,
      begin: { operator: '>' },
      emit: { operator: '<' },
    });
  });

  it('parses FILTER (WHERE ..) before OVER (WHEN ..) on a sliding window (eKuiper TestWindowRule0)', () => {
    expect(windowOf('SlidingWindow(ss, 5) Filter (where color = "red") Over (when size = 1)')).toMatchObject({
      windowType: 'sliding',
      trigger: { type: 'binary_expr', operator: '=', right: { value: 1 } },
      filter: { type: 'binary_expr', operator: '=', right: { value: 'red' } },
    });
  });

  it('parses FILTER (WHERE ..) after any window', () => {
    expect(windowOf('TUMBLINGWINDOW(ss, 1) FILTER (WHERE size > 2)')).toMatchObject({ filter: { operator: '>' } });
  });

  it('fails on an unknown unit, naming it and the allowed units', () => {
    expect(() => windowOf('TUMBLINGWINDOW(sec, 10)')).toThrow(
      'Syntax Error: Invalid time unit "sec" in TUMBLINGWINDOW\nWas expecting to see: one of dd, hh, mi, ss, ms\n--> 1:51',
    );
  });

  it('fails on a zero, negative or fractional length', () => {
    expect(() => windowOf('TUMBLINGWINDOW(ss, 0)')).toThrow(
      'Syntax Error: Invalid length 0 in TUMBLINGWINDOW: must be a positive integer\nWas expecting to see: a positive integer length',
    );
    expect(() => windowOf('HOPPINGWINDOW(ss, 10, -5)')).toThrow('Syntax Error: Invalid hop interval -5 in HOPPINGWINDOW: must be a positive integer');
    expect(() => windowOf('COUNTWINDOW(1.5)')).toThrow('Syntax Error: Invalid count 1.5 in COUNTWINDOW: must be a positive integer');
  });

  it('fails when a hopping window misses its interval', () => {
    expect(() => windowOf('HOPPINGWINDOW(ss, 10)')).toThrow('Syntax Error: Unexpected ")"\nWas expecting to see: ","');
  });

  it('fails on two windows in one GROUP BY', () => {
    expect(() => windowOf('TUMBLINGWINDOW(ss, 1), COUNTWINDOW(2)')).toThrow('Syntax Error: GROUP BY allows only one window');
  });
});
