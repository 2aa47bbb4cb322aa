import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDefinitionsFile } from '../../../runtime/config/definitions-file';
import { rest, startTestService, tempDataDir } from '../../support/service';

const DEMO = 'CREATE STREAM demo (temperature float, humidity bigint) WITH (TYPE="memory", DATASOURCE="devices/+/messages")';
const rule1 = { id: 'rule1', sql: 'SELECT * FROM demo WHERE temperature > 30', actions: [{ log: {} }] };
const rule2 = { id: 'rule2', sql: 'SELECT temperature FROM demo', actions: [{ log: {} }], options: { sendError: false } };

function writeDefinitions(dir: string, content: unknown): string {
  const file = join(dir, `definitions-${Math.random().toString(16).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('definitions loader (rules as code)', () => {
  it('creates, keeps, updates and drops config definitions idempotently, and never touches API ones', async () => {
    const dir = tempDataDir();
    const env = { EDGESTACK_DATA_DIR: dir, EDGESTACK_EMBEDDED_BROKER: 'never' };

    const v1 = writeDefinitions(dir, { streams: [DEMO], rules: [rule1, rule2] });
    let service = await startTestService({ ...env, EDGESTACK_DEFINITIONS: v1 });
    expect(service.definitions).toEqual({ created: ['stream demo', 'rule rule1', 'rule rule2'], updated: [], unchanged: [], dropped: [], errors: [] });
    await rest(service.url, 'POST', '/rules', { id: 'manual', sql: 'SELECT * FROM demo', actions: [{ log: {} }] });
    await rest(service.url, 'POST', '/rules/rule2/stop');
    expect((await rest(service.url, 'GET', '/rules')).body.map((r: { id: string; origin: string }) => [r.id, r.origin])).toEqual([
      ['rule1', 'config'],
      ['rule2', 'config'],
      ['manual', 'api'],
    ]);
    await service.close();

    // same file again: nothing changes, and rule2 stays stopped
    service = await startTestService({ ...env, EDGESTACK_DEFINITIONS: v1 });
    expect(service.definitions).toEqual({ created: [], updated: [], unchanged: ['stream demo', 'rule rule1', 'rule rule2'], dropped: [], errors: [] });
    expect((await rest(service.url, 'GET', '/rules/rule2/status')).body.status).toBe('stopped');
    await service.close();

    // rule2 removed, rule1 changed, a rule named like the API one
    const v2 = writeDefinitions(dir, {
      streams: [DEMO],
      rules: [{ ...rule1, sql: 'SELECT * FROM demo WHERE temperature > 40' }, { id: 'manual', sql: 'SELECT 1 FROM demo', actions: [{ log: {} }] }],
    });
    service = await startTestService({ ...env, EDGESTACK_DEFINITIONS: v2 });
    expect(service.definitions).toEqual({
      created: [],
      updated: ['rule rule1'],
      unchanged: ['stream demo'],
      dropped: ['rule rule2'],
      errors: ['rule manual: exists and was created through the REST API; delete it or rename it in the definitions file'],
    });
    expect((await rest(service.url, 'GET', '/rules')).body).toEqual([
      { id: 'rule1', name: 'rule1', status: 'Running', origin: 'config' },
      { id: 'manual', name: 'manual', status: 'Running', origin: 'api' },
    ]);
    expect((await rest(service.url, 'GET', '/rules/rule1')).body.sql).toBe('SELECT * FROM demo WHERE temperature > 40');
    expect((await rest(service.url, 'GET', '/rules/manual')).body.sql).toBe('SELECT * FROM demo');
    await service.close();

    // an empty file drops config rules; the stream stays while the API rule reads it
    const v3 = writeDefinitions(dir, {});
    service = await startTestService({ ...env, EDGESTACK_DEFINITIONS: v3 });
    expect(service.definitions).toEqual({
      created: [],
      updated: [],
      unchanged: [],
      dropped: ['rule rule1'],
      errors: ['stream demo: stream demo is used by rules manual; delete or change those rules first'],
    });
    await service.close();
  });

  it('fails to start on an invalid definitions file, naming the path of the problem', () => {
    const dir = tempDataDir();
    const file = writeDefinitions(dir, { streams: [DEMO], rules: [{ id: 'r', actions: [] }] });
    expect(() => readDefinitionsFile(file)).toThrow(`invalid definitions file "${file}": "rules.0.sql": Invalid input: expected string, received undefined`);
    expect(() => readDefinitionsFile(join(dir, 'missing.json'))).toThrow(`cannot load definitions file "${join(dir, 'missing.json')}" (EDGESTACK_DEFINITIONS): ENOENT`);
  });

  it('reports a bad statement in the file without stopping the rest', async () => {
    const dir = tempDataDir();
    const file = writeDefinitions(dir, { streams: [DEMO, 'CREATE STREAM broken ('], rules: [rule1] });
    const service = await startTestService({ EDGESTACK_DATA_DIR: dir, EDGESTACK_EMBEDDED_BROKER: 'never', EDGESTACK_DEFINITIONS: file });
    try {
      expect(service.definitions?.created).toEqual(['stream demo', 'rule rule1']);
      expect(service.definitions?.errors).toHaveLength(1);
      expect(service.definitions?.errors[0]).toMatch(/^stream "CREATE STREAM broken \(": Syntax Error/);
    } finally {
      await service.close();
    }
  });
});
