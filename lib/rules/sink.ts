import { FleetEndpoint } from './fleet-endpoint';
import { KafkaSinkOptions, LogSinkOptions, MqttSinkOptions, RestSinkOptions, SinkOptions } from './sink-options';
import { SiteEndpoints } from './site-endpoints';

/** One eKuiper action: `{ "<sink type>": { ...properties } }`. */
export type RuleAction = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** The fix offered when a site lacks a sink's or stream's endpoint. */
export const MISSING_FIX = 'use an endpoint the site has, or move the rule set to a site that has this one';

/** Drops undefined values so the rendered JSON only holds what was set. */
function defined(props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
}

function common(o: SinkOptions): Record<string, unknown> {
  return { sendSingle: o.sendSingle, dataTemplate: o.dataTemplate, omitIfEmpty: o.omitIfEmpty, fields: o.fields, bufferLength: o.bufferLength };
}

function mqtt(o: MqttSinkOptions): Record<string, unknown> {
  return defined({ topic: o.topic, qos: o.qos, retained: o.retained, ...common(o) });
}

function kafka(o: KafkaSinkOptions): Record<string, unknown> {
  return defined({ topic: o.topic, key: o.key, requiredACKs: o.requiredACKs, compression: o.compression, ...common(o) });
}

/**
 * An action of a rule: where its results go. Sinks that name a fleet endpoint (`cloudMqtt`, `cloudKafka`,
 * `edgeKafka`, `localMqtt`) get their address from the site's inventory entry at synth time, so the same rule works
 * at every site that has the endpoint; a site without it fails synth.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/overview.html
 */
export class Sink {
  /**
   * Publishes to the environment's cloud EMQX over TLS: `server` becomes `mqtts://<cloud.mqttHost>:<cloud.mqttPort>`
   * and `resourceId` `cloud` (the engine's `sinks.mqtt.cloud` section: client certificate and CA).
   * @see https://ekuiper.org/docs/en/latest/guide/sinks/builtin/mqtt.html
   */
  public static cloudMqtt(options: MqttSinkOptions): Sink {
    return new Sink('cloudMqtt', 'mqtt', FleetEndpoint.CLOUD_MQTT, mqtt(options));
  }

  /**
   * Publishes to the site's own MQTT broker, the rule engine's default MQTT server (no `server` is rendered).
   * @see https://ekuiper.org/docs/en/latest/guide/sinks/builtin/mqtt.html
   */
  public static localMqtt(options: MqttSinkOptions): Sink {
    return new Sink('localMqtt', 'mqtt', FleetEndpoint.LOCAL_MQTT, mqtt(options));
  }

  /**
   * Produces to the environment's cloud Kafka: `brokers` becomes the cloud's external SASL_SSL bootstrap and
   * `resourceId` `cloud` (the engine's `sinks.kafka.cloud` section: SASL user and password, CA).
   * @see https://ekuiper.org/docs/en/latest/guide/sinks/plugin/kafka.html
   */
  public static cloudKafka(options: KafkaSinkOptions): Sink {
    return new Sink('cloudKafka', 'kafka', FleetEndpoint.CLOUD_KAFKA, kafka(options));
  }

  /**
   * Produces to the site's own Kafka (edge data centers). Topics listed in the site's MirrorMaker 2 `topics`
   * (e.g. `alarms`) are replicated up to the cloud Kafka.
   * @see https://ekuiper.org/docs/en/latest/guide/sinks/plugin/kafka.html
   */
  public static edgeKafka(options: KafkaSinkOptions): Sink {
    return new Sink('edgeKafka', 'kafka', FleetEndpoint.EDGE_KAFKA, kafka(options));
  }

  /**
   * Writes each result to the engine's log.
   * @see https://ekuiper.org/docs/en/latest/guide/sinks/builtin/log.html
   */
  public static log(options: LogSinkOptions = {}): Sink {
    return new Sink('log', 'log', undefined, defined({ level: options.level, ...common(options) }));
  }

  /**
   * Sends each result to an HTTP endpoint (not a fleet endpoint: the URL is used as given).
   * @see https://ekuiper.org/docs/en/latest/guide/sinks/builtin/rest.html
   */
  public static rest(options: RestSinkOptions): Sink {
    return new Sink('rest', 'rest', undefined, defined({
      url: options.url,
      method: options.method,
      headers: options.headers,
      timeout: options.timeout?.toMilliseconds(),
      retryCount: options.retryCount,
      retryInterval: options.retryInterval?.toMilliseconds(),
      ...common(options),
    }));
  }

  private constructor(
    /** Factory name, for messages (`edgeKafka`). */
    public readonly label: string,
    /** Connector type: the action key (`mqtt`, `kafka`, `log`, `rest`). */
    public readonly type: string,
    /** The fleet endpoint it writes to; undefined for sinks that need none. */
    public readonly endpoint: FleetEndpoint | undefined,
    private readonly properties: Readonly<Record<string, unknown>>,
  ) {}

  /**
   * The eKuiper action for one site: the endpoint's connection properties, then the sink's own properties.
   * @throws Error `Sink.<label> points to an endpoint the site does not have: <what is missing>; <fix>`
   */
  public resolve(endpoints: SiteEndpoints): RuleAction {
    if (this.endpoint === undefined) return { [this.type]: { ...this.properties } };
    const connection = endpoints.available[this.endpoint];
    if (!connection) {
      throw new Error(`Sink.${this.label} points to an endpoint the site does not have: ${endpoints.missing[this.endpoint]}; ${MISSING_FIX}`);
    }
    return { [this.type]: { ...connection, ...this.properties } };
  }
}
