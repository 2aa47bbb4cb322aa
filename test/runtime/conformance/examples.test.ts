import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCases } from '../../../runtime/conformance/conformance-case';
import { runCase } from '../../../runtime/conformance/run-case';

const examples = parseCases(JSON.parse(readFileSync(join(__dirname, '../../fixtures/conformance/examples.json'), 'utf8')));

describe('eKuiper conformance examples', () => {
  it('holds the 30 shared cases', () => {
    expect(examples).toHaveLength(30);
  });

  it.each(examples.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const r = runCase(c);
    if (!r.passed) throw new Error(`${c.id} failed:\n${r.detail}`);
    expect(r.passed).toBe(true);
  });
});
