import { validateCall } from '../../../runtime/functions/registry';
import type { Value } from '../../../runtime/functions/types';
import { call } from './helpers';

const equipment: Value = [{ rings: [0.1, 2.4], 'arm.right': 'Sword of flame', 'arm.left': 'Shield of faith' }];
const doc: Value = {
  class: 'warrior',
  equipment,
  items: [
    { name: 'a', price: 5, tags: ['x'] },
    { name: 'b', price: 15, tags: ['y'] },
    { name: 'c', price: 25 },
  ],
};

describe('JSON functions', () => {
  it.each([
    ['$[0]["arm.left"] (ek-op-jsonpathfunc-12)', equipment, '$[0]["arm.left"]', 'Shield of faith'],
    ["$[0]['arm.right']", equipment, "$[0]['arm.right']", 'Sword of flame'],
    ['$.class', doc, '$.class', 'warrior'],
    ['$.equipment[0].rings[1]', doc, '$.equipment[0].rings[1]', 2.4],
    ['a negative index counts from the end', doc, '$.items[-1].name', 'c'],
    ['$.items[*].name gives an array', doc, '$.items[*].name', ['a', 'b', 'c']],
    ['$.items[0,2].name union', doc, '$.items[0,2].name', ['a', 'c']],
    ['$.items[0:2].price slice', doc, '$.items[0:2].price', [5, 15]],
    ['recursive descent $..price', doc, '$..price', [5, 15, 25]],
    ['filter $.items[?(@.price > 10)].name', doc, '$.items[?(@.price > 10)].name', ['b', 'c']],
    ['filter with && and a string', doc, '$.items[?(@.price > 1 && @.name == "a")].price', [5]],
    ['filter on existence', doc, '$.items[?(@.tags)].name', ['a', 'b']],
    ['a missing key is null', doc, '$.nope', null],
  ])('json_path_query %s', (_n, data, path, expected) => {
    expect(call('json_path_query', [data, path])).toEqual(expected);
  });

  it('json_path_exists reports whether anything matches', () => {
    expect(call('json_path_exists', [doc, '$.class'])).toBe(true);
    expect(call('json_path_exists', [doc, '$.nope'])).toBe(false);
    expect(call('json_path_exists', [doc, '$.items[?(@.price > 100)]'])).toBe(false);
  });

  it('json_path_query_first gives the first match', () => {
    expect(call('json_path_query_first', [doc, '$.items[*].price'])).toBe(5);
    expect(call('json_path_query_first', [doc, '$.class'])).toBe('warrior');
    expect(call('json_path_query_first', [doc, '$.items[?(@.price > 100)]'])).toBeNull();
  });

  it('JSON path functions parse a string document as JSON text (ek-x-fn-jsonpath-13)', () => {
    const text = '{"rings": [0.1, 2.4], "arm.left": "Shield of faith"}';
    expect(call('json_path_query', [text, '$["arm.left"]'])).toBe('Shield of faith');
    expect(call('json_path_exists', [text, '$.rings'])).toBe(true);
    expect(call('json_path_query_first', [text, '$.rings[*]'])).toBe(0.1);
  });

  it('JSON path functions refuse a null document and bad JSON text (ek-x-fn-jsonpath-16)', () => {
    expect(() => call('json_path_query', [null, '$.a'])).toThrow('json_path_query: invalid data nil for jsonpath; pass an object, array or JSON text');
    expect(() => call('json_path_exists', [null, '$.a'])).toThrow('json_path_exists: invalid data nil for jsonpath');
    expect(() => call('json_path_query', ['{bad', '$.a'])).toThrow('json_path_query: invalid JSON text "{bad" for jsonpath:');
  });

  it('to_json and parse_json round-trip', () => {
    expect(call('to_json', [{ a: [1, 'x', null] }])).toBe('{"a":[1,"x",null]}');
    expect(call('to_json', [null])).toBe('null');
    expect(call('parse_json', ['{"a":[1,"x",null]}'])).toEqual({ a: [1, 'x', null] });
  });

  it('fails parse_json on invalid text', () => {
    expect(() => call('parse_json', ['{bad'])).toThrow('parse_json: invalid JSON text:');
  });

  it('fails json_path_query with a path that does not start with $', () => {
    expect(() => call('json_path_query', [doc, 'a.b'])).toThrow('json_path_query: invalid JSON path: path must start with "$" but is "a.b"');
  });

  it('fails validation of a literal path that cannot be parsed', () => {
    expect(() => validateCall('json_path_query', [{ kind: 'field', name: 'x', valueKind: 'struct' }, { kind: 'literal', value: '$[0' }])).toThrow(
      'function json_path_query: argument 2 is not a valid JSON path: unclosed "[" at position 1 of "$[0"',
    );
  });
});
