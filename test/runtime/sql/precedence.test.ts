import { showPrecedence } from './sql-test-utils';

describe('operator precedence (OR < AND < NOT < comparison < + - | ^ < * / % & < unary < postfix)', () => {
  it.each([
    ['5 + 2 * 3', '(5 + (2 * 3))'],
    ['5 * 2 + 3', '((5 * 2) + 3)'],
    ['a - b - c', '((a - b) - c)'],
    ['a / b * c % d', '(((a / b) * c) % d)'],
    ['a OR b AND c', '(a OR (b AND c))'],
    ['a AND b OR c AND d', '((a AND b) OR (c AND d))'],
    ['a = 1 AND b > 2', '((a = 1) AND (b > 2))'],
    ['a + 1 > b * 2', '((a + 1) > (b * 2))'],
    ['NOT a = b AND c', '((NOT (a = b)) AND c)'],
    ['NOT a OR b', '((NOT a) OR b)'],
    ['-a * b', '((-a) * b)'],
    ['-a->b', '(-(a->b))'],
    ['a | b & c', '(a | (b & c))'],
    ['a ^ b * c', '(a ^ (b * c))'],
    ['a + b LIKE "x" AND c', '(((a + b) LIKE "x") AND c)'],
    ['a IN (1, 2) OR b', '((a IN (1, 2)) OR b)'],
    ['x BETWEEN 1 + 1 AND 5 OR y', '((x BETWEEN (1 + 1) AND 5) OR y)'],
    ['a->b[0] + 1', '(((a->b)[0]) + 1)'],
    ['(a + b) * c', '((a + b) * c)'],
    ['a = b = c', '((a = b) = c)'],
  ])('parses %s as %s', (sql, expected) => {
    expect(showPrecedence(sql)).toBe(expected);
  });
});
