import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { replay, splitStatements, parseEventLines, runReplayCommand, registerReplayCommand } from '../../../runtime/replay';

const STREAMS = 'CREATE STREAM demo (deviceId STRING, temperature FLOAT, ts BIGINT) WITH (DATASOURCE="demo", TIMESTAMP="ts");\nCREATE STREAM raw () WITH (DATASOURCE="raw");';

describe('replay', () => {
  it('splits DDL files on semicolons outside quotes', () => {
    expect(splitStatements('CREATE STREAM a () WITH (DATASOURCE="x;y"); CREATE STREAM b () WITH (DATASOURCE="b");')).toEqual([
      'CREATE STREAM a () WITH (DATASOURCE="x;y")',
      'CREATE STREAM b () WITH (DATASOURCE="b")',
    ]);
  });

  it('uses event time from TIMESTAMP and flushes open windows at end of input', () => {
    const out = replay({
      streamsSql: STREAMS,
      rule: { id: 'r', sql: 'SELECT deviceId, avg(temperature) AS t FROM demo GROUP BY deviceId, TUMBLINGWINDOW(ss, 10)', options: { isEventTime: true } },
      events: [
        { data: { deviceId: 'a', temperature: 10, ts: 1000 } },
        { data: { deviceId: 'b', temperature: 20, ts: 5000 } },
        { data: { deviceId: 'a', temperature: 30, ts: 12_000 } },
      ],
    });
    expect(out).toEqual([[{ deviceId: 'a', t: 10 }, { deviceId: 'b', t: 20 }], [{ deviceId: 'a', t: 30 }]]);
  });

  it('uses each line ts as processing time and is deterministic', () => {
    const input = {
      streamsSql: STREAMS,
      rule: { id: 'r', sql: 'SELECT count(*) AS c, window_end() AS we FROM raw GROUP BY TUMBLINGWINDOW(ss, 1)' },
      events: [{ stream: 'raw', ts: 500, data: { v: 1 } }, { stream: 'raw', ts: 2200, data: { v: 2 } }],
      startTime: 0,
    };
    const out = replay(input);
    expect(out).toEqual([[{ c: 1, we: 1000 }], [], [{ c: 1, we: 3000 }]]);
    expect(replay(input)).toEqual(out);
  });

  it('parses JSON Lines events and names the bad line', () => {
    expect(parseEventLines('{"stream":"raw","ts":5,"data":{"v":1}}\n\n{"v":2,"ts":7}\n')).toEqual([
      { stream: 'raw', ts: 5, data: { v: 1 }, meta: undefined },
      { ts: 7, data: { v: 2, ts: 7 } },
    ]);
    expect(() => parseEventLines('{"v":1}\nnope')).toThrow('input line 2: not JSON');
  });

  it('runs the CLI command on files and registers it on a commander program', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-'));
    writeFileSync(join(dir, 's.sql'), STREAMS);
    writeFileSync(join(dir, 'r.json'), JSON.stringify({ id: 'r', sql: 'SELECT v FROM raw WHERE v > 1' }));
    writeFileSync(join(dir, 'e.jsonl'), '{"stream":"raw","ts":1,"data":{"v":1}}\n{"stream":"raw","ts":2,"data":{"v":2}}\n');
    const lines: string[] = [];
    runReplayCommand({ streams: join(dir, 's.sql'), rule: join(dir, 'r.json'), input: join(dir, 'e.jsonl') }, (l) => lines.push(l));
    expect(lines).toEqual(['[{"v":2}]']);
    const program = new Command('edgestack');
    registerReplayCommand(program);
    expect(program.commands.map((c) => c.name())).toEqual(['replay']);
  });
});
