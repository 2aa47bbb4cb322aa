/**
 * Compares emitted batches with a case's expected batches: deep equality (numbers by value, key order ignored),
 * `compare: prefix` (expected must be a prefix of the output), and `errorMatch: key-only` (an expected error row
 * matches any row whose only key is `error`).
 */

/** How to compare. */
export interface CompareOptions {
  readonly prefix: boolean;
  readonly errorKeyOnly: boolean;
}

function isErrorRow(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && 'error' in (v as object);
}

/** Deep equality of JSON-like values. */
export function jsonEqual(a: unknown, b: unknown, errorKeyOnly = false): boolean {
  if (errorKeyOnly && isErrorRow(a) && isErrorRow(b)) return true;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i], errorKeyOnly));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => k in b && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], errorKeyOnly));
}

/** Result of a comparison: `ok`, or the index of the first differing batch. */
export interface CompareResult {
  readonly ok: boolean;
  readonly firstDiff?: number;
}

/** Compares actual with expected batches. */
export function compareBatches(actual: readonly unknown[][], expected: readonly unknown[][], opts: CompareOptions): CompareResult {
  const n = expected.length;
  for (let i = 0; i < n; i++) {
    if (i >= actual.length || !jsonEqual(actual[i], expected[i], opts.errorKeyOnly)) return { ok: false, firstDiff: i };
  }
  if (!opts.prefix && actual.length !== n) return { ok: false, firstDiff: n };
  return { ok: true };
}

/** A readable diff: each batch index with `=` (same), `-` (expected) and `+` (actual) lines. */
export function formatDiff(actual: readonly unknown[][], expected: readonly unknown[][], opts: CompareOptions): string {
  const lines: string[] = [];
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e !== undefined && a !== undefined && jsonEqual(a, e, opts.errorKeyOnly)) lines.push(`  = [${i}] ${JSON.stringify(a)}`);
    else {
      if (e !== undefined) lines.push(`  - [${i}] ${JSON.stringify(e)}`);
      if (a !== undefined) lines.push(`  + [${i}] ${JSON.stringify(a)}${e === undefined && opts.prefix ? '  (extra, allowed by prefix)' : ''}`);
    }
  }
  return lines.join('\n');
}
