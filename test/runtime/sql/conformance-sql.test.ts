import { parse, show } from '../../../runtime/sql';
import { CONFORMANCE_DDL, CONFORMANCE_RULES } from './fixtures/conformance-sql';
import { roundTrip } from './sql-test-utils';

describe('conformance SQL', () => {
  test.each(CONFORMANCE_DDL)('parses the DDL %s as a create statement', (sql) => {
    expect(parse(sql)).toMatchObject({ type: 'create_stmt' });
  });

  test.each(CONFORMANCE_RULES)('parses the rule %s as a select statement', (sql) => {
    expect(parse(sql)).toMatchObject({ type: 'select_stmt' });
  });

  test.each([...CONFORMANCE_DDL, ...CONFORMANCE_RULES])('round-trips %s through show()', (sql) => {
    const { first, second, printed } = roundTrip(sql);
    expect(second).toEqual(first);
    expect(show(parse(printed))).toBe(printed);
  });
});
