import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefinitionStore } from '../../../runtime/store/definition-store';

const tmp = () => mkdtempSync(join(tmpdir(), 'edgestack-store-'));
const rule = (id: string) => ({ id, sql: 'SELECT * FROM demo', actions: [{ log: {} }] });

describe('DefinitionStore', () => {
  it('restores streams, tables and rules after reopen, in creation order', () => {
    const dir = tmp();
    const store = DefinitionStore.open(dir);
    store.putStream({ kind: 'stream', name: 'demo', sql: 'CREATE STREAM demo () WITH (DATASOURCE="t")', origin: 'api' });
    store.putStream({ kind: 'table', name: 'lookup', sql: 'CREATE TABLE lookup () WITH (DATASOURCE="l")', origin: 'config' });
    store.putRule({ id: 'rule2', definition: rule('rule2'), triggered: true, origin: 'api' });
    store.putRule({ id: 'rule1', definition: rule('rule1'), triggered: false, origin: 'config' });
    store.putRule({ id: 'rule2', definition: { ...rule('rule2'), sql: 'SELECT temperature FROM demo' }, triggered: true, origin: 'api' });
    store.close();

    const reopened = DefinitionStore.open(dir);
    expect(reopened.listStreams()).toEqual([
      { kind: 'stream', name: 'demo', sql: 'CREATE STREAM demo () WITH (DATASOURCE="t")', origin: 'api' },
      { kind: 'table', name: 'lookup', sql: 'CREATE TABLE lookup () WITH (DATASOURCE="l")', origin: 'config' },
    ]);
    expect(reopened.listRules().map((r) => [r.id, r.triggered, r.origin, r.definition.sql])).toEqual([
      ['rule2', true, 'api', 'SELECT temperature FROM demo'],
      ['rule1', false, 'config', 'SELECT * FROM demo'],
    ]);
    reopened.close();
  });

  it('records run state and deletes definitions', () => {
    const store = DefinitionStore.inMemory();
    store.putRule({ id: 'r', definition: rule('r'), triggered: true, origin: 'api' });
    store.setTriggered('r', false);
    expect(store.getRule('r')?.triggered).toBe(false);
    expect(store.deleteRule('r')).toBe(true);
    expect(store.deleteRule('r')).toBe(false);
    expect(store.getStream('stream', 'nope')).toBeUndefined();
  });

  it('rolls back every write of a failed transaction', () => {
    const store = DefinitionStore.inMemory();
    expect(() =>
      store.transaction(() => {
        store.putRule({ id: 'a', definition: rule('a'), triggered: true, origin: 'api' });
        throw new Error('engine refused');
      }),
    ).toThrow('engine refused');
    expect(store.listRules()).toEqual([]);
  });

  it('fails with the directory and the env var when the data directory is not writable', () => {
    const file = join(tmp(), 'not-a-dir');
    writeFileSync(file, '');
    expect(() => DefinitionStore.open(join(file, 'data'))).toThrow(
      `cannot open the store in data directory "${join(file, 'data')}": ENOTDIR: not a directory, mkdir '${join(file, 'data')}'; set EDGESTACK_DATA_DIR to a writable directory`,
    );
  });

  it('fails when another live process owns the data directory', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'edgestack.pid'), `${process.ppid}\n`);
    expect(() => DefinitionStore.open(dir)).toThrow(
      `cannot open the store in data directory "${dir}": data directory "${dir}" is in use by process ${process.ppid}; stop it or set EDGESTACK_DATA_DIR to another directory`,
    );
  });

  it('loses nothing acknowledged when the writer is killed with SIGKILL mid-writes', async () => {
    const dir = tmp();
    // node itself (not the tsx wrapper), so SIGKILL hits the writer
    const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), join(__dirname, 'store-writer.fixture.ts'), dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acked = -1;
    let buffer = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) acked = Number(line.slice(4));
        if (acked >= 200 && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
        }
      });
      child.on('close', () => resolve());
    });
    expect(acked).toBeGreaterThanOrEqual(200);
    const store = DefinitionStore.open(dir);
    const ids = new Set(store.listRules().map((r) => r.id));
    const streams = new Set(store.listStreams().map((s) => s.name));
    for (let i = 0; i <= acked; i++) {
      expect(ids.has(`r${i}`)).toBe(true);
      expect(streams.has(`s${i}`)).toBe(true);
    }
    // each write is whole (a rule never without its stream) and writes are a prefix r0..r(n-1)
    expect(ids.size).toBe(streams.size);
    expect([...ids].sort()).toEqual(Array.from({ length: ids.size }, (_, i) => `r${i}`).sort());
    store.close();
  }, 60_000);
});
