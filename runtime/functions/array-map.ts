/**
 * `array_map(function_name, array)`: applies a one-argument scalar function to every element of an array.
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/array_functions.html#array-map
 */
import { funcError } from './errors';
import { lookupFunction } from './registry';
import type { CallContext, FunctionDef, Value } from './types';
import { arr, describe } from './values';

/**
 * Runs `array_map`: the first argument names a scalar function that takes exactly one argument, the second is the
 * array. The result has one element per input element, in order.
 * @param args `[functionName: string, array: Value[]]`; a null array gives null
 * @param ctx the call site context, passed on to the mapped function
 * @throws FunctionError `array_map: first argument should be a string function name but found <value>`,
 *   `array_map: first argument should be a scalar function.` (unknown or non-scalar name),
 *   `array_map: validate function arguments failed.` (the function cannot take one argument),
 *   or the error of the mapped function for an element
 */
export function arrayMap(args: readonly Value[], ctx: CallContext): Value {
  const name = args[0];
  if (typeof name !== 'string') throw funcError('array_map', `first argument should be a string function name but found ${describe(name)}`);
  if (args[1] === null) return null;
  const xs = arr('array_map', args[1], 2);
  const def = lookupFunction(name);
  if (def === undefined || def.type !== 'scalar') throw funcError('array_map', 'first argument should be a scalar function.');
  if (def.minArgs > 1 || def.maxArgs < 1) throw funcError('array_map', 'validate function arguments failed.');
  return xs.map((x) => def.exec([x], ctx));
}

/** The `array_map` definition, listed with the other array functions. */
export const arrayMapFunction: FunctionDef = {
  name: 'array_map',
  type: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  doc: 'array_map(function_name, array): the one-argument scalar function applied to every element.',
  resultKind: () => 'array',
  exec: arrayMap,
};
