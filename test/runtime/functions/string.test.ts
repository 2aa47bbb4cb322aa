import { validateCall } from '../../../runtime/functions/registry';
import { call, type Case } from './helpers';

describe('string functions', () => {
  const cases: (Case & { fn: string })[] = [
    { fn: 'concat', name: 'concat skips a missing field (ek-op-strfunc-1)', args: ['mya', null, 'myb', 'myc'], expected: 'myamybmyc' },
    { fn: 'concat', name: 'concat formats numbers', args: ['a', 1, 1.5, true], expected: 'a11.5true' },
    { fn: 'concat', name: 'concat of arrays', args: [[1, 2], [3]], expected: [1, 2, 3] },
    { fn: 'endswith', name: 'endswith true', args: ['myabc', 'bc'], expected: true },
    { fn: 'endswith', name: 'endswith null is false', args: [null, 'bc'], expected: false },
    { fn: 'startswith', name: 'startswith true', args: ['myabc', 'my'], expected: true },
    { fn: 'indexof', name: 'indexof found', args: ['abcabc', 'ca'], expected: 2 },
    { fn: 'indexof', name: 'indexof missing is -1', args: ['abc', 'z'], expected: -1 },
    { fn: 'indexof', name: 'indexof null is -1', args: [null, 'z'], expected: -1 },
    { fn: 'length', name: 'length counts characters', args: ['héllo'], expected: 5 },
    { fn: 'length', name: 'length of an array', args: [[1, 2, 3]], expected: 3 },
    { fn: 'length', name: 'length of a struct', args: [{ a: 1 }], expected: 1 },
    { fn: 'length', name: 'length of null is 0', args: [null], expected: 0 },
    { fn: 'numbytes', name: 'numbytes counts UTF-8 bytes', args: ['héllo'], expected: 6 },
    { fn: 'lower', name: 'lower', args: ['NYCNicks'], expected: 'nycnicks' },
    { fn: 'upper', name: 'upper', args: ['NYCNicks'], expected: 'NYCNICKS' },
    { fn: 'trim', name: 'trim', args: [' \ttrimme\n '], expected: 'trimme' },
    { fn: 'ltrim', name: 'ltrim keeps trailing whitespace (ek-op-strfunc-16)', args: [' \ttrimme\n '], expected: 'trimme\n ' },
    { fn: 'rtrim', name: 'rtrim keeps leading whitespace', args: [' \ttrimme\n '], expected: ' \ttrimme' },
    { fn: 'lpad', name: 'lpad adds n spaces', args: ['ab', 2], expected: '  ab' },
    { fn: 'rpad', name: 'rpad adds n spaces', args: ['ab', 2], expected: 'ab  ' },
    { fn: 'reverse', name: 'reverse', args: ['abc'], expected: 'cba' },
    { fn: 'regexp_matches', name: 'regexp_matches true', args: ['seafood', 'foo.*'], expected: true },
    { fn: 'regexp_matches', name: 'regexp_matches false', args: ['seafood', '^foo'], expected: false },
    { fn: 'regexp_replace', name: 'regexp_replace replaces every match', args: ['abaab', 'a+', 'x'], expected: 'xbxb' },
    { fn: 'regexp_replace', name: 'regexp_replace with a group', args: ['seafood', 'a(.)', '$1A'], expected: 'sefAood' },
    { fn: 'regexp_substr', name: 'regexp_substr first match', args: ['seafood', 'f.o'], expected: 'foo' },
    { fn: 'regexp_substr', name: 'regexp_substr without a match is empty', args: ['seafood', 'z'], expected: '' },
    { fn: 'substring', name: 'substring from start', args: ['abcdef', 2], expected: 'cdef' },
    { fn: 'substring', name: 'substring start to end', args: ['abcdef', 1, 3], expected: 'bc' },
    { fn: 'substring', name: 'substring past the end is empty', args: ['abc', 5], expected: '' },
    { fn: 'split_value', name: 'split_value first part is empty', args: ['/test/device001/message', '/', 0], expected: '' },
    { fn: 'split_value', name: 'split_value index 3', args: ['/test/device001/message', '/', 3], expected: 'message' },
    { fn: 'split_value', name: 'split_value negative index', args: ['a/b/c', '/', -1], expected: 'c' },
    { fn: 'format', name: 'format rounds to decimals', args: [12332.1234567, 4], expected: '12332.1235' },
    { fn: 'format', name: 'format with en_US groups thousands', args: [12332.1234567, 4, 'en_US'], expected: '12,332.1235' },
    { fn: 'upper', name: 'upper of null is null', args: [null], expected: null },
  ];
  it.each(cases)('$name', ({ fn, args, expected }) => {
    expect(call(fn, args)).toEqual(expected);
  });

  it('fails split_value with an index out of range', () => {
    expect(() => call('split_value', ['a/b', '/', 5])).toThrow('split_value: index 5 out of range for 2 parts');
  });

  it('fails substring when start is after end', () => {
    expect(() => call('substring', ['abcdef', 4, 2])).toThrow('substring: start index 4 must not be larger than end index 2');
  });

  it('fails regexp_matches with an invalid pattern', () => {
    expect(() => call('regexp_matches', ['a', '('])).toThrow('regexp_matches: invalid regular expression "(":');
  });

  it('fails format with an unsupported locale', () => {
    expect(() => call('format', [1, 2, 'fr_FR'])).toThrow('format: unsupported locale "fr_FR"; use "en_US"');
  });

  it('fails validation of lower with a numeric literal', () => {
    expect(() => validateCall('lower', [{ kind: 'literal', value: 3 }])).toThrow(
      'function lower: argument 1 must be a string but is int; pass a quoted string',
    );
  });

  it('fails validation of substring with a negative literal start', () => {
    expect(() => validateCall('substring', [{ kind: 'field', name: 's', valueKind: 'string' }, { kind: 'literal', value: -1 }])).toThrow(
      'function substring: argument 2 (start index) must not be negative but is -1',
    );
  });
});
