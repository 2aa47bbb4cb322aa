import { EXAMPLE_FLEET } from '../../../lib/inventory/example-fleet';
import {
  ColumnType, RuleValidationError, Sink, SiteRuleSet, Stream, gatewayRuleSet, resolveSiteDefinitions,
} from '../../../lib/rules';

const demo = Stream.localMqtt({ name: 'demo', topic: 'devices/+/messages', columns: { temperature: ColumnType.FLOAT, humidity: ColumnType.BIGINT } });

function gw01(ruleSet: SiteRuleSet) {
  return () => resolveSiteDefinitions(EXAMPLE_FLEET, 'dev', 'gw01', ruleSet);
}

/** A site rule set that resolveSiteDefinitions must reject for dev/gw01, and the exact message. */
interface RejectedRuleSet {
  readonly name: string;
  readonly ruleSet: SiteRuleSet;
  readonly message: string;
}

const hotRule = { id: 'hot', sql: 'SELECT * FROM demo', actions: [Sink.log()] };

function rejects({ ruleSet, message }: RejectedRuleSet): void {
  const run = gw01(ruleSet);
  expect(run).toThrow(RuleValidationError);
  expect(run).toThrow(message);
}

describe('resolveSiteDefinitions validation', () => {
  test.each<RejectedRuleSet>([
    {
      name: 'fails on bad SQL, naming the site, the rule id, the line and the column',
      ruleSet: { streams: [demo], rules: [{ id: 'hot', sql: 'SELECT temperature\nFROM demo WHERE temperature >', actions: [Sink.log()] }] },
      message: [
        'dev-gw01: rule hot at line 2, column 30: Unexpected end of input; was expecting to see: expression',
        '  |',
        '2 | FROM demo WHERE temperature >',
        '  |                              ^',
      ].join('\n'),
    },
    {
      name: 'fails on an unknown stream, placed on the FROM item',
      ruleSet: { streams: [demo], rules: [{ id: 'hot', sql: 'SELECT * FROM nosuch WHERE temperature > 30', actions: [Sink.log()] }] },
      message: [
        'dev-gw01: rule hot at line 1, column 15: stream nosuch not found; create it with CREATE STREAM nosuch (...) WITH (...) before the rule',
        '  |',
        '1 | SELECT * FROM nosuch WHERE temperature > 30',
        '  |               ^',
      ].join('\n'),
    },
    {
      name: 'fails on an unknown function, placed on the call',
      ruleSet: { streams: [demo], rules: [{ id: 'hot', sql: 'SELECT celsius(temperature) FROM demo', actions: [Sink.log()] }] },
      message: [
        'dev-gw01: rule hot at line 1, column 8: function celsius: not found; check the name against the eKuiper built-in functions',
        '  |',
        '1 | SELECT celsius(temperature) FROM demo',
        '  |        ^',
      ].join('\n'),
    },
    {
      name: 'fails on a sink pointing to an endpoint the site does not have (edge Kafka on a gateway)',
      ruleSet: { streams: [demo], rules: [{ id: 'alarms', sql: 'SELECT * FROM demo', actions: [Sink.log(), Sink.edgeKafka({ topic: 'alarms' })] }] },
      message: 'dev-gw01: rule alarms: action 1: Sink.edgeKafka points to an endpoint the site does not have: no edge Kafka '
        + '(profile edge-gateway runs no Kafka; components.kafka is not set); use an endpoint the site has, or move the rule set to a site that has this one',
    },
    {
      name: 'fails on a duplicate rule id',
      ruleSet: { streams: [demo], rules: [hotRule, { ...hotRule, sql: 'SELECT temperature FROM demo' }] },
      message: "dev-gw01: rule hot: duplicate rule id; rule ids are the engine's key and must be unique within a site, rename one of the rules",
    },
  ])('$name', rejects);
});

describe('resolveSiteDefinitions validation of streams, tables and sinks', () => {
  test.each<RejectedRuleSet>([
    {
      name: 'fails on bad stream DDL, naming the stream',
      ruleSet: { streams: [Stream.fromDdl('CREATE STREAM demo (temperature FLOT) WITH (DATASOURCE="x")')] },
      message: [
        'dev-gw01: stream demo at line 1, column 33: Unknown data type "FLOT"; was expecting to see: one of BIGINT, FLOAT, STRING, DATETIME, BOOLEAN, BYTEA, ARRAY, STRUCT',
        '  |',
        '1 | CREATE STREAM demo (temperature FLOT) WITH (DATASOURCE="x")',
        '  |                                 ^',
      ].join('\n'),
    },
    {
      name: 'fails on a stream reading an endpoint the site does not have',
      ruleSet: { streams: [Stream.edgeKafka({ name: 'm3_monitor', topic: 'm3_monitor' })] },
      message: 'dev-gw01: stream m3_monitor: Stream.edgeKafka points to an endpoint the site does not have: no edge Kafka '
        + '(profile edge-gateway runs no Kafka; components.kafka is not set); use an endpoint the site has, or move the rule set to a site that has this one',
    },
    {
      name: 'fails on a duplicate stream name',
      ruleSet: { streams: [demo, demo] },
      message: 'dev-gw01: stream demo: duplicate stream name; names must be unique within a site, rename or remove one of the declarations',
    },
    {
      name: 'fails on sink properties the runtime connector rejects',
      ruleSet: { streams: [demo], rules: [{ id: 'hook', sql: 'SELECT * FROM demo', actions: [Sink.rest({ url: 'not a url' })] }] },
      message: 'dev-gw01: rule hook: action 0 (rest): invalid rest properties: property "url": Invalid URL. Fix the properties and retry.',
    },
    {
      name: 'fails on a rule without actions',
      ruleSet: { streams: [demo], rules: [{ id: 'hook', sql: 'SELECT * FROM demo', actions: [] }] },
      message: 'dev-gw01: rule hook: no actions; add at least one sink, e.g. Sink.log()',
    },
  ])('$name', rejects);

  test('fails on rules for a site that runs no rule engine', () => {
    expect(() => resolveSiteDefinitions(EXAMPLE_FLEET, 'prod', 'cloud', gatewayRuleSet())).toThrow(
      'prod-cloud: rule demo_over_30: the site runs no rule engine (components.ruleEngine is not set); move the rule set to an edge site or add a rule engine',
    );
  });

  test('fails on a site that is not in the fleet', () => {
    expect(() => resolveSiteDefinitions(EXAMPLE_FLEET, 'dev', 'gw99', gatewayRuleSet())).toThrow(
      'Unknown site "gw99" in environment "dev"; it has "cloud", "dc24", "gw01"',
    );
  });

  test('the error carries the site, the subject and the location', () => {
    let caught: unknown;
    try {
      gw01({ streams: [demo], rules: [{ id: 'hot', sql: 'SELECT * FROM demo WHERE', actions: [Sink.log()] }] })();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(RuleValidationError);
    expect(caught).toMatchObject({ site: 'dev-gw01', kind: 'rule', subject: 'hot', location: { line: 1, column: 25 } });
  });
});
