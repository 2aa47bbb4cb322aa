import { lookupFunction, validateCall } from '../../../runtime/functions/registry';

describe('function registry without an explicit registerBuiltins() call', () => {
  it('registers the built-ins on first lookup', () => {
    expect(lookupFunction('avg')?.type).toBe('aggregate');
    expect(validateCall('LAG', [{ kind: 'field', name: 'a', valueKind: 'unknown' }]).type).toBe('analytic');
  });
});
