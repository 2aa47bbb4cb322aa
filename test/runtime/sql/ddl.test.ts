import { parse } from '../../../runtime/sql';

describe('stream and table DDL', () => {
  it('parses CREATE STREAM with typed columns and upper-cases option keys', () => {
    const stmt = parse(
      'create stream demo (color string, size BIGINT, ts bigint, ok Boolean, raw bytea, at datetime, t float) ' +
        'with (datasource="topic/a", format="JSON", type="mqtt", key="id", timestamp="ts", timestamp_format="YYYY", ' +
        'shared="true", conf_key="c1", strict_validation="true");',
    );
    expect(stmt).toMatchObject({
      type: 'create_stmt',
      kind: 'stream',
      name: 'demo',
      columns: [
        { name: 'color', dataType: { name: 'string' } },
        { name: 'size', dataType: { name: 'bigint' } },
        { name: 'ts', dataType: { name: 'bigint' } },
        { name: 'ok', dataType: { name: 'boolean' } },
        { name: 'raw', dataType: { name: 'bytea' } },
        { name: 'at', dataType: { name: 'datetime' } },
        { name: 't', dataType: { name: 'float' } },
      ],
      options: [
        { key: 'DATASOURCE', value: 'topic/a' }, { key: 'FORMAT', value: 'JSON' }, { key: 'TYPE', value: 'mqtt' },
        { key: 'KEY', value: 'id' }, { key: 'TIMESTAMP', value: 'ts' }, { key: 'TIMESTAMP_FORMAT', value: 'YYYY' },
        { key: 'SHARED', value: 'true' }, { key: 'CONF_KEY', value: 'c1' }, { key: 'STRICT_VALIDATION', value: 'true' },
      ],
    });
  });

  it('parses array and nested struct types', () => {
    const stmt = parse('CREATE STREAM s (tags array(string), pos struct(x float, y array(bigint))) WITH (DATASOURCE="s")');
    expect(stmt).toMatchObject({
      columns: [
        { name: 'tags', dataType: { name: 'array', elementType: { name: 'string' } } },
        {
          name: 'pos',
          dataType: {
            name: 'struct',
            fields: [
              { name: 'x', dataType: { name: 'float' } },
              { name: 'y', dataType: { name: 'array', elementType: { name: 'bigint' } } },
            ],
          },
        },
      ],
    });
  });

  it('parses a schemaless stream declared with ()', () => {
    expect(parse('CREATE STREAM s () WITH (DATASOURCE="s", FORMAT="json")')).toMatchObject({ columns: [] });
  });

  it('accepts unquoted number and word option values and stores them as strings', () => {
    expect(parse('CREATE TABLE t (a bigint) WITH (DATASOURCE="t", RETAIN_SIZE=3, SHARED=true, KIND="lookup")')).toMatchObject({
      kind: 'table',
      options: [{ key: 'DATASOURCE' }, { key: 'RETAIN_SIZE', value: '3' }, { key: 'SHARED', value: 'true' }, { key: 'KIND', value: 'lookup' }],
    });
  });

  it('parses DROP, DESCRIBE and SHOW for streams and tables', () => {
    expect(parse('DROP STREAM demo')).toMatchObject({ type: 'drop_stmt', kind: 'stream', name: 'demo' });
    expect(parse('drop table t1;')).toMatchObject({ type: 'drop_stmt', kind: 'table', name: 't1' });
    expect(parse('DESCRIBE STREAM demo')).toMatchObject({ type: 'describe_stmt', kind: 'stream', name: 'demo' });
    expect(parse('describe table t1')).toMatchObject({ type: 'describe_stmt', kind: 'table', name: 't1' });
    expect(parse('SHOW STREAMS')).toMatchObject({ type: 'show_stmt', kind: 'stream' });
    expect(parse('show tables;')).toMatchObject({ type: 'show_stmt', kind: 'table' });
  });

  it('fails on an unknown column type, naming it and the allowed types', () => {
    expect(() => parse('CREATE STREAM s (a INT) WITH (FORMAT="json")')).toThrow(
      'Syntax Error: Unknown data type "INT"\n' +
        'Was expecting to see: one of BIGINT, FLOAT, STRING, DATETIME, BOOLEAN, BYTEA, ARRAY, STRUCT\n--> 1:20',
    );
  });

  it('fails on a duplicate option key', () => {
    expect(() => parse('CREATE STREAM s () WITH (FORMAT="json", format="binary")')).toThrow(
      'Syntax Error: Duplicate option FORMAT\nWas expecting to see: each option once\n--> 1:41',
    );
  });

  it('fails on SHOW STREAM (singular)', () => {
    expect(() => parse('SHOW STREAM')).toThrow('Syntax Error: Unexpected "STREAM"\nWas expecting to see: STREAMS, TABLES');
  });
});
