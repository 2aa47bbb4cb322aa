import { show, type ColumnDef, type CreateStatement } from '../../runtime/sql';
import { ColumnType } from './column-type';

/**
 * Renders `CREATE STREAM|TABLE name (columns) WITH (options)` with the runtime's own SQL printer, so quoting and
 * type names are exactly what its parser reads back. Options with an undefined value are left out.
 * @param columns column name to type, in order; empty for a schemaless stream
 * @param options option key (upper case, e.g. `DATASOURCE`) to value
 * @see https://ekuiper.org/docs/en/latest/sqls/streams.html
 */
export function renderCreate(
  kind: 'stream' | 'table',
  name: string,
  columns: Readonly<Record<string, ColumnType>>,
  options: Readonly<Record<string, string | boolean | number | undefined>>,
): string {
  const stmt: CreateStatement = {
    type: 'create_stmt',
    kind,
    name,
    columns: Object.entries(columns).map(([col, t]): ColumnDef => ({ type: 'column_def', name: col, dataType: t.node })),
    options: Object.entries(options)
      .filter((e): e is [string, string | boolean | number] => e[1] !== undefined)
      .map(([key, value]) => ({ type: 'stream_option', key, value: String(value) })),
  };
  return show(stmt);
}
