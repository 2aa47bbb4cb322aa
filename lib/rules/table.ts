import { renderCreate } from './ddl';
import { FleetEndpoint } from './fleet-endpoint';
import { datasourceOptions, SourceSchemaProps } from './source-schema';

/** Options of a typed table on the site's MQTT broker. */
export interface TableProps extends SourceSchemaProps {
  /** Topic whose messages fill the table: the `DATASOURCE` option. */
  readonly topic: string;
  /** Rows kept: the latest `retainSize` messages. @default - eKuiper's default (all rows until replaced) */
  readonly retainSize?: number;
}

/**
 * A table declaration of a site's rule set (a scan table rules JOIN with a stream): eKuiper DDL text, or a typed
 * table on the site's MQTT broker.
 * @see https://ekuiper.org/docs/en/latest/guide/tables/overview.html
 */
export class Table {
  /** A table given as eKuiper DDL, e.g. `CREATE TABLE limits (deviceId STRING, max FLOAT) WITH (...)`. */
  public static fromDdl(ddl: string): Table {
    return new Table('fromDdl', undefined, () => ddl);
  }

  /** A table filled from a topic of the site's own MQTT broker. */
  public static localMqtt(props: TableProps): Table {
    return new Table('localMqtt', FleetEndpoint.LOCAL_MQTT, () => renderCreate('table', props.name, props.columns ?? {}, {
      ...datasourceOptions(props),
      RETAIN_SIZE: props.retainSize,
    }));
  }

  private constructor(
    /** Factory name, for messages (`edgeKafka`). */
    public readonly label: string,
    /** The fleet endpoint the table reads; undefined for DDL tables. */
    public readonly endpoint: FleetEndpoint | undefined,
    private readonly render: () => string,
  ) {}

  /** The `CREATE TABLE` statement. */
  public toDdl(): string {
    return this.render();
  }
}
