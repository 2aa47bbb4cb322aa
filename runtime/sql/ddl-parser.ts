import type {
  ColumnDef, CreateStatement, DataType, DataTypeName, DescribeStatement, DropStatement, ShowStatement, StreamOption,
} from './ast';
import { parseList, span } from './expr-parser';
import type { TokenCursor } from './token-cursor';

/** Column type names accepted in schemas (any case). */
export const DATA_TYPES: readonly DataTypeName[] = [
  'bigint', 'float', 'string', 'datetime', 'boolean', 'bytea', 'array', 'struct',
];

/**
 * Parses `CREATE STREAM|TABLE name (col TYPE, ...) [WITH (KEY=value, ...)]`; the cursor is on CREATE.
 * `()` declares a schemaless stream. Option keys are upper-cased; values may be strings (`"json"`), numbers
 * (`RETAIN_SIZE=3`) or bare words (`SHARED=true`), and are stored as their string form.
 *
 * @throws SqlSyntaxError on a syntax error, an unknown type or a duplicate option key
 * @see https://ekuiper.org/docs/en/latest/sqls/streams.html
 * @see https://ekuiper.org/docs/en/latest/sqls/tables.html
 */
export function parseCreate(c: TokenCursor): CreateStatement {
  const start = c.expectWord('CREATE').start;
  const kind = parseKind(c, false);
  const name = c.expectIdentifier(`${kind} name`);
  c.expectOp('(');
  const columns = c.isOp(')') ? [] : parseList(c, () => parseColumn(c));
  c.expectOp(')');
  let options: StreamOption[] = [];
  if (c.acceptWord('WITH')) {
    c.expectOp('(');
    options = c.isOp(')') ? [] : parseList(c, () => parseOption(c));
    c.expectOp(')');
    const seen = new Set<string>();
    for (const o of options) {
      if (seen.has(o.key)) {
        c.failWith(`Duplicate option ${o.key}`, ['each option once'], {
          kind: 'word', text: o.key, value: o.key, upper: o.key, start: o.range?.[0] ?? 0, end: o.range?.[1] ?? 0,
        });
      }
      seen.add(o.key);
    }
  }
  return { type: 'create_stmt', kind, name, columns, options, range: span(c, start) };
}

/** `DROP STREAM|TABLE name`; the cursor is on DROP. */
export function parseDrop(c: TokenCursor): DropStatement {
  const start = c.expectWord('DROP').start;
  const kind = parseKind(c, false);
  const name = c.expectIdentifier(`${kind} name`);
  return { type: 'drop_stmt', kind, name, range: span(c, start) };
}

/** `DESCRIBE STREAM|TABLE name`; the cursor is on DESCRIBE. */
export function parseDescribe(c: TokenCursor): DescribeStatement {
  const start = c.expectWord('DESCRIBE').start;
  const kind = parseKind(c, false);
  const name = c.expectIdentifier(`${kind} name`);
  return { type: 'describe_stmt', kind, name, range: span(c, start) };
}

/** `SHOW STREAMS|TABLES`; the cursor is on SHOW. */
export function parseShow(c: TokenCursor): ShowStatement {
  const start = c.expectWord('SHOW').start;
  const kind = parseKind(c, true);
  return { type: 'show_stmt', kind, range: span(c, start) };
}

function parseKind(c: TokenCursor, plural: boolean): 'stream' | 'table' {
  const [s, t] = plural ? ['STREAMS', 'TABLES'] : ['STREAM', 'TABLE'];
  if (c.acceptWord(s)) return 'stream';
  if (c.acceptWord(t)) return 'table';
  return c.fail([s, t]);
}

function parseColumn(c: TokenCursor): ColumnDef {
  const start = c.peek().start;
  const name = c.expectIdentifier('column name');
  const dataType = parseDataType(c);
  return { type: 'column_def', name, dataType, range: span(c, start) };
}

function parseDataType(c: TokenCursor): DataType {
  const t = c.peek();
  const name = t.kind === 'word' ? (t.value.toLowerCase() as DataTypeName) : undefined;
  if (name === undefined || !DATA_TYPES.includes(name)) {
    const expected = [`one of ${DATA_TYPES.map((d) => d.toUpperCase()).join(', ')}`];
    if (t.kind === 'word') c.failWith(`Unknown data type ${JSON.stringify(t.text)}`, expected);
    c.fail(expected);
  }
  c.next();
  if (name === 'array') {
    c.expectOp('(');
    const elementType = parseDataType(c);
    c.expectOp(')');
    return { type: 'data_type', name, elementType, range: span(c, t.start) };
  }
  if (name === 'struct') {
    c.expectOp('(');
    const fields = parseList(c, () => parseColumn(c));
    c.expectOp(')');
    return { type: 'data_type', name, fields, range: span(c, t.start) };
  }
  return { type: 'data_type', name, range: span(c, t.start) };
}

function parseOption(c: TokenCursor): StreamOption {
  const k = c.peek();
  if (k.kind !== 'word' && k.kind !== 'quoted') c.fail(['option name such as DATASOURCE']);
  c.next();
  c.expectOp('=');
  const v = c.peek();
  let value: string;
  if (v.kind === 'string' || v.kind === 'word' || v.kind === 'quoted') {
    value = v.value;
  } else if (v.kind === 'number') {
    value = v.text;
  } else if (v.kind === 'op' && v.value === '-' && c.peek(1).kind === 'number') {
    c.next();
    value = `-${c.peek().text}`;
  } else {
    return c.fail(['a quoted option value such as "json"']);
  }
  c.next();
  return { type: 'stream_option', key: k.value.toUpperCase(), value, range: span(c, k.start) };
}
