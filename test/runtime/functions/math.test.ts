import { FunctionError } from '../../../runtime/functions/errors';
import { validateCall } from '../../../runtime/functions/registry';
import { call, type Case } from './helpers';

describe('mathematical functions', () => {
  const cases: (Case & { fn: string })[] = [
    { fn: 'abs', name: 'abs of a negative integer', args: [-3], expected: 3 },
    { fn: 'abs', name: 'abs of a float', args: [-1.5], expected: 1.5 },
    { fn: 'abs', name: 'abs of null is null', args: [null], expected: null },
    { fn: 'acos', name: 'acos(1)', args: [1], expected: 0 },
    { fn: 'acos', name: 'acos out of domain is null', args: [2], expected: null },
    { fn: 'asin', name: 'asin(0)', args: [0], expected: 0 },
    { fn: 'atan', name: 'atan(0)', args: [0], expected: 0 },
    { fn: 'atan2', name: 'atan2(1, 1)', args: [1, 1], expected: Math.PI / 4 },
    { fn: 'bitand', name: 'bitand(12, 10)', args: [12, 10], expected: 8 },
    { fn: 'bitor', name: 'bitor(12, 10)', args: [12, 10], expected: 14 },
    { fn: 'bitxor', name: 'bitxor(12, 10)', args: [12, 10], expected: 6 },
    { fn: 'bitnot', name: 'bitnot(12)', args: [12], expected: -13 },
    { fn: 'ceil', name: 'ceil(1.2)', args: [1.2], expected: 2 },
    { fn: 'ceiling', name: 'ceiling(-1.2)', args: [-1.2], expected: -1 },
    { fn: 'floor', name: 'floor(-1.2)', args: [-1.2], expected: -2 },
    { fn: 'cos', name: 'cos(0)', args: [0], expected: 1 },
    { fn: 'cosh', name: 'cosh(0)', args: [0], expected: 1 },
    { fn: 'cot', name: 'cot(pi/4)', args: [Math.PI / 4], expected: 1 / Math.tan(Math.PI / 4) },
    { fn: 'cot', name: 'cot(0) is null', args: [0], expected: null },
    { fn: 'degrees', name: 'degrees(pi)', args: [Math.PI], expected: 180 },
    { fn: 'radians', name: 'radians(180)', args: [180], expected: Math.PI },
    { fn: 'exp', name: 'exp(0)', args: [0], expected: 1 },
    { fn: 'ln', name: 'ln(e)', args: [Math.E], expected: 1 },
    { fn: 'ln', name: 'ln(0) is null', args: [0], expected: null },
    { fn: 'log', name: 'log(100) is base 10', args: [100], expected: 2 },
    { fn: 'log', name: 'log(2, 8) is base 2', args: [2, 8], expected: 3 },
    { fn: 'log', name: 'log with base 1 is null', args: [1, 8], expected: null },
    { fn: 'log', name: 'log(0) is null', args: [0], expected: null },
    { fn: 'mod', name: 'mod(7, 3)', args: [7, 3], expected: 1 },
    { fn: 'mod', name: 'mod(-7, 3) keeps the sign of x', args: [-7, 3], expected: -1 },
    { fn: 'mod', name: 'mod by zero is null', args: [7, 0], expected: null },
    { fn: 'pi', name: 'pi()', args: [], expected: Math.PI },
    { fn: 'power', name: 'power(2, 10)', args: [2, 10], expected: 1024 },
    { fn: 'pow', name: 'pow(4, 0.5)', args: [4, 0.5], expected: 2 },
    { fn: 'rand', name: 'rand() reads the context random source', args: [], expected: 0.25 },
    { fn: 'round', name: 'round(2.5) rounds half away from zero', args: [2.5], expected: 3 },
    { fn: 'round', name: 'round(-2.5) rounds half away from zero', args: [-2.5], expected: -3 },
    { fn: 'round', name: 'round(3.14159, 2)', args: [3.14159, 2], expected: 3.14 },
    { fn: 'sign', name: 'sign(-4.2)', args: [-4.2], expected: -1 },
    { fn: 'sign', name: 'sign(0)', args: [0], expected: 0 },
    { fn: 'sign', name: 'sign(3)', args: [3], expected: 1 },
    { fn: 'sin', name: 'sin(0)', args: [0], expected: 0 },
    { fn: 'sinh', name: 'sinh(0)', args: [0], expected: 0 },
    { fn: 'sqrt', name: 'sqrt(16)', args: [16], expected: 4 },
    { fn: 'sqrt', name: 'sqrt(-1) is null', args: [-1], expected: null },
    { fn: 'tan', name: 'tan(0)', args: [0], expected: 0 },
    { fn: 'tanh', name: 'tanh(0)', args: [0], expected: 0 },
  ];
  it.each(cases)('$name', ({ fn, args, expected }) => {
    const r = call(fn, args);
    if (typeof expected === 'number' && !Number.isInteger(expected)) expect(r).toBeCloseTo(expected, 12);
    else expect(r).toEqual(expected);
  });

  it('fails abs on a string at run time', () => {
    expect(() => call('abs', ['a'])).toThrow('abs: expects a number for argument 1 but found string("a")');
    expect(() => call('abs', ['a'])).toThrow(FunctionError);
  });

  it('fails bitand on a float', () => {
    expect(() => call('bitand', [1.5, 1])).toThrow('bitand: expects an integer for argument 1 but found float(1.5)');
  });

  it('fails validation of power with a string literal exponent', () => {
    expect(() => validateCall('power', [{ kind: 'literal', value: 2 }, { kind: 'literal', value: 'x' }])).toThrow(
      'function power: argument 2 must be a number but is string; pass a numeric column or literal',
    );
  });

  it('computes mod of two integers as an integer remainder', () => {
    expect(call('mod', [7, 2], ['int', 'int'])).toBe(1);
  });
});
