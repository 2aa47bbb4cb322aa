import type { DataType } from '../../runtime/sql';

/**
 * A column type of a stream or table schema, as eKuiper's DDL names it (`BIGINT`, `FLOAT`, `ARRAY(FLOAT)`,
 * `STRUCT(lat FLOAT, lon FLOAT)`). Enum-like: use the constants and the `array` / `struct` factories.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/data_types.html
 */
export class ColumnType {
  /** 64-bit signed integer. */
  public static readonly BIGINT = new ColumnType({ type: 'data_type', name: 'bigint' });
  /** 64-bit float. */
  public static readonly FLOAT = new ColumnType({ type: 'data_type', name: 'float' });
  /** UTF-8 string. */
  public static readonly STRING = new ColumnType({ type: 'data_type', name: 'string' });
  /** Date and time (epoch ms or an ISO-8601 / TIMESTAMP_FORMAT string in the payload). */
  public static readonly DATETIME = new ColumnType({ type: 'data_type', name: 'datetime' });
  /** Boolean. */
  public static readonly BOOLEAN = new ColumnType({ type: 'data_type', name: 'boolean' });
  /** Raw bytes (base64 in JSON payloads). */
  public static readonly BYTEA = new ColumnType({ type: 'data_type', name: 'bytea' });

  /** `ARRAY(element)`: a list whose items all have the `element` type. */
  public static array(element: ColumnType): ColumnType {
    return new ColumnType({ type: 'data_type', name: 'array', elementType: element.node });
  }

  /**
   * `STRUCT(name TYPE, ...)`: a nested object with the given fields.
   * @param fields field name to type, in declaration order
   * @throws Error when `fields` is empty
   */
  public static struct(fields: Readonly<Record<string, ColumnType>>): ColumnType {
    const entries = Object.entries(fields);
    if (entries.length === 0) throw new Error('ColumnType.struct: no fields; declare at least one, e.g. { lat: ColumnType.FLOAT }');
    return new ColumnType({
      type: 'data_type',
      name: 'struct',
      fields: entries.map(([name, t]) => ({ type: 'column_def', name, dataType: t.node })),
    });
  }

  private constructor(
    /** The type as the runtime's SQL AST node. @internal */
    public readonly node: DataType,
  ) {}
}
