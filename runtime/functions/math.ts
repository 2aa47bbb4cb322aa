/**
 * Mathematical functions. A null argument gives null; a NaN or infinite result gives null (eKuiper returns nil
 * for NaN). Results are floats unless stated (abs, sign, bit*, mod of integers give integers).
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/mathematical_functions.html
 */
import { scalar, sameAsFirst } from './define';
import type { FunctionDef, Value, ValueKind } from './types';
import { numericArgs } from './validators';
import { int, num } from './values';

/** null for NaN / ±Infinity, else the number. */
function finite(x: number): Value {
  return Number.isFinite(x) ? x : null;
}

/** Go `math.Round`: half away from zero. */
export function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function unary(name: string, f: (x: number) => number, doc: string): FunctionDef {
  return scalar(name, 1, 1, (a) => finite(f(num(name, a[0], 1))), { result: 'float', validate: numericArgs(name, 0), doc });
}

function bitwise(name: string, f: (a: bigint, b: bigint) => bigint, doc: string): FunctionDef {
  return scalar(
    name,
    2,
    2,
    (a) => Number(BigInt.asIntN(64, f(BigInt(int(name, a[0], 1)), BigInt(int(name, a[1], 2))))),
    { result: 'int', validate: numericArgs(name, 0, 1), doc },
  );
}

const bothInt = (k: readonly ValueKind[]): ValueKind => (k[0] === 'int' && k[1] === 'int' ? 'int' : k[0] === 'unknown' || k[1] === 'unknown' ? 'unknown' : 'float');

function roundTo(name: string, f: (x: number) => number, doc: string): FunctionDef {
  return scalar(
    name,
    1,
    2,
    (a) => {
      const x = num(name, a[0], 1);
      if (a.length < 2) return finite(f(x));
      const p = 10 ** int(name, a[1], 2);
      return finite(f(x * p) / p);
    },
    { result: 'float', validate: numericArgs(name, 0, 1), doc },
  );
}

function power(name: string): FunctionDef {
  return scalar(name, 2, 2, (a) => finite(num(name, a[0], 1) ** num(name, a[1], 2)), {
    result: 'float',
    validate: numericArgs(name, 0, 1),
    doc: 'power(x, y): x raised to the power y.',
  });
}

/** Mathematical functions. */
export const mathFunctions: readonly FunctionDef[] = [
  scalar('abs', 1, 1, (a) => Math.abs(num('abs', a[0], 1)), { result: sameAsFirst, validate: numericArgs('abs', 0), doc: 'Absolute value; integer for integers.' }),
  unary('acos', Math.acos, 'Inverse cosine, radians.'),
  unary('asin', Math.asin, 'Inverse sine, radians.'),
  unary('atan', Math.atan, 'Inverse tangent, radians.'),
  scalar('atan2', 2, 2, (a) => finite(Math.atan2(num('atan2', a[0], 1), num('atan2', a[1], 2))), {
    result: 'float',
    validate: numericArgs('atan2', 0, 1),
    doc: 'atan2(y, x): angle in radians between the positive x-axis and the point (x, y).',
  }),
  bitwise('bitand', (x, y) => x & y, 'Bitwise AND of two integers.'),
  bitwise('bitor', (x, y) => x | y, 'Bitwise OR of two integers.'),
  bitwise('bitxor', (x, y) => x ^ y, 'Bitwise XOR of two integers.'),
  scalar('bitnot', 1, 1, (a) => Number(BigInt.asIntN(64, ~BigInt(int('bitnot', a[0], 1)))), {
    result: 'int',
    validate: numericArgs('bitnot', 0),
    doc: 'Bitwise NOT of an integer.',
  }),
  unary('ceil', Math.ceil, 'Smallest integral value >= x (as float).'),
  unary('ceiling', Math.ceil, 'Alias of ceil.'),
  unary('cos', Math.cos, 'Cosine of radians.'),
  unary('cosh', Math.cosh, 'Hyperbolic cosine.'),
  unary('cot', (x) => 1 / Math.tan(x), 'Cotangent of radians; null at 0.'),
  unary('degrees', (x) => (x * 180) / Math.PI, 'Radians to degrees.'),
  unary('exp', Math.exp, 'e raised to x.'),
  unary('floor', Math.floor, 'Largest integral value <= x (as float).'),
  unary('ln', Math.log, 'Natural logarithm; null for x <= 0.'),
  scalar(
    'log',
    1,
    2,
    (a) => {
      if (a.length === 1) return finite(Math.log10(num('log', a[0], 1)));
      const b = num('log', a[0], 1);
      const x = num('log', a[1], 2);
      if (b <= 1 || x <= 0) return null;
      return finite(Math.log(x) / Math.log(b));
    },
    { result: 'float', validate: numericArgs('log', 0, 1), doc: 'log(x): base-10 logarithm; log(b, x): base-b logarithm. null for x <= 0 or b <= 1.' },
  ),
  scalar(
    'mod',
    2,
    2,
    (a) => {
      const x = num('mod', a[0], 1);
      const y = num('mod', a[1], 2);
      return finite(x % y);
    },
    { result: bothInt, validate: numericArgs('mod', 0, 1), doc: 'mod(x, y): remainder of x / y with the sign of x; null when y is 0.' },
  ),
  scalar('pi', 0, 0, () => Math.PI, { result: 'float', doc: 'The constant pi.' }),
  power('power'),
  power('pow'),
  unary('radians', (x) => (x * Math.PI) / 180, 'Degrees to radians.'),
  scalar('rand', 0, 0, (_a, ctx) => (ctx.random ?? Math.random)(), { result: 'float', nilIfAnyNil: false, doc: 'Random float in [0, 1).' }),
  roundTo('round', roundHalfAway, 'round(x[, d]): nearest value with d decimals (default 0), halves away from zero.'),
  scalar('sign', 1, 1, (a) => Math.sign(num('sign', a[0], 1)) || 0, { result: 'int', validate: numericArgs('sign', 0), doc: '1, -1 or 0 by the sign of x.' }),
  unary('sin', Math.sin, 'Sine of radians.'),
  unary('sinh', Math.sinh, 'Hyperbolic sine.'),
  unary('sqrt', Math.sqrt, 'Square root; null for negative x.'),
  unary('tan', Math.tan, 'Tangent of radians.'),
  unary('tanh', Math.tanh, 'Hyperbolic tangent.'),
];

