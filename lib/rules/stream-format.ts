/**
 * Payload format of a stream or table (the DDL option `FORMAT`).
 * @see https://ekuiper.org/docs/en/latest/sqls/streams.html
 */
export enum StreamFormat {
  /** One JSON object (or an array of objects) per message. */
  JSON = 'JSON',
  /** The whole payload as one bytea field `self`. */
  BINARY = 'BINARY',
  /** Delimited text, split by the `DELIMITER` option. */
  DELIMITED = 'DELIMITED',
}
