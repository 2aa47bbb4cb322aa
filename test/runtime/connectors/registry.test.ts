import pino from 'pino';
import { builtinConnectors } from '../../../runtime/connectors/builtin';
import { createConnectorContext } from '../../../runtime/connectors/context';
import { describeSpec } from '../../../runtime/connectors/spec';
import { mqttSinkSpec } from '../../../runtime/connectors/mqtt/mqtt-sink';
import { SinkEncoder } from '../../../runtime/connectors/sink-encoder';

const ctx = createConnectorContext({ logger: pino({ level: 'silent' }) });

describe('connector registry', () => {
  const registry = builtinConnectors();

  it('registers the built-in sources and sinks', () => {
    expect(registry.sourceSpecs().map((s) => s.type)).toEqual(['mqtt', 'kafka', 'memory']);
    expect(registry.sinkSpecs().map((s) => s.type)).toEqual(['mqtt', 'kafka', 'log', 'memory', 'rest', 'file']);
  });

  it('fails on an unknown sink type, listing the known ones', () => {
    expect(() => registry.createSink('nats', {}, ctx, 'rule r1 action 0')).toThrow(
      'rule r1 action 0: unknown sink type "nats"; use one of mqtt, kafka, log, memory, rest, file',
    );
  });

  it('fails on an unknown source type', () => {
    expect(() => registry.createSource('redis', {}, 't', ctx, 'stream s')).toThrow('stream s: unknown source type "redis"; use one of mqtt, kafka, memory');
  });

  it('fails on invalid properties, naming the key and the type', () => {
    expect(() => registry.validateSink('mqtt', { topic: 'x', qos: 2 }, 'rule r1 action 1')).toThrow(
      'rule r1 action 1: invalid mqtt properties: property "qos": Invalid input',
    );
    expect(() => registry.validateSink('mqtt', { qos: 1 }, 'rule r1 action 1')).toThrow('property "topic": Invalid input: expected string, received undefined');
  });

  it('accepts source types case-insensitively, as the TYPE option', () => {
    expect(registry.hasSource('MQTT')).toBe(true);
  });

  it('documents every field with a description, and defaults where they exist', () => {
    const fields = describeSpec(mqttSinkSpec);
    expect(fields.find((f) => f.name === 'qos')).toEqual({ name: 'qos', description: 'Publish QoS: 0 or 1 (awaits PUBACK)', default: 1 });
    expect(fields.find((f) => f.name === 'retained')?.default).toBe(false);
    for (const spec of [...registry.sourceSpecs(), ...registry.sinkSpecs()]) {
      for (const f of describeSpec(spec)) expect(`${spec.type}.${f.name}: ${f.description}`).not.toMatch(/: $/);
    }
  });
});

describe('SinkEncoder (common sink properties)', () => {
  const batch = [
    { temperature: 50, humidity: 20 },
    { temperature: 40, humidity: 20 },
  ];

  it('sends the batch as one JSON array by default', () => {
    const messages = SinkEncoder.fromAction({}, 'a').encode(batch);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.payload).toBe('[{"temperature":50,"humidity":20},{"temperature":40,"humidity":20}]');
    expect(messages[0]?.rowCount).toBe(2);
  });

  it('sends one message per row under sendSingle, rendering dataTemplate', () => {
    const messages = SinkEncoder.fromAction({ sendSingle: true, dataTemplate: 't={{.temperature}}' }, 'a').encode(batch);
    expect(messages.map((m) => m.payload)).toEqual(['t=50', 't=40']);
  });

  it('keeps only the listed fields and skips empty batches under omitIfEmpty', () => {
    const encoder = SinkEncoder.fromAction({ sendSingle: true, fields: ['humidity'], omitIfEmpty: true }, 'a');
    expect(encoder.encode(batch).map((m) => m.payload)).toEqual(['{"humidity":20}', '{"humidity":20}']);
    expect(encoder.encode([])).toEqual([]);
  });

  it('fails on an unsupported template action', () => {
    expect(() => SinkEncoder.fromAction({ dataTemplate: '{{range .}}x{{end}}' }, 'a')).toThrow(
      'unsupported template action "{{range .}}" in "{{range .}}x{{end}}"; use {{.field}}, {{.a.b}}, {{.}} or {{json .field}}',
    );
  });

  it('fails on a wrongly typed common property', () => {
    expect(() => SinkEncoder.fromAction({ sendSingle: 'yes' }, 'rule r1 action 0')).toThrow(
      'rule r1 action 0: invalid common sink properties: property "sendSingle": Invalid input: expected boolean, received string',
    );
  });
});
