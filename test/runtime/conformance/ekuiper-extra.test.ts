import { checkCase, loadFixture } from './fixture';

/**
 * Extra eKuiper conformance cases (`test/fixtures/conformance/ekuiper-extra.json`), transcribed from
 * lf-edge/ekuiper `internal/topo/topotest/{rule_test.go,window_rule_test.go}` with the conventions of
 * `shared/conformance/README.md`.
 */
const cases = loadFixture('ekuiper-extra.json');

/**
 * Cases the current engine fails. Each one is diagnosed (eKuiper semantics at stake, with the quoted test
 * expectation) in /work/team/conformance-failures.md. They run with `it.failing`, so a fix flips them to a
 * reported failure here and the id must then be removed from this list.
 */
const KNOWN_FAILING: readonly string[] = [
];

function check(id: string): void {
  checkCase(cases, id);
}

describe('eKuiper extra conformance cases', () => {
  it('has unique ek-x- ids and lists only existing cases as known failing', () => {
    const ids = cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith('ek-x-'))).toBe(true);
    expect(KNOWN_FAILING.filter((id) => !ids.includes(id))).toEqual([]);
  });

  const passing = cases.filter((c) => !KNOWN_FAILING.includes(c.id)).map((c) => c.id);
  it.each(passing)('%s', (id) => check(id));

  describe('known failing (see /work/team/conformance-failures.md)', () => {
    for (const id of KNOWN_FAILING) it.failing(id, () => check(id));
  });
});
