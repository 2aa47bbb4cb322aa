import { SqlSyntaxError, tokenize } from '../../../runtime/sql';

const kinds = (sql: string): string[] => tokenize(sql).map((t) => `${t.kind}:${t.value}`);

describe('tokenize', () => {
  it('splits a statement into words, operators, numbers and strings, ending with eof', () => {
    expect(kinds('SELECT a->b, 1.5 FROM s WHERE x <> "r"')).toEqual([
      'word:SELECT', 'word:a', 'op:->', 'word:b', 'op:,', 'number:1.5', 'word:FROM', 'word:s', 'word:WHERE',
      'word:x', 'op:<>', 'string:r', 'eof:',
    ]);
  });

  it('keeps the case of words and records their upper-case spelling for keyword matching', () => {
    const [t] = tokenize('sElEct');
    expect(t).toMatchObject({ kind: 'word', value: 'sElEct', upper: 'SELECT', start: 0, end: 6 });
  });

  it('reads two-character operators before one-character ones', () => {
    expect(kinds('<= >= != <> -> < > = -')).toEqual([
      'op:<=', 'op:>=', 'op:!=', 'op:<>', 'op:->', 'op:<', 'op:>', 'op:=', 'op:-', 'eof:',
    ]);
  });

  it('skips line and block comments', () => {
    expect(kinds('a -- rest of line\n/* block\ncomment */ b')).toEqual(['word:a', 'word:b', 'eof:']);
  });

  it('unescapes double- and single-quoted strings and keeps unknown escapes such as \\%', () => {
    const t = tokenize(String.raw`"a\"b\n\\" 'it\'s' "50\%" "\u0041\x42"`);
    expect(t.slice(0, 4).map((x) => x.value)).toEqual(['a"b\n\\', "it's", '50\\%', 'AB']);
  });

  it('reads backquoted identifiers with spaces and doubled backquotes', () => {
    expect(tokenize('`my col` `a``b`').slice(0, 2).map((t) => [t.kind, t.value])).toEqual([
      ['quoted', 'my col'], ['quoted', 'a`b'],
    ]);
  });

  it('reads integers, fractions, leading-dot fractions and exponents', () => {
    expect(kinds('12 1.5 .5 1e3 2.5E-3 7.')).toEqual([
      'number:12', 'number:1.5', 'number:.5', 'number:1e3', 'number:2.5E-3', 'number:7.', 'eof:',
    ]);
  });

  it('records start and end offsets of every token', () => {
    expect(tokenize('a  >= 10').map((t) => [t.start, t.end])).toEqual([[0, 1], [3, 5], [6, 8], [8, 8]]);
  });

  it('fails on an unterminated string with the position of its opening quote', () => {
    expect(() => tokenize('a = "abc')).toThrow(SqlSyntaxError);
    expect(() => tokenize('a = "abc')).toThrow('Syntax Error: Unterminated string literal\nWas expecting to see: "\\""\n--> 1:5');
  });

  it('fails on an unterminated block comment and quoted identifier', () => {
    expect(() => tokenize('a /* b')).toThrow('Syntax Error: Unterminated comment');
    expect(() => tokenize('`ab')).toThrow('Syntax Error: Unterminated quoted identifier');
  });

  it('fails on malformed numbers', () => {
    expect(() => tokenize('12abc')).toThrow('Syntax Error: Invalid number "12abc"');
    expect(() => tokenize('1e+')).toThrow('Syntax Error: Invalid number "1e+"');
    expect(() => tokenize('1.2.3')).toThrow('Syntax Error: Invalid number "1.2.3"');
    expect(() => tokenize('1e999')).toThrow('Syntax Error: Number out of range "1e999"');
  });

  it('fails on a character outside the dialect', () => {
    expect(() => tokenize('a # b')).toThrow('Syntax Error: Unexpected character "#"\n--> 1:3');
  });

  it('fails on a bad \\u escape', () => {
    expect(() => tokenize('"\\u12"')).toThrow('Syntax Error: Invalid escape sequence "\\u12"');
  });
});
