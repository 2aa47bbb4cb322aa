import { checkCase, idsInOtherFixtures, loadFixture } from './fixture';

/**
 * More eKuiper operator- and function-level conformance cases (`test/fixtures/conformance/ekuiper-functions.json`,
 * ids `ek-x-op-*` / `ek-x-fn-*`): math, conversion, hashing, meta, JSON path, changed_col/lag, ORDER BY, HAVING and
 * expression cases transcribed from lf-edge/ekuiper `internal/topo/operator/*_test.go`, `internal/xsql/valuer_test.go`
 * and `internal/binder/function/funcs_*_test.go` with the one-stream conventions of `shared/conformance/README.md`
 * ("Operator-level cases").
 */
const cases = loadFixture('ekuiper-functions.json');

/**
 * Cases the current engine fails, run with `it.failing`; a fix flips them to a reported failure and the id must
 * then be removed from this list. Each entry says why it is not fixed.
 */
const KNOWN_FAILING: readonly string[] = [
  // `a = b` with both operands missing: the v2 valuer_test expects false, but filter_test (ek-x-op-filter-1,
  // `WHERE def = ghi` with both columns missing passes) needs nil = nil to be true, and that case keeps passing.
  // Every other comparison with a null operand is false (runtime/expr/binary-ops.ts gives the eKuiper evidence).
  'ek-x-op-comparison-10-nulleq',
];


function check(id: string): void {
  checkCase(cases, id);
}

describe('eKuiper function- and operator-level conformance cases (ekuiper-functions.json)', () => {
  it('has unique ek-x-op-/ek-x-fn- ids, each with its eKuiper source, and lists only existing cases as known failing, ids not reused from the other fixture files', () => {
    const ids = cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^ek-x-(op|fn)-/.test(id))).toBe(true);
    expect(cases.every((c) => (c.source ?? '').startsWith('lf-edge/ekuiper:internal/'))).toBe(true);
    expect(KNOWN_FAILING.filter((id) => !ids.includes(id))).toEqual([]);
    const others = idsInOtherFixtures('ekuiper-functions.json');
    expect(ids.filter((id) => others.has(id))).toEqual([]);
  });

  const passing = cases.filter((c) => !KNOWN_FAILING.includes(c.id)).map((c) => c.id);
  it.each(passing)('%s', (id) => check(id));

  for (const id of KNOWN_FAILING) it.failing(`${id} (known failing)`, () => check(id));
});
