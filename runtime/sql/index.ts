/**
 * SQL front-end of edgestack's rule engine: eKuiper's dialect, parsed by a hand-written lexer and recursive-descent
 * parser with a Pratt expression parser.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/overview.html
 */
export * from './ast';
export { parse, parseExpr } from './parser';
export { show, showIdentifier, showString, type ShowOptions } from './printer';
export { walk, childrenOf, SKIP, type FullVisitorMap, type VisitorMap, type VisitorAction } from './visitor';
export { SqlSyntaxError, positionAt, type SourcePosition } from './errors';
export { tokenize } from './lexer';
export { Precedence, RESERVED, type Token, type TokenKind } from './token';
export { WINDOW_NAMES, TIME_UNITS } from './window-parser';
export { DATA_TYPES } from './ddl-parser';
