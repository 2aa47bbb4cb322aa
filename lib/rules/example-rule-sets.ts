import { SiteSpec } from '../inventory/fleet';
import { ColumnType } from './column-type';
import { Rule } from './rule';
import { Sink } from './sink';
import { KafkaAcks } from './sink-options';
import { SiteRuleSet } from './site-rule-set';
import { Stream } from './stream';

/** Topic the gateway rule publishes to on the cloud EMQX (the walkthrough's `demoSink`). */
export const GATEWAY_SINK_TOPIC = 'demoSink';

/** Edge Kafka topic of the data-center threshold alarms; MirrorMaker 2 replicates it to the cloud Kafka. */
export const ALARMS_TOPIC = 'alarms';

/** Edge Kafka topic of the data-center 1-minute aggregates per device (kept at the site). */
export const AGGREGATES_TOPIC = 'm3_monitor_1m';

/**
 * Rule set of a Pi-class gateway (profile `edge-gateway`), the eKuiper walkthrough: stream `demo` on the local
 * broker's `devices/+/messages`, and rule `demo_over_30` sending readings above 30 °C to the cloud EMQX topic
 * `demoSink` and to the log.
 * @see https://ekuiper.org/docs/en/latest/getting_started/getting_started.html
 */
export function gatewayRuleSet(): SiteRuleSet {
  return {
    streams: [
      Stream.localMqtt({
        name: 'demo',
        topic: 'devices/+/messages',
        columns: { temperature: ColumnType.FLOAT, humidity: ColumnType.BIGINT },
      }),
    ],
    rules: [
      {
        id: 'demo_over_30',
        sql: 'SELECT * FROM demo WHERE temperature > 30',
        actions: [Sink.cloudMqtt({ topic: GATEWAY_SINK_TOPIC }), Sink.log()],
      },
    ],
  };
}

/**
 * Columns of the data-center monitoring stream `m3_monitor`: one reading per device, with the data center's id.
 * Units: `upsBattery` in % of charge, `temperature` in °C, `humidity` in % RH; `waterLeak` is true while a leak
 * sensor is wet.
 */
export const M3_MONITOR_COLUMNS = {
  deviceId: ColumnType.STRING,
  dc_id: ColumnType.STRING,
  upsBattery: ColumnType.FLOAT,
  temperature: ColumnType.FLOAT,
  humidity: ColumnType.FLOAT,
  waterLeak: ColumnType.BOOLEAN,
};

const ALARM_SQL = `SELECT deviceId, dc_id, upsBattery, temperature, humidity, waterLeak,
  CASE WHEN waterLeak THEN 'water_leak' WHEN upsBattery < 20 THEN 'ups_battery_low' ELSE 'room_temperature_high' END AS alarm
FROM m3_monitor
WHERE waterLeak = true OR upsBattery < 20 OR temperature > 30`;

const AGGREGATE_SQL = `SELECT deviceId, dc_id,
  avg(upsBattery) AS upsBatteryAvg, min(upsBattery) AS upsBatteryMin,
  avg(temperature) AS temperatureAvg, max(temperature) AS temperatureMax,
  avg(humidity) AS humidityAvg, max(humidity) AS humidityMax,
  sum(CASE WHEN waterLeak THEN 1 ELSE 0 END) AS waterLeakReadings,
  count(*) AS readings, window_end() AS windowEnd
FROM m3_monitor
GROUP BY deviceId, dc_id, TUMBLINGWINDOW(mi, 1)`;

/**
 * Rule set of an edge data center (profile `edge-datacenter`): stream `m3_monitor` on the site's Kafka topic
 * `m3_monitor` ({@link M3_MONITOR_COLUMNS}), and two rules:
 * - `dc_threshold_alarms`: UPS battery below 20 %, room temperature above 30 °C or any water leak, one message per
 *   alarm keyed by device, to the edge Kafka topic `alarms`, which MirrorMaker 2 replicates to the cloud Kafka;
 * - `dc_device_minute`: per device, 1-minute tumbling-window averages and maxima, to the edge Kafka topic
 *   `m3_monitor_1m`.
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html
 */
export function dataCenterRuleSet(): SiteRuleSet {
  const alarms: Rule = {
    id: 'dc_threshold_alarms',
    sql: ALARM_SQL,
    actions: [Sink.edgeKafka({ topic: ALARMS_TOPIC, key: '{{.deviceId}}', requiredACKs: KafkaAcks.ALL, sendSingle: true })],
  };
  const aggregates: Rule = {
    id: 'dc_device_minute',
    sql: AGGREGATE_SQL,
    actions: [Sink.edgeKafka({ topic: AGGREGATES_TOPIC, key: '{{.deviceId}}', sendSingle: true })],
  };
  return {
    streams: [Stream.edgeKafka({ name: 'm3_monitor', topic: 'm3_monitor', columns: M3_MONITOR_COLUMNS })],
    rules: [alarms, aggregates],
  };
}

/**
 * The example rule set of a site, by profile: {@link gatewayRuleSet} for `edge-gateway`,
 * {@link dataCenterRuleSet} for `edge-datacenter`, and an empty set for any other site (cloud sites run no rule
 * engine).
 */
export function exampleRuleSet(site: SiteSpec): SiteRuleSet {
  switch (site.profile) {
    case 'edge-gateway': return gatewayRuleSet();
    case 'edge-datacenter': return dataCenterRuleSet();
    default: return {};
  }
}
