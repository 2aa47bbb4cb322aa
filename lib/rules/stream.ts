import { renderCreate } from './ddl';
import { FleetEndpoint } from './fleet-endpoint';
import { datasourceOptions, SourceSchemaProps } from './source-schema';

/** Options of a typed stream. */
export interface StreamProps extends SourceSchemaProps {
  /** Topic (MQTT filter with `+`/`#`, or Kafka topic) the stream reads: the `DATASOURCE` option. */
  readonly topic: string;
  /** Field holding the event time, used when a rule sets `isEventTime`. @default - none (processing time) */
  readonly timestamp?: string;
  /** Format of a string `timestamp` field, e.g. `yyyy-MM-dd HH:mm:ss`. @default - epoch ms or ISO-8601 */
  readonly timestampFormat?: string;
  /** One source instance shared by every rule reading the stream. @default false */
  readonly shared?: boolean;
}

/**
 * A stream declaration of a site's rule set: eKuiper DDL text, or typed columns and options rendered to DDL.
 * Typed streams name the fleet endpoint they read from, checked against the site at synth time.
 * @see https://ekuiper.org/docs/en/latest/guide/streams/overview.html
 */
export class Stream {
  /**
   * A stream given as eKuiper DDL, e.g. `CREATE STREAM demo (temperature FLOAT) WITH (DATASOURCE="t", FORMAT="JSON")`.
   * Parsed and planned at synth like any other; it names no fleet endpoint.
   */
  public static fromDdl(ddl: string): Stream {
    return new Stream('fromDdl', undefined, () => ddl);
  }

  /** A stream on the site's own MQTT broker (the engine's default MQTT source, `TYPE="mqtt"` implied). */
  public static localMqtt(props: StreamProps): Stream {
    return new Stream('localMqtt', FleetEndpoint.LOCAL_MQTT, () => renderCreate('stream', props.name, props.columns ?? {}, {
      ...datasourceOptions(props),
      ...timing(props),
    }));
  }

  /**
   * A stream on a topic of the site's own Kafka (`TYPE="kafka"`). The brokers are the engine's default Kafka
   * connection (`sources.kafka.default` in `engine.yaml`), which the edge site chart sets to the site's Kafka
   * bootstrap (RuleEngine `kafkaBootstrap`).
   * @see https://ekuiper.org/docs/en/latest/guide/sources/plugin/kafka.html
   */
  public static edgeKafka(props: StreamProps): Stream {
    return new Stream('edgeKafka', FleetEndpoint.EDGE_KAFKA, () => renderCreate('stream', props.name, props.columns ?? {}, {
      TYPE: 'kafka',
      ...datasourceOptions(props),
      ...timing(props),
    }));
  }

  private constructor(
    /** Factory name, for messages (`edgeKafka`). */
    public readonly label: string,
    /** The fleet endpoint the stream reads; undefined for DDL streams. */
    public readonly endpoint: FleetEndpoint | undefined,
    private readonly render: () => string,
  ) {}

  /** The `CREATE STREAM` statement. */
  public toDdl(): string {
    return this.render();
  }
}

function timing(props: StreamProps): Record<string, string | undefined> {
  return {
    TIMESTAMP: props.timestamp,
    TIMESTAMP_FORMAT: props.timestampFormat,
    SHARED: props.shared ? 'true' : undefined,
  };
}
