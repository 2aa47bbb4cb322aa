import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCases } from '../../../runtime/conformance/conformance-case';
import { runCase } from '../../../runtime/conformance/run-case';
import { compareBatches, formatDiff } from '../../../runtime/conformance/compare-batches';

const cases = parseCases(JSON.parse(readFileSync(join(__dirname, '../../fixtures/conformance/edgestack-cases.json'), 'utf8')));

describe('edgestack conformance cases (window kinds, event time, joins, sendNilField, error rows)', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const r = runCase(c);
    if (!r.passed) throw new Error(`${c.id} failed:\n${r.detail}`);
    expect(r.passed).toBe(true);
  });
});

describe('batch comparison', () => {
  it('matches error rows by key only and allows extra trailing batches under prefix', () => {
    const opts = { prefix: true, errorKeyOnly: true };
    expect(compareBatches([[{ error: 'a' }], [{ x: 1 }], []], [[{ error: 'b' }], [{ x: 1 }]], opts).ok).toBe(true);
    expect(compareBatches([[{ error: 'a' }]], [[{ error: 'b' }]], { prefix: false, errorKeyOnly: false })).toEqual({ ok: false, firstDiff: 0 });
    expect(compareBatches([[{ x: 1 }], []], [[{ x: 1 }]], { prefix: false, errorKeyOnly: false })).toEqual({ ok: false, firstDiff: 1 });
  });

  it('fails a case whose output differs and shows a diff', () => {
    const r = runCase({ ...cases[0], expected: [[{ c: 99 }]] });
    expect(r.passed).toBe(false);
    expect(r.detail).toContain('- [0] [{"c":99}]');
    expect(formatDiff([[{ a: 1 }]], [[{ a: 1 }]], { prefix: false, errorKeyOnly: false })).toBe('  = [0] [{"a":1}]');
  });
});
