import { childrenOf, parse, SKIP, walk, type FullVisitorMap, type NodeType } from '../../../runtime/sql';

describe('walk', () => {
  const stmt = parse(
    'SELECT upper(a) AS u, lag(b) OVER (PARTITION BY c WHEN d > 1) FROM s INNER JOIN t ON s.id = t.id ' +
      'WHERE coalesce(x, 1) > 0 GROUP BY TUMBLINGWINDOW(ss, 1) FILTER (WHERE max(z) > 1)',
  );

  it('visits every call in source order, including those in OVER, WHERE and window FILTER', () => {
    const names: string[] = [];
    walk(stmt, { call_expr: (call) => void names.push(call.name) });
    expect(names).toEqual(['upper', 'lag', 'coalesce', 'max']);
  });

  it('skips the subtree of a node whose callback returns SKIP', () => {
    const refs: string[] = [];
    walk(stmt, {
      call_expr: (call) => (call.name === 'lag' ? SKIP : undefined),
      field_ref: (ref) => void refs.push(ref.stream ? `${ref.stream}.${ref.name}` : ref.name),
    });
    expect(refs).toEqual(['a', 's.id', 't.id', 'x', 'z']);
  });

  it('reaches DDL nodes: columns, nested types and options', () => {
    const seen: string[] = [];
    walk(parse('CREATE STREAM s (a struct(b array(bigint))) WITH (FORMAT="json")'), {
      column_def: (c) => void seen.push(`col:${c.name}`),
      data_type: (d) => void seen.push(`type:${d.name}`),
      stream_option: (o) => void seen.push(`opt:${o.key}`),
    });
    expect(seen).toEqual(['col:a', 'type:struct', 'col:b', 'type:array', 'type:bigint', 'opt:FORMAT']);
  });

  it('walks a 4000-deep left-nested chain without overflowing the stack', () => {
    const deep = parse(`SELECT ${Array(4000).fill('a').join(' + ')} FROM s`);
    let count = 0;
    walk(deep, { field_ref: () => void count++ });
    expect(count).toBe(4000);
  });

  it('has a full visitor map type that lists every node kind', () => {
    const kinds: Record<NodeType, true> = {} as Record<NodeType, true>;
    const full: FullVisitorMap = new Proxy({} as FullVisitorMap, {
      get: (_t, key) => () => void (kinds[key as NodeType] = true),
    });
    walk(stmt, full);
    expect(Object.keys(kinds)).toEqual(expect.arrayContaining(['select_stmt', 'over_clause', 'window_expr', 'join_clause']));
    expect(childrenOf(stmt).map((n) => n.type)).toEqual([
      'select_field', 'select_field', 'source_ref', 'join_clause', 'binary_expr', 'window_expr',
    ]);
  });
});
