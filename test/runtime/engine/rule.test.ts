import { Engine, ManualClock, PlanError, ConflictError, NotFoundError, SqlSyntaxError } from '../../../runtime/engine';
import { makeRule } from './rule-helpers';

const DEMO = 'CREATE STREAM demo () WITH (DATASOURCE="demo", FORMAT="json")';

describe('rule end to end', () => {
  it('filters 10 readings to 4 and reports eKuiper metrics', () => {
    const { rule, batches } = makeRule([DEMO], 'select * from demo WHERE temperature > 30');
    const temps = [20, 31, 25, 40, 30, 33, 10, 29, 50, 12];
    temps.forEach((t, i) => rule.ingest('demo', JSON.stringify({ temperature: t, id: i }), { topic: 'devices/d1' }, 1_541_152_486_000 + i));
    expect(batches).toEqual([[{ temperature: 31, id: 1 }], [{ temperature: 40, id: 3 }], [{ temperature: 33, id: 5 }], [{ temperature: 50, id: 8 }]]);
    const m = rule.metrics();
    expect(m.source_demo_0_records_in_total).toBe(10);
    expect(m.op_2_filter_0_records_in_total).toBe(10);
    expect(m.op_2_filter_0_records_out_total).toBe(4);
    expect(m.op_3_project_0_records_in_total).toBe(4);
    expect(m.op_3_project_0_records_out_total).toBe(4);
    expect(m.op_2_filter_0_last_invocation).toBe(1_541_152_486_009);
    expect(rule.topo(['sink_log_0'])).toEqual({
      sources: ['source_demo'],
      edges: { source_demo: ['op_2_filter'], op_2_filter: ['op_3_project'], op_3_project: ['sink_log_0'] },
    });
  });

  it('emits decode errors as error rows and counts them on the source', () => {
    const { rule, batches } = makeRule([DEMO], 'SELECT * FROM demo');
    rule.ingest('demo', '{not json', undefined, 1);
    rule.ingest('demo', '{"a": 1}', undefined, 2);
    expect(batches).toHaveLength(2);
    expect(String(batches[0][0].error)).toMatch(/^error in preprocessor: invalid JSON payload/);
    expect(batches[1]).toEqual([{ a: 1 }]);
    expect(rule.metrics().source_demo_0_exceptions_total).toBe(1);
  });

  it('drops runtime errors under sendError false but still counts them', () => {
    const { rule, batches } = makeRule([DEMO], 'SELECT a FROM demo WHERE a > 1', { sendError: false });
    rule.ingest('demo', { a: 'x' }, undefined, 1);
    rule.ingest('demo', { a: 2 }, undefined, 2);
    expect(batches).toEqual([[{ a: 2 }]]);
    expect(rule.metrics().op_2_filter_0_exceptions_total).toBe(1);
    expect(rule.metrics().op_2_filter_0_last_exception).toBe('run Where error: invalid operation string(x) > int64(1)');
  });

  it('keeps null fields with sendNilField', () => {
    const { rule, batches } = makeRule([DEMO], 'SELECT a, b FROM demo', { sendNilField: true });
    rule.ingest('demo', { a: 1 }, undefined, 1);
    expect(batches).toEqual([[{ a: 1, b: null }]]);
  });

  it('names unnamed expressions kuiper_field_<n> and supports * EXCEPT / REPLACE', () => {
    const { rule, batches } = makeRule([DEMO], 'SELECT a * 2, b + 1, abs(c) FROM demo');
    rule.ingest('demo', { a: 3, b: 1, c: -4 }, undefined, 1);
    expect(batches).toEqual([[{ kuiper_field_0: 6, kuiper_field_1: 2, abs: 4 }]]);
    const r2 = makeRule([DEMO], 'SELECT * EXCEPT(b) REPLACE(a * 10 AS a) FROM demo');
    r2.rule.ingest('demo', { a: 3, b: 1, c: 2 }, undefined, 1);
    expect(r2.batches).toEqual([[{ a: 30, c: 2 }]]);
  });

  it('expands changed_cols(prefix, ignoreNull, cols..) into one output column per changed column', () => {
    const { rule, batches } = makeRule([DEMO], 'SELECT changed_cols("c_", true, a, b), changed_cols("", true, *) FROM demo');
    rule.ingest('demo', { a: 1, b: 'x' }, undefined, 1);
    rule.ingest('demo', { a: 1, b: 'y' }, undefined, 2);
    rule.ingest('demo', { a: 2 }, undefined, 3);
    expect(batches).toEqual([[{ c_a: 1, c_b: 'x', a: 1, b: 'x' }], [{ c_b: 'y', b: 'y' }], [{ c_a: 2, a: 2 }]]);
  });

  it('reads last_hit_time() in a sliding window OVER (WHEN ..) as the time of the last matching row', () => {
    const { batches, at } = makeRule([DEMO], 'SELECT a FROM demo GROUP BY SLIDINGWINDOW(ss, 1) OVER (WHEN event_time() - last_hit_time() > 400)', {}, 0);
    at(1000, 'demo', { a: 1 });
    at(1200, 'demo', { a: 2 });
    at(1500, 'demo', { a: 3 });
    at(1700, 'demo', { a: 4 });
    at(1950, 'demo', { a: 5 });
    expect(batches).toEqual([[{ a: 1 }], [{ a: 1 }, { a: 2 }, { a: 3 }], [{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }, { a: 5 }]]);
  });

  it('divides bigints as integers and floats as floats', () => {
    const { rule, batches } = makeRule(['CREATE STREAM t (a BIGINT, b BIGINT, f FLOAT) WITH (DATASOURCE="t")'], 'SELECT a / b AS q, f / b AS r FROM t');
    rule.ingest('t', { a: 3, b: 6, f: 3 }, undefined, 1);
    expect(batches).toEqual([[{ q: 0, r: 0.5 }]]);
  });

  it('counts late events dropped under event time', () => {
    const { rule, batches } = makeRule(
      ['CREATE STREAM e (v BIGINT, ts BIGINT) WITH (DATASOURCE="e", TIMESTAMP="ts")'],
      'SELECT v FROM e',
      { isEventTime: true, lateTolerance: 0 },
    );
    for (const [ts, v] of [[1000, 1], [3000, 2], [2000, 3], [4000, 4]]) rule.ingest('e', { v, ts }, undefined, ts);
    expect(batches).toEqual([[{ v: 1 }], [{ v: 2 }], [{ v: 4 }]]);
    expect(rule.metrics().op_2_watermark_0_late_events_dropped_total).toBe(1);
  });

  it('flushes every open window at end of input', () => {
    const { rule, batches, at } = makeRule([DEMO], 'SELECT count(*) AS c FROM demo GROUP BY TUMBLINGWINDOW(ss, 10)', {}, 0);
    at(1000, 'demo', { a: 1 });
    at(2000, 'demo', { a: 2 });
    expect(batches).toEqual([]);
    expect(rule.nextDeadline()).toBe(10_000);
    rule.flush();
    expect(batches).toEqual([[{ c: 2 }]]);
  });
});

