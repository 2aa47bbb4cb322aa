import { checkCase, idsInOtherFixtures, loadFixture } from './fixture';

/**
 * eKuiper aggregate, array, object and IN conformance cases (`test/fixtures/conformance/ekuiper-aggregates.json`, ids
 * `ek-x-agg-*`, `ek-x-fn-array-*`, `ek-x-fn-obj-*`, `ek-x-op-in-*`), transcribed from lf-edge/ekuiper
 * `internal/binder/function/funcs_{agg,array,obj}_test.go`, `internal/topo/operator/{aggregate,project,filter}_test.go`
 * with the one-stream conventions of `shared/conformance/README.md` ("Operator-level cases": aggregate cases are
 * `single-window` with `advanceTo`, function cases `single-event`).
 */
const cases = loadFixture('ekuiper-aggregates.json');

/**
 * Cases the current engine fails, run with `it.failing`; a fix flips them to a reported failure and the id must
 * then be removed from this list. Each entry says why it is not fixed.
 */
const KNOWN_FAILING: readonly string[] = [];


function check(id: string): void {
  checkCase(cases, id);
}

describe('eKuiper aggregate, array, object and IN conformance cases (ekuiper-aggregates.json)', () => {
  it('has unique ek-x-agg-/ek-x-fn-array-/ek-x-fn-obj-/ek-x-op-in- ids, each with its eKuiper source, and lists only existing cases as known failing, ids not reused from the other fixture files', () => {
    const ids = cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^ek-x-(agg|fn-array|fn-obj|op-in)-/.test(id))).toBe(true);
    expect(cases.every((c) => (c.source ?? '').startsWith('lf-edge/ekuiper:internal/'))).toBe(true);
    expect(KNOWN_FAILING.filter((id) => !ids.includes(id))).toEqual([]);
    const others = idsInOtherFixtures('ekuiper-aggregates.json');
    expect(ids.filter((id) => others.has(id))).toEqual([]);
  });

  const passing = cases.filter((c) => !KNOWN_FAILING.includes(c.id)).map((c) => c.id);
  it.each(passing)('%s', (id) => check(id));

  for (const id of KNOWN_FAILING) it.failing(`${id} (known failing)`, () => check(id));
});
