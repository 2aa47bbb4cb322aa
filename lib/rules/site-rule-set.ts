import { Rule } from './rule';
import { Stream } from './stream';
import { Table } from './table';

/**
 * The streams, tables and rules one site's rule engine runs. Resolved and validated per site by
 * {@link resolveSiteDefinitions}; the same rule set can be used at every site that has its endpoints.
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */
export interface SiteRuleSet {
  /** Streams, created first, in order. @default - none */
  readonly streams?: readonly Stream[];
  /** Tables, created after the streams. @default - none */
  readonly tables?: readonly Table[];
  /** Rules, validated against the streams and tables above. @default - none */
  readonly rules?: readonly Rule[];
}