describe('engine catalog', () => {
  it('creates, lists, describes and drops streams and tables', () => {
    const e = new Engine({ clock: new ManualClock(0) });
    const def = e.createStream('CREATE STREAM demo (temperature FLOAT, id BIGINT) WITH (DATASOURCE="t/#", FORMAT="json")');
    expect(def).toMatchObject({ name: 'demo', kind: 'stream', columns: [{ name: 'temperature', type: 'float' }, { name: 'id', type: 'bigint' }], options: { DATASOURCE: 't/#', FORMAT: 'json' } });
    e.createTable('CREATE TABLE t1 (id BIGINT) WITH (DATASOURCE="x", RETAIN_SIZE="3")');
    expect(e.list('stream')).toEqual(['demo']);
    expect(e.execute('SHOW TABLES')).toEqual({ kind: 'list', names: ['t1'] });
    expect(e.describe('table', 't1').options.RETAIN_SIZE).toBe('3');
    e.drop('table', 't1');
    expect(e.list('table')).toEqual([]);
  });

  it('fails on duplicates and unknown names with typed errors', () => {
    const e = new Engine({ clock: new ManualClock(0) });
    e.createStream(DEMO);
    expect(() => e.createStream(DEMO)).toThrow(ConflictError);
    expect(() => e.createStream(DEMO)).toThrow('stream demo already exists; drop it first with DROP STREAM demo');
    expect(() => e.drop('stream', 'nope')).toThrow(NotFoundError);
    expect(() => e.describe('table', 'nope')).toThrow('table nope not found');
    expect(() => e.createStream('CREATE TABLE x () WITH (DATASOURCE="x")')).toThrow('expected CREATE STREAM ..., got CREATE TABLE');
    expect(() => e.execute('SELEC * FROM demo')).toThrow(SqlSyntaxError);
  });
});

