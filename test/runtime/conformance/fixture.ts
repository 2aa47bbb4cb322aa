import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ConformanceCase, parseCases } from '../../../runtime/conformance/conformance-case';
import { runCase } from '../../../runtime/conformance/run-case';

/**
 * Loads a conformance case file from `test/fixtures/conformance/`.
 * @param file the file name, e.g. `ekuiper-extra.json`
 * @throws Error when the file is missing or not in the conformance format
 */
export function loadFixture(file: string): ConformanceCase[] {
  return parseCases(JSON.parse(readFileSync(join(__dirname, '../../fixtures/conformance', file), 'utf8')));
}

/**
 * Runs case `id` of `cases` and fails with the runner's diff when its output differs from `expected`.
 * @throws Error naming the case when it is missing or fails
 */
export function checkCase(cases: readonly ConformanceCase[], id: string): void {
  const c = cases.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no case ${id}`);
  const r = runCase(c);
  if (!r.passed) throw new Error(`${id} failed:\n${r.detail ?? ''}`);
  expect(r.passed).toBe(true);
}

/**
 * Ids of the cases in every other conformance file of `test/fixtures/conformance/`, so a file can assert that it
 * reuses none of them. Derived from the folder, so a new fixture file is covered without editing the tests.
 * @param file the file whose own cases are left out, e.g. `ekuiper-more.json`
 */
export function idsInOtherFixtures(file: string): Set<string> {
  const dir = join(__dirname, '../../fixtures/conformance');
  return new Set(readdirSync(dir).filter((f) => f.endsWith('.json') && f !== file).flatMap((f) => loadFixture(f).map((c) => c.id)));
}
