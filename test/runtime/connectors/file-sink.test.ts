import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileSink, fileSinkSpec } from '../../../runtime/connectors/file/file-sink';
import { parseConnectorProps } from '../../../runtime/connectors/spec';

const msg = (payload: string) => ({ payload, data: {}, rowCount: 1 });

describe('file sink', () => {
  it('appends one message per line by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'file-sink-'));
    const path = join(dir, 'sub', 'out.txt');
    const sink = new FileSink(parseConnectorProps(fileSinkSpec, { path }, 'a'));
    await sink.connect();
    await sink.collect(msg('{"a":1}'));
    await sink.collect(msg('{"a":2}'));
    await sink.close();
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n{"a":2}\n');
  });

  it('writes a JSON array under fileType json and rolls by count with a prefix timestamp', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'file-sink-'));
    const path = join(dir, 'out.json');
    const sink = new FileSink(parseConnectorProps(fileSinkSpec, { path, fileType: 'json', rollingCount: 2 }, 'a'));
    await sink.connect();
    for (const n of [1, 2, 3]) await sink.collect(msg(`{"n":${n}}`));
    await sink.close();
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    const rolled = files.find((f) => f !== 'out.json') as string;
    expect(rolled).toMatch(/^\d+-out\.json$/);
    expect(JSON.parse(readFileSync(join(dir, rolled), 'utf8'))).toEqual([{ n: 1 }, { n: 2 }]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual([{ n: 3 }]);
  });

  it('fails on an unknown fileType, naming the allowed ones', () => {
    expect(() => parseConnectorProps(fileSinkSpec, { path: '/tmp/x', fileType: 'csv' }, 'rule r action 0')).toThrow(
      'rule r action 0: invalid file properties: property "fileType": Invalid option: expected one of "lines"|"json"',
    );
  });
});