describe('bad rules fail at creation', () => {
  const engine = new Engine({ clock: new ManualClock(0) });
  engine.createStream(DEMO);
  engine.createStream('CREATE STREAM strict (a BIGINT, b STRING) WITH (DATASOURCE="s")');
  const bad = (sql: string, options = {}) => () => engine.createRule({ id: 'bad', sql, actions: [{ log: {} }], options });

  it.each([
    ['unknown stream', 'SELECT * FROM nope', 'unknown_stream', 'stream nope not found; create it with CREATE STREAM nope (...) WITH (...) before the rule'],
    ['unknown function', 'SELECT foo(a) FROM demo', 'unknown_function', 'function foo: not found; check the name against the eKuiper built-in functions'],
    ['wrong arity', 'SELECT window_start(a) FROM demo', 'wrong_arity', 'function window_start: expects no arguments but found 1'],
    ['aggregate in WHERE', 'SELECT a FROM demo WHERE count(*) > 1', 'aggregate_misuse', 'aggregate function count is not allowed in WHERE; use it in SELECT or HAVING'],
    ['nested aggregate', 'SELECT sum(count(*)) FROM demo GROUP BY TUMBLINGWINDOW(ss, 1)', 'aggregate_misuse', 'aggregate function count cannot be nested inside another aggregate function'],
    ['aggregate in a window condition', 'SELECT a FROM demo GROUP BY STATEWINDOW(count(*) > 1, a < 1)', 'aggregate_misuse', 'aggregate function count is not allowed in WINDOW; use it in SELECT or HAVING'],
    ['bad count window', 'SELECT a FROM demo GROUP BY COUNTWINDOW(3, 5)', 'bad_window', 'bad window COUNTWINDOW(3, 5): the interval must be a positive integer not greater than the count 3, got 5'],
    ['unknown column', 'SELECT c FROM strict', 'unknown_column', 'unknown column c in SELECT: not declared by stream strict (a, b) and not a SELECT alias'],
    ['multi-column function outside SELECT', 'SELECT a FROM demo WHERE changed_cols("", true, a) = 1', 'bad_rule', 'multi-column function changed_cols is only allowed as a SELECT item; remove it from WHERE'],
    ['stream join without window', 'SELECT * FROM demo INNER JOIN strict ON demo.a = strict.a', 'bad_rule', 'a join of two streams needs a window: add GROUP BY TUMBLINGWINDOW(ss, 10) (or another window)'],
  ])('fails on %s', (_name, sql, code, message) => {
    expect(bad(sql)).toThrow(message);
    try {
      bad(sql)();
    } catch (e) {
      expect(e).toBeInstanceOf(PlanError);
      expect((e as PlanError).code).toBe(code);
    }
  });

  it('fails on a bad option and on isEventTime without TIMESTAMP', () => {
    expect(bad('SELECT * FROM demo', { sendError: 'yes' })).toThrow('rule option sendError must be a boolean (true or false), got "yes"');
    expect(bad('SELECT * FROM demo', { isEventTime: true })).toThrow('rule bad: isEventTime needs a TIMESTAMP field on stream demo; add TIMESTAMP="<field>" to its WITH options');
  });

  it('fails on a syntax error with the front-end typed error', () => {
    expect(bad('SELECT FROM demo')).toThrow(SqlSyntaxError);
  });
});

describe('state window', () => {
  it('opens on the begin condition and emits on the emit condition', () => {
    const { rule, batches } = makeRule([DEMO], 'SELECT collect(v) AS vs FROM demo GROUP BY STATEWINDOW(v = 1, v = 3)');
    [0, 1, 2, 0, 3, 2, 1, 3].forEach((v, i) => rule.ingest('demo', { v }, undefined, i + 1));
    expect(batches).toEqual([[{ vs: [1, 2, 0, 3] }], [{ vs: [1, 3] }]]);
  });
});

describe('set-returning functions', () => {
  it('unnest emits one batch per element, struct elements become columns', () => {
    const { rule, batches } = makeRule([DEMO], 'SELECT id, unnest(items) FROM demo');
    rule.ingest('demo', { id: 1, items: [{ a: 1 }, { a: 2 }] }, undefined, 1);
    rule.ingest('demo', { id: 2, items: [7] }, undefined, 2);
    expect(batches).toEqual([[{ id: 1, a: 1 }], [{ id: 1, a: 2 }], [{ id: 2, unnest: 7 }]]);
  });
});
