import { ColumnType } from './column-type';
import { StreamFormat } from './stream-format';

/**
 * Schema and decoding options shared by typed streams and tables.
 * @see https://ekuiper.org/docs/en/latest/sqls/streams.html
 */
export interface SourceSchemaProps {
  /** Stream or table name, as used in FROM. */
  readonly name: string;
  /** Column name to type, in order. @default - schemaless (every field of the payload is kept) */
  readonly columns?: Readonly<Record<string, ColumnType>>;
  /** Payload format. @default StreamFormat.JSON */
  readonly format?: StreamFormat;
  /** Drop messages whose fields do not match the schema instead of converting them. @default false */
  readonly strictValidation?: boolean;
}

/**
 * The `WITH` options every typed stream and table on a topic starts with, in this order: `DATASOURCE` (the topic),
 * `FORMAT` (default `JSON`) and `STRICT_VALIDATION` (`"true"`, or left out when false). For `renderCreate` (`./ddl`).
 * @see https://ekuiper.org/docs/en/latest/sqls/streams.html
 */
export function datasourceOptions(props: SourceSchemaProps & { readonly topic: string }): Record<string, string | undefined> {
  return {
    DATASOURCE: props.topic,
    FORMAT: props.format ?? StreamFormat.JSON,
    STRICT_VALIDATION: props.strictValidation ? 'true' : undefined,
  };
}
