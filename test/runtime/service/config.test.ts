import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinConnectors } from '../../../runtime/connectors/builtin';
import { configConnections, hasMqttServer } from '../../../runtime/config/config-connections';
import { loadConfig } from '../../../runtime/config/load-config';
import { tempDataDir } from '../../support/service';

const registry = builtinConnectors();

function yamlFile(text: string): string {
  const file = join(tempDataDir(), 'edgestack.yaml');
  writeFileSync(file, text);
  return file;
}

describe('service config', () => {
  it('has secure defaults: loopback bind, port 9081, 1 MiB limits, ./data', () => {
    const config = loadConfig({}, registry, undefined);
    expect(config.rest).toEqual({ bind: '127.0.0.1', port: 9081, bodyLimitBytes: 1048576 });
    expect(config.source.maxPayloadBytes).toBe(1048576);
    expect(config.dataDir).toBe('./data');
    expect(config.embeddedBroker).toEqual({ enabled: 'auto', host: '127.0.0.1', port: 1883 });
    expect(hasMqttServer(config)).toBe(false);
  });

  it("accepts eKuiper's env naming for connector sections", () => {
    const config = loadConfig(
      {
        MQTT_SOURCE__DEFAULT__SERVERS: '[tcp://127.0.0.1:1883]',
        MQTT_SOURCE__DEFAULT__USERNAME: 'edge',
        MQTT_SOURCE__DEFAULT__PASSWORD: '123456',
        MQTT_SOURCE__DEFAULT__QOS: '0',
        MQTT_SOURCE__DEFAULT__PROTOCOLVERSION: '5',
        KAFKA_SINK__CLOUD__BROKERS: 'kafka-0:9092,kafka-1:9092',
        KAFKA_SINK__CLOUD__SASLAUTHTYPE: 'plain',
      },
      registry,
      undefined,
    );
    expect(config.sources.mqtt).toEqual({
      default: { servers: ['tcp://127.0.0.1:1883'], username: 'edge', password: '123456', qos: 0, protocolVersion: '5' },
    });
    expect(config.sinks.kafka).toEqual({ cloud: { brokers: 'kafka-0:9092,kafka-1:9092', saslAuthType: 'plain' } });
    expect(hasMqttServer(config)).toBe(true);
  });

  it('maps the EDGESTACK_* variables the RuleEngine construct sets', () => {
    const config = loadConfig(
      {
        EDGESTACK_REST_BIND: '0.0.0.0',
        EDGESTACK_REST_PORT: '9081',
        EDGESTACK_REST_TOKEN_FILE: '/var/run/secrets/edgestack/token',
        EDGESTACK_DATA_DIR: '/var/lib/edgestack',
        EDGESTACK_DEFINITIONS: '/etc/edgestack/definitions.json',
        EDGESTACK_MAX_PAYLOAD_BYTES: '2048',
      },
      registry,
      undefined,
    );
    expect(config).toMatchObject({
      rest: { bind: '0.0.0.0', port: 9081, tokenFile: '/var/run/secrets/edgestack/token' },
      dataDir: '/var/lib/edgestack',
      definitionsFile: '/etc/edgestack/definitions.json',
      source: { maxPayloadBytes: 2048 },
    });
  });

  it('reads a YAML file and lets the environment override it', () => {
    const file = yamlFile('rest:\n  port: 9500\nsources:\n  mqtt:\n    default:\n      server: tcp://mosquitto:1883\n      qos: 1\n');
    const config = loadConfig({ EDGESTACK_REST_PORT: '9600', MQTT_SOURCE__DEFAULT__QOS: '0' }, registry, file);
    expect(config.rest.port).toBe(9600);
    expect(config.sources.mqtt?.default).toEqual({ server: 'tcp://mosquitto:1883', qos: 0 });
  });

  it('fails on a non-integer port, naming the variable', () => {
    expect(() => loadConfig({ EDGESTACK_REST_PORT: 'http' }, registry, undefined)).toThrow(
      'EDGESTACK_REST_PORT="http" is not an integer; set it to a whole number such as 9081',
    );
  });

  it('fails on an unknown or mistyped key in the file, naming the key', () => {
    const file = yamlFile('rest:\n  prot: 9081\nlog:\n  level: loud\n');
    expect(() => loadConfig({}, registry, file)).toThrow(
      `invalid configuration in config file "${file}" or the environment: key "rest": Unrecognized key: "prot"; key "log.level": Invalid option: expected one of "trace"|"debug"|"info"|"warn"|"error"|"fatal"|"silent"`,
    );
  });

  it('fails on a missing file, naming it and EDGESTACK_CONFIG', () => {
    expect(() => loadConfig({}, registry, '/nonexistent/edgestack.yaml')).toThrow(
      'cannot read config file "/nonexistent/edgestack.yaml" (EDGESTACK_CONFIG): ENOENT',
    );
  });
});

describe('connection defaults', () => {
  const config = loadConfig(
    {
      MQTT_SOURCE__DEFAULT__SERVER: 'tcp://site-broker:1883',
      MQTT_SOURCE__DEFAULT__USERNAME: 'edge',
      MQTT_SOURCE__CLOUD__SERVER: 'tcp://emqx:1883',
      MQTT_SINK__CLOUD__SERVER: 'tcp://emqx.cloud:1883',
    },
    registry,
    undefined,
  );
  const connections = configConnections(config);

  it('selects a source section by CONF_KEY over the default section', () => {
    expect(connections.source('mqtt', 'cloud')).toEqual({ server: 'tcp://emqx:1883', username: 'edge' });
    expect(connections.source('mqtt', 'missing')).toEqual({ server: 'tcp://site-broker:1883', username: 'edge' });
    expect(connections.source('kafka', 'default')).toEqual({});
  });

  it("gives an MQTT sink without a server the default source's broker", () => {
    expect(connections.sink('mqtt', 'default')).toEqual({ server: 'tcp://site-broker:1883', username: 'edge' });
    expect(connections.sink('mqtt', 'cloud')).toEqual({ server: 'tcp://emqx.cloud:1883' });
  });
});
