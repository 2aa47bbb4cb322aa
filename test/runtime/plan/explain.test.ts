import { parse } from '../../../runtime/sql';
import type { SelectStatement, WindowExpr } from '../../../runtime/sql/ast';
import { createLogicalPlan } from '../../../runtime/plan/planner';
import { explainPlan, operatorNames } from '../../../runtime/plan/explain';
import { validateWindow } from '../../../runtime/plan/validate-window';
import { Engine, ManualClock, type StreamDefinition } from '../../../runtime/engine';

const engine = new Engine({ clock: new ManualClock(0) });
engine.createStream('CREATE STREAM demo (color STRING, size BIGINT, ts BIGINT) WITH (DATASOURCE="demo", TIMESTAMP="ts")');
engine.createStream('CREATE STREAM demo1 (temp FLOAT, ts BIGINT) WITH (DATASOURCE="demo1", TIMESTAMP="ts")');
engine.createTable('CREATE TABLE table1 (id BIGINT, name STRING) WITH (DATASOURCE="t")');
const lookup = (n: string): StreamDefinition | undefined => {
  for (const k of ['stream', 'table'] as const) if (engine.list(k).includes(n)) return engine.describe(k, n);
  return undefined;
};

function plan(sql: string, isEventTime = false) {
  return createLogicalPlan({ stmt: parse(sql) as SelectStatement, lookup, isEventTime, lateTolerance: 1000 });
}

describe('logical plan and explain', () => {
  it('pushes WHERE below a processing-time tumbling window', () => {
    const p = plan('SELECT color, count(*) AS c FROM demo WHERE size > 2 GROUP BY color, TUMBLINGWINDOW(ss, 10) HAVING c > 1 ORDER BY color');
    expect(explainPlan(p.chain)).toBe([
      'ProjectPlan: fields=[color, count(*) AS c] aggregate',
      '  OrderPlan: sort=[color ASC]',
      '    HavingPlan: condition=c > 1',
      '      AggregatePlan: dimensions=[color]',
      '        WindowPlan: TUMBLINGWINDOW(ss, 10) time=processing',
      '          FilterPlan: condition=size > 2',
      '            DataSourcePlan: stream demo',
    ].join('\n'));
    expect(operatorNames(p.chain)).toEqual(['op_2_filter', 'op_3_window', 'op_4_aggregate', 'op_5_having', 'op_6_order', 'op_7_project']);
  });

  it('keeps WHERE after event-time, count and sliding windows', () => {
    expect(plan('SELECT color FROM demo WHERE size > 2 GROUP BY TUMBLINGWINDOW(ss, 1)', true).chain.map((p) => p.kind)).toEqual([
      'DataSourcePlan', 'WatermarkPlan', 'WindowPlan', 'FilterPlan', 'ProjectPlan',
    ]);
    for (const w of ['COUNTWINDOW(5)', 'SLIDINGWINDOW(ss, 1)']) {
      expect(plan(`SELECT color FROM demo WHERE size > 2 GROUP BY ${w}`).chain.map((p) => p.kind)).toEqual([
        'DataSourcePlan', 'WindowPlan', 'FilterPlan', 'ProjectPlan',
      ]);
    }
  });

  it('plans analytic functions before the window and joins after it', () => {
    const p = plan('SELECT lag(size) AS l, temp FROM demo INNER JOIN demo1 ON demo.ts = demo1.ts GROUP BY SLIDINGWINDOW(ss, 1)', true);
    expect(explainPlan(p.chain)).toBe([
      'ProjectPlan: fields=[lag(size) AS l, temp]',
      '  JoinPlan: from=demo INNER JOIN demo1 ON demo.ts = demo1.ts',
      '    WindowPlan: SLIDINGWINDOW(ss, 1) time=event',
      '      AnalyticFuncsPlan: funcs=[lag(size)]',
      '        WatermarkPlan: streams=[demo, demo1] lateTolerance=1000ms',
      '          DataSourcePlan: stream demo, stream demo1',
    ].join('\n'));
  });

  it('explains a stream-table join without window', () => {
    const rule = engine.createRule({ id: 'x', sql: 'SELECT * FROM demo LEFT JOIN table1 ON demo.ts = table1.id WHERE size > 1', actions: [] });
    expect(rule.explain()).toBe([
      'ProjectPlan: fields=[*]',
      '  FilterPlan: condition=size > 1',
      '    JoinPlan: from=demo LEFT JOIN table1 ON demo.ts = table1.id',
      '      DataSourcePlan: stream demo, table table1',
    ].join('\n'));
  });

  it('fails on bad window arguments built by code', () => {
    const w: WindowExpr = { type: 'window_expr', windowType: 'hopping', unit: 'ss', length: 10, interval: 0 };
    expect(() => validateWindow(w)).toThrow('bad window HOPPINGWINDOW(ss, 10, 0): the hop interval must be a positive integer, got 0');
  });
});
