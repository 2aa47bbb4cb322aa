/** What a {@link RuleValidationError} is about. */
export type DefinitionKind = 'stream' | 'table' | 'rule';

/** Where in a statement's SQL text an error is (1-based). */
export interface SqlLocation {
  readonly line: number;
  readonly column: number;
}

/**
 * A site's rule set that cannot ship: thrown by {@link resolveSiteDefinitions} at synth time, so `cdk8s synth`
 * fails before a broken rule reaches a device. The message format is stable (tests assert it exactly):
 *
 * ```
 * <env>-<siteId>: <stream|table|rule> <name or id>[ at line <L>, column <C>]: <problem and fix>
 * ```
 *
 * For SQL syntax errors the problem is the parser's reason and expectation, followed by the source line and a caret:
 *
 * ```
 * dev-gw01: rule hot at line 1, column 8: Unexpected "FROM"; was expecting to see: expression
 *   |
 * 1 | SELECT FROM demo
 *   |        ^
 * ```
 */
export class RuleValidationError extends Error {
  override readonly name = 'RuleValidationError';

  /**
   * @param site chart id of the site, `<env>-<siteId>`
   * @param kind what is at fault
   * @param subject stream or table name, or rule id (`#<n>` when a statement is too broken to name)
   * @param problem what is wrong and the fix
   * @param location where in the SQL text, when known
   * @param excerpt source line with a caret under the column, when known
   */
  constructor(
    readonly site: string,
    readonly kind: DefinitionKind,
    readonly subject: string,
    readonly problem: string,
    readonly location?: SqlLocation,
    excerpt?: string,
  ) {
    const at = location ? ` at line ${location.line}, column ${location.column}` : '';
    super(`${site}: ${kind} ${subject}${at}: ${problem}${excerpt ? `\n${excerpt}` : ''}`);
  }
}
