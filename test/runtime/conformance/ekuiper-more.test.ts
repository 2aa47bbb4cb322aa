import { checkCase, idsInOtherFixtures, loadFixture } from './fixture';

/**
 * More eKuiper conformance cases (`test/fixtures/conformance/ekuiper-more.json`, ids `ek-more-*`): rule-level
 * topotest cases and valuer_test rows not covered by the other fixture files, plus full-rule forms of operator-level
 * cases whose Go test skipped the analyzer. Conventions: `shared/conformance/README.md`.
 */
const cases = loadFixture('ekuiper-more.json');

/** Cases the engine fails, run with `it.failing`; each entry says why. */
const KNOWN_FAILING: readonly string[] = [];


describe('more eKuiper conformance cases (ekuiper-more.json)', () => {
  it('has unique ek-more- ids with an eKuiper source, not reused from the other fixture files', () => {
    const ids = cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith('ek-more-'))).toBe(true);
    expect(cases.every((c) => (c.source ?? '').startsWith('lf-edge/ekuiper:'))).toBe(true);
    expect(KNOWN_FAILING.filter((id) => !ids.includes(id))).toEqual([]);
    const others = idsInOtherFixtures('ekuiper-more.json');
    expect(ids.filter((id) => others.has(id))).toEqual([]);
  });

  const passing = cases.filter((c) => !KNOWN_FAILING.includes(c.id)).map((c) => c.id);
  it.each(passing)('%s', (id) => checkCase(cases, id));

  for (const id of KNOWN_FAILING) it.failing(`${id} (known failing)`, () => checkCase(cases, id));
});
