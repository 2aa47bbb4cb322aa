/**
 * `npm run conformance -- <cases.json> [more.json ...]`: runs every case of each file, prints each failing case with a
 * diff, ends with `N passed, M failed`, and exits with code 1 if any case failed (2 on a bad file).
 */
import { readFileSync } from 'node:fs';
import { parseCases } from './conformance-case';
import { runCase } from './run-case';

function main(argv: readonly string[]): number {
  const files = argv.filter((a) => !a.startsWith('-'));
  if (files.length === 0) {
    process.stderr.write('usage: npm run conformance -- <cases.json> [more.json ...]\n');
    return 2;
  }
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    let cases;
    try {
      cases = parseCases(JSON.parse(readFileSync(file, 'utf8')));
    } catch (e) {
      process.stderr.write(`${file}: ${(e as Error).message}\n`);
      return 2;
    }
    for (const c of cases) {
      const r = runCase(c);
      if (r.passed) passed++;
      else {
        failed++;
        process.stdout.write(`FAIL ${r.id} (${file})\n  sql: ${c.rule.sql}\n${r.detail}\n\n`);
      }
    }
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
