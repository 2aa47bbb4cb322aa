/**
 * The catalog of streams and tables, built from CREATE statements and kept as text (eKuiper persists the DDL).
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/streams.html
 * @see https://ekuiper.org/docs/en/latest/sqls/tables.html
 */
import type { CreateStatement, DataType } from '../sql/ast';
import type { ValueKind } from '../functions/types';
import type { StreamDefinition } from './contract';
import { ConflictError, NotFoundError } from './errors';

/** Renders a column type as written in DDL: `bigint`, `array(float)`, `struct(a bigint, b string)`. */
export function typeText(t: DataType): string {
  if (t.name === 'array' && t.elementType) return `array(${typeText(t.elementType)})`;
  if (t.name === 'struct' && t.fields) return `struct(${t.fields.map((f) => `${f.name} ${typeText(f.dataType)}`).join(', ')})`;
  return t.name;
}

/** Static kind of a declared column type (`bigint` → `int`, `float` → `float`, ...). */
export function kindOfType(type: string): ValueKind {
  const base = type.replace(/\(.*$/s, '').toLowerCase();
  switch (base) {
    case 'bigint': return 'int';
    case 'float': return 'float';
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'datetime': return 'datetime';
    case 'bytea': return 'bytes';
    case 'array': return 'array';
    case 'struct': return 'struct';
    default: return 'unknown';
  }
}

/** Streams and tables by name (separate namespaces, as eKuiper). */
export class Catalog {
  private readonly streams = new Map<string, StreamDefinition>();
  private readonly tables = new Map<string, StreamDefinition>();

  /**
   * Adds a stream or table from its parsed CREATE statement.
   * @param stmt parsed CREATE STREAM / CREATE TABLE
   * @param sql the statement text, kept as given
   * @throws ConflictError if a stream (or table) with that name exists
   */
  create(stmt: CreateStatement, sql: string): StreamDefinition {
    const map = stmt.kind === 'stream' ? this.streams : this.tables;
    if (map.has(stmt.name)) {
      throw new ConflictError(stmt.kind, stmt.name, `${stmt.kind} ${stmt.name} already exists; drop it first with DROP ${stmt.kind.toUpperCase()} ${stmt.name}`);
    }
    const options: Record<string, string> = {};
    for (const o of stmt.options) options[o.key.toUpperCase()] = o.value;
    const def: StreamDefinition = {
      name: stmt.name,
      kind: stmt.kind,
      sql: sql.trim(),
      columns: stmt.columns.map((c) => ({ name: c.name, type: typeText(c.dataType) })),
      options,
    };
    map.set(stmt.name, def);
    return def;
  }

  /**
   * Removes a stream or table.
   * @throws NotFoundError if it does not exist
   */
  drop(kind: 'stream' | 'table', name: string): void {
    const map = kind === 'stream' ? this.streams : this.tables;
    if (!map.delete(name)) throw new NotFoundError(kind, name);
  }

  /**
   * One definition.
   * @throws NotFoundError if it does not exist
   */
  get(kind: 'stream' | 'table', name: string): StreamDefinition {
    const def = (kind === 'stream' ? this.streams : this.tables).get(name);
    if (!def) throw new NotFoundError(kind, name);
    return def;
  }

  /** A stream, else a table, named `name`. */
  lookup(name: string): StreamDefinition | undefined {
    return this.streams.get(name) ?? this.tables.get(name);
  }

  /** Names of all streams or tables, sorted. */
  list(kind: 'stream' | 'table'): string[] {
    return [...(kind === 'stream' ? this.streams : this.tables).keys()].sort();
  }
}
