import { validateCall } from '../../../runtime/functions/registry';
import { call, type Case } from './helpers';

describe('conversion functions', () => {
  const cases: (Case & { fn: string })[] = [
    { fn: 'cast', name: 'cast(1.2, "string") is "1.2" (ek-op-mathandconversionfunc-30)', args: [1.2, 'string'], expected: '1.2' },
    { fn: 'cast', name: 'cast of a large float to string has no exponent', args: [1e21, 'string'], expected: '1000000000000000000000' },
    { fn: 'cast', name: 'cast of a tiny float to string has no exponent', args: [1e-7, 'string'], expected: '0.0000001' },
    { fn: 'cast', name: 'cast of an integer to string', args: [42, 'string'], expected: '42' },
    { fn: 'cast', name: 'cast of a struct to string is JSON', args: [{ a: 1 }, 'string'], expected: '{"a":1}' },
    { fn: 'cast', name: 'cast float to bigint truncates', args: [-3.7, 'bigint'], expected: -3 },
    { fn: 'cast', name: 'cast string to bigint', args: ['12', 'bigint'], expected: 12 },
    { fn: 'cast', name: 'cast bool to bigint', args: [true, 'bigint'], expected: 1 },
    { fn: 'cast', name: 'cast string to float', args: ['1.5', 'float'], expected: 1.5 },
    { fn: 'cast', name: 'cast "true" to boolean', args: ['true', 'boolean'], expected: true },
    { fn: 'cast', name: 'cast "0" to boolean', args: ['0', 'boolean'], expected: false },
    { fn: 'cast', name: 'cast a number to boolean', args: [2, 'boolean'], expected: true },
    { fn: 'cast', name: 'cast a date string to datetime gives epoch ms', args: ['2018-11-02 09:54:46', 'datetime'], expected: 1541152486000 },
    { fn: 'cast', name: 'cast base64 to bytea', args: ['aGk=', 'bytea'], expected: new Uint8Array([104, 105]) },
    { fn: 'cast', name: 'cast of null is null', args: [null, 'bigint'], expected: null },
    { fn: 'encode', name: 'encode base64', args: ['hello', 'base64'], expected: 'aGVsbG8=' },
    { fn: 'decode', name: 'decode base64 to bytes', args: ['aGVsbG8=', 'base64'], expected: new Uint8Array(Buffer.from('hello')) },
    { fn: 'trunc', name: 'trunc to 2 decimals', args: [3.14159, 2], expected: 3.14 },
    { fn: 'trunc', name: 'trunc a negative number toward zero', args: [-3.789, 1], expected: -3.7 },
    { fn: 'hex2dec', name: 'hex2dec with 0x prefix', args: ['0x10'], expected: 16 },
    { fn: 'hex2dec', name: 'hex2dec without prefix', args: ['ff'], expected: 255 },
    { fn: 'dec2hex', name: 'dec2hex', args: [255], expected: '0xff' },
  ];
  it.each(cases)('$name', ({ fn, args, expected }) => {
    expect(call(fn, args)).toEqual(expected);
  });

  it('round-trips compress and decompress with gzip and zlib', () => {
    for (const method of ['gzip', 'zlib']) {
      const packed = call('compress', ['hello hello hello', method]);
      expect(Buffer.from(call('decompress', [packed, method]) as Uint8Array).toString()).toBe('hello hello hello');
    }
  });

  it('fails cast of a non-numeric string to bigint', () => {
    expect(() => call('cast', ['abc', 'bigint'])).toThrow('cast: cannot convert string("abc") to bigint');
  });

  it('fails cast of a non-base64 string to bytea', () => {
    expect(() => call('cast', ['a*b', 'bytea'])).toThrow('cast: cannot convert string("a*b") to bytea (a base64 string is required)');
  });

  it('fails validation of cast with an unknown type', () => {
    expect(() => validateCall('cast', [{ kind: 'literal', value: 1 }, { kind: 'literal', value: 'int' }])).toThrow(
      'function cast: argument 2 must be one of "bigint", "float", "string", "boolean", "datetime", "bytea" but is "int"',
    );
  });

  it('fails encode with an unsupported encoding', () => {
    expect(() => call('encode', ['a', 'hex'])).toThrow('encode: unsupported encoding "hex"; use "base64"');
  });

  it('fails decompress of garbage', () => {
    expect(() => call('decompress', ['not compressed', 'gzip'])).toThrow('decompress: invalid compressed data:');
  });
});
