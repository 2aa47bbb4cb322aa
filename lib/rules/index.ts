/**
 * Rules as code: a site's streams, tables and rules declared in TypeScript, resolved against the fleet inventory
 * and validated with the runtime's own parser and planner at synth time.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */
export * from './column-type';
export * from './stream-format';
export * from './fleet-endpoint';
export * from './site-endpoints';
export * from './source-schema';
export * from './stream';
export * from './table';
export * from './sink-options';
export * from './sink';
export * from './rule';
export * from './site-rule-set';
export * from './rule-validation-error';
export * from './resolve-site-definitions';
export * from './example-rule-sets';
