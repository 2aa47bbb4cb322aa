/**
 * Registers every built-in function of the library into the registry.
 *
 * The registry calls {@link registerBuiltins} itself on its first use; calling it explicitly is idempotent
 * (later calls do nothing). Importing this module does not register anything by itself. Engine-provided `context` functions (`window_start`,
 * `window_end`, `event_time`, `meta`, `mqtt`, `row_number`, `last_hit_*`, `rule_id`, ...) are not here: the engine
 * registers them with `registerFunction`.
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/overview.html
 */
import { lookupFunction, registerFunction } from './registry';
import type { FunctionDef } from './types';
import { aggregateFunctions } from './aggregate';
import { analyticFunctions } from './analytic';
import { arrayFunctions } from './array';
import { conversionFunctions } from './conversion';
import { datetimeFunctions } from './datetime';
import { hashingFunctions } from './hashing';
import { jsonFunctions } from './json';
import { mathFunctions } from './math';
import { objectFunctions } from './object';
import { otherFunctions } from './other';
import { stringFunctions } from './string';

/** Built-in function lists by category, in registration order. */
export const BUILTIN_CATEGORIES: Readonly<Record<string, readonly FunctionDef[]>> = {
  aggregate: aggregateFunctions,
  math: mathFunctions,
  string: stringFunctions,
  conversion: conversionFunctions,
  hashing: hashingFunctions,
  json: jsonFunctions,
  datetime: datetimeFunctions,
  array: arrayFunctions,
  object: objectFunctions,
  other: otherFunctions,
  analytic: analyticFunctions,
};


/**
 * Registers all built-ins. Idempotent.
 * @returns the number of built-in functions
 * @throws Error if an engine function was registered earlier under a built-in's name
 */
export function registerBuiltins(): number {
  let count = 0;
  for (const defs of Object.values(BUILTIN_CATEGORIES)) {
    for (const def of defs) {
      if (lookupFunction(def.name) !== def) registerFunction(def);
      count++;
    }
  }
  return count;
}
