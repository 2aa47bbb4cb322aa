import { registerBuiltins, BUILTIN_CATEGORIES } from '../../../runtime/functions/builtins';
import { FunctionArgError } from '../../../runtime/functions/errors';
import {
  createCallContext,
  describeArity,
  listFunctions,
  lookupFunction,
  registerFunction,
  unregisterFunction,
  validateCall,
} from '../../../runtime/functions/registry';
import './helpers';

describe('function registry', () => {
  it('registers the built-ins idempotently and counts them', () => {
    const n = registerBuiltins();
    expect(registerBuiltins()).toBe(n);
    const total = Object.values(BUILTIN_CATEGORIES).reduce((acc, defs) => acc + defs.length, 0);
    expect(n).toBe(total);
    expect(listFunctions().length).toBeGreaterThanOrEqual(n);
  });

  it('registers at least 120 built-in functions with unique lower-case names', () => {
    const names = Object.values(BUILTIN_CATEGORIES).flatMap((defs) => defs.map((d) => d.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(120);
    for (const name of names) expect(name).toBe(name.toLowerCase());
  });

  it('looks functions up case-insensitively', () => {
    expect(lookupFunction('ABS')).toBe(lookupFunction('abs'));
    expect(lookupFunction('no_such_function')).toBeUndefined();
  });

  it('lets the engine register its own context functions', () => {
    registerFunction({ name: 'test_window_start', type: 'context', minArgs: 0, maxArgs: 0, exec: (_a, ctx) => ctx.row?.windowStart ?? null });
    const ctx = createCallContext([], () => 0);
    ctx.row = { windowStart: 1000 };
    expect(lookupFunction('TEST_WINDOW_START')?.exec([], ctx)).toBe(1000);
    expect(unregisterFunction('test_window_start')).toBe(true);
  });

  it('fails to register a duplicate name', () => {
    expect(() => registerFunction({ name: 'abs', type: 'scalar', minArgs: 1, maxArgs: 1, exec: () => null })).toThrow(
      'registerFunction: function abs is already registered; use another name or unregister it first',
    );
  });

  it('fails to register a name that is not lower-case', () => {
    expect(() => registerFunction({ name: 'Foo', type: 'scalar', minArgs: 0, maxArgs: 0, exec: () => null })).toThrow(
      'registerFunction: name "Foo" must be non-empty and lower-case',
    );
  });

  it('describes arities in words', () => {
    expect(describeArity(1, 1)).toBe('1 argument');
    expect(describeArity(2, 2)).toBe('2 arguments');
    expect(describeArity(1, 2)).toBe('1 to 2 arguments');
    expect(describeArity(1, Infinity)).toBe('at least 1 argument');
    expect(describeArity(0, 0)).toBe('no arguments');
  });

  it('validates a correct call and returns the definition', () => {
    expect(validateCall('Abs', [{ kind: 'field', name: 'x', valueKind: 'int' }]).name).toBe('abs');
  });

  it('fails validation of an unknown function', () => {
    expect(() => validateCall('nope', [])).toThrow('function nope: not found; check the name against the eKuiper built-in functions');
    expect(() => validateCall('nope', [])).toThrow(FunctionArgError);
  });

  it('fails validation with a wrong number of arguments', () => {
    const lit = { kind: 'literal' as const, value: 1 };
    expect(() => validateCall('abs', [lit, lit])).toThrow('function abs: expects 1 argument but found 2');
    expect(() => validateCall('log', [lit, lit, lit])).toThrow('function log: expects 1 to 2 arguments but found 3');
    expect(() => validateCall('concat', [])).toThrow('function concat: expects at least 1 argument but found 0');
    expect(() => validateCall('pi', [lit])).toThrow('function pi: expects no arguments but found 1');
  });

  it('fails validation of a string literal where a number is required', () => {
    expect(() => validateCall('abs', [{ kind: 'literal', value: 'a' }])).toThrow(
      'function abs: argument 1 must be a number but is string; pass a numeric column or literal',
    );
  });

  it('exposes the argument position of a validation error', () => {
    try {
      validateCall('sqrt', [{ kind: 'field', name: 's', valueKind: 'string' }]);
      throw new Error('not thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(FunctionArgError);
      expect((e as FunctionArgError).argIndex).toBe(1);
      expect((e as FunctionArgError).functionName).toBe('sqrt');
    }
  });
});
