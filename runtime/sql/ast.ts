/**
 * Typed AST of edgestack's SQL dialect, which is eKuiper's.
 *
 * Every node is a readonly interface discriminated by a snake_case `type`, so `Node['type']` lists every kind and
 * an exhaustive visitor ({@link ./visitor}) fails to compile until it handles a new one. `range` holds the
 * `[start, end)` character offsets of the node in the source text; the parser always sets it, and AST comparisons
 * in round-trip tests ignore it.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html
 * @see https://ekuiper.org/docs/en/latest/sqls/streams.html
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html
 */

/** Character offsets `[start, end)` of a node in the SQL text. */
export type Range = readonly [number, number];

/** Fields shared by every node. */
export interface BaseNode {
  /** Source offsets `[start, end)`; absent on nodes built by code. */
  readonly range?: Range;
}

// ---------------------------------------------------------------- expressions

/** A numeric literal. `isFloat` is true when the source had a fraction or exponent (`2.0`, `1e3`). */
export interface NumberLiteral extends BaseNode {
  readonly type: 'number_literal';
  readonly value: number;
  /** eKuiper types `2` as bigint and `2.0` as float; this keeps the distinction. */
  readonly isFloat: boolean;
}

/** A string literal, written with double or single quotes: `"red"`, `'red'`. `value` is unescaped. */
export interface StringLiteral extends BaseNode {
  readonly type: 'string_literal';
  readonly value: string;
}

/** `true` or `false` (any case). */
export interface BooleanLiteral extends BaseNode {
  readonly type: 'boolean_literal';
  readonly value: boolean;
}

/** `NULL` (any case). */
export interface NullLiteral extends BaseNode {
  readonly type: 'null_literal';
}

/**
 * A column reference: `size`, `` `my col` ``, `demo.size`. `stream` is the qualifier as written; the planner decides
 * whether `a.b` names stream `a` or field `b` of struct column `a`.
 */
export interface FieldRef extends BaseNode {
  readonly type: 'field_ref';
  readonly name: string;
  readonly stream?: string;
}

/** One `* REPLACE(expr AS name)` item. */
export interface WildcardReplace extends BaseNode {
  readonly type: 'wildcard_replace';
  readonly expr: Expr;
  readonly alias: string;
}

/** `*`, `demo.*`, `* EXCEPT(a, b)`, `* REPLACE(a * 2 AS a)`; also the argument of `count(*)` and `meta(*)`. */
export interface Wildcard extends BaseNode {
  readonly type: 'wildcard';
  readonly stream?: string;
  /** Column names listed in `EXCEPT(...)`; empty when absent. */
  readonly except: readonly string[];
  /** Items of `REPLACE(...)`; empty when absent. */
  readonly replace: readonly WildcardReplace[];
}

/** Nested access `a->b` (struct field). `a.b` parses as a {@link FieldRef} with a stream qualifier. */
export interface MemberExpr extends BaseNode {
  readonly type: 'member_expr';
  readonly object: Expr;
  readonly property: string;
}

/** Array element `arr[i]` (0-based; negative counts from the end, as in eKuiper). */
export interface IndexExpr extends BaseNode {
  readonly type: 'index_expr';
  readonly object: Expr;
  readonly index: Expr;
}

/** Array slice `arr[a:b]`, `arr[:b]`, `arr[a:]`: elements `a` (inclusive) to `b` (exclusive). */
export interface SliceExpr extends BaseNode {
  readonly type: 'slice_expr';
  readonly object: Expr;
  readonly start?: Expr;
  readonly end?: Expr;
}

/** Binary operators, in source spelling (upper case for keywords). `<>` is kept apart from `!=` for printing. */
export type BinaryOperator =
  | 'OR' | 'AND'
  | '=' | '!=' | '<>' | '<' | '<=' | '>' | '>='
  | '+' | '-' | '*' | '/' | '%'
  | '&' | '|' | '^';

/** `left op right`. */
export interface BinaryExpr extends BaseNode {
  readonly type: 'binary_expr';
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}

/** Prefix operators. */
export type UnaryOperator = '-' | '+' | 'NOT';

/** `-x`, `NOT cond`. */
export interface UnaryExpr extends BaseNode {
  readonly type: 'unary_expr';
  readonly operator: UnaryOperator;
  readonly operand: Expr;
}

/** `expr [NOT] LIKE pattern` with `%` and `_` wildcards and `\` as escape. */
export interface LikeExpr extends BaseNode {
  readonly type: 'like_expr';
  readonly expr: Expr;
  readonly pattern: Expr;
  readonly not: boolean;
}

/**
 * `expr [NOT] IN (a, b, c)` (`list` is set) or `expr [NOT] IN arrayExpr` (`set` is an array-valued expression such as
 * a column).
 */
export interface InExpr extends BaseNode {
  readonly type: 'in_expr';
  readonly expr: Expr;
  readonly list?: readonly Expr[];
  readonly set?: Expr;
  readonly not: boolean;
}

/** `expr [NOT] BETWEEN low AND high` (both ends inclusive). */
export interface BetweenExpr extends BaseNode {
  readonly type: 'between_expr';
  readonly expr: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly not: boolean;
}

/** One `WHEN cond THEN result` arm of a CASE. */
export interface CaseWhen extends BaseNode {
  readonly type: 'case_when';
  readonly when: Expr;
  readonly then: Expr;
}

/** `CASE [operand] WHEN .. THEN .. [ELSE ..] END`. With an operand, each `when` is compared to it with `=`. */
export interface CaseExpr extends BaseNode {
  readonly type: 'case_expr';
  readonly operand?: Expr;
  readonly whens: readonly CaseWhen[];
  readonly else?: Expr;
}

/** `OVER (PARTITION BY a, b WHEN cond)` of an analytic or aggregate-accumulating function call. */
export interface OverClause extends BaseNode {
  readonly type: 'over_clause';
  readonly partitionBy: readonly Expr[];
  readonly when?: Expr;
}

/**
 * A function call `name(args) [FILTER (WHERE cond)] [OVER (...)]`. `name` keeps the source case; function lookup is
 * case-insensitive.
 */
export interface CallExpr extends BaseNode {
  readonly type: 'call_expr';
  readonly name: string;
  readonly args: readonly Expr[];
  /** `FILTER (WHERE cond)` after an aggregate call. */
  readonly filter?: Expr;
  readonly over?: OverClause;
}

/** Every expression node. */
export type Expr =
  | NumberLiteral | StringLiteral | BooleanLiteral | NullLiteral
  | FieldRef | Wildcard | MemberExpr | IndexExpr | SliceExpr
  | BinaryExpr | UnaryExpr | LikeExpr | InExpr | BetweenExpr | CaseExpr | CallExpr;

// ---------------------------------------------------------------- windows

/** eKuiper window kinds, named as in SQL (`TUMBLINGWINDOW` -> `tumbling`). */
export type WindowType = 'tumbling' | 'hopping' | 'sliding' | 'session' | 'count' | 'state';

/** Window time units: days, hours, minutes, seconds, milliseconds. */
export type TimeUnit = 'dd' | 'hh' | 'mi' | 'ss' | 'ms';

/**
 * A window in GROUP BY.
 * - `TUMBLINGWINDOW(unit, length)`
 * - `HOPPINGWINDOW(unit, length, interval)`: `interval` is the hop.
 * - `SLIDINGWINDOW(unit, length[, delay]) [OVER (WHEN cond)]`: `interval` is the delay; `trigger` is the WHEN.
 * - `SESSIONWINDOW(unit, length, interval)`: `length` is the maximum session duration, `interval` the gap timeout.
 * - `COUNTWINDOW(count[, interval])`: no unit; `length` is the row count, `interval` the hop in rows.
 * - `STATEWINDOW(beginCond, emitCond)`: no unit or lengths; `begin` and `emit` are conditions.
 * Any of them may carry `FILTER (WHERE cond)`, applied to rows before they enter the window.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html
 */
export interface WindowExpr extends BaseNode {
  readonly type: 'window_expr';
  readonly windowType: WindowType;
  /** Time unit; absent for COUNTWINDOW and STATEWINDOW. */
  readonly unit?: TimeUnit;
  /** Length in `unit`s (or rows for COUNTWINDOW); 0 for STATEWINDOW. */
  readonly length: number;
  /** Hop (hopping, count), gap timeout (session) or delay (sliding), in `unit`s or rows. */
  readonly interval?: number;
  /** `OVER (WHEN cond)` of a sliding window: only rows matching it trigger an emission. */
  readonly trigger?: Expr;
  /** `STATEWINDOW` begin condition. */
  readonly begin?: Expr;
  /** `STATEWINDOW` emit condition; absent in the one-condition form `STATEWINDOW(cond)`. */
  readonly emit?: Expr;
  /** `FILTER (WHERE cond)`. */
  readonly filter?: Expr;
}

// ---------------------------------------------------------------- SELECT

/** One item of the SELECT list: `expr [AS alias] [INVISIBLE]`. */
export interface SelectField extends BaseNode {
  readonly type: 'select_field';
  readonly expr: Expr;
  readonly alias?: string;
  /** `INVISIBLE`: computed (others may use the alias) but not emitted. */
  readonly invisible: boolean;
}

/** A stream or table in FROM or JOIN: `name [AS alias]`. */
export interface SourceRef extends BaseNode {
  readonly type: 'source_ref';
  readonly name: string;
  readonly alias?: string;
}

/** Join kinds; `cross` has no ON condition. */
export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'cross';

/** `[INNER|LEFT|RIGHT|FULL|CROSS] JOIN source [ON cond]`. */
export interface JoinClause extends BaseNode {
  readonly type: 'join_clause';
  readonly joinType: JoinType;
  readonly source: SourceRef;
  readonly on?: Expr;
}

/** One ORDER BY item. */
export interface SortField extends BaseNode {
  readonly type: 'sort_field';
  readonly expr: Expr;
  readonly direction: 'asc' | 'desc';
}

/** A GROUP BY item: a dimension expression or a window. */
export type GroupByItem = Expr | WindowExpr;

/** `SELECT fields FROM source [joins] [WHERE] [GROUP BY] [HAVING] [ORDER BY] [LIMIT]`. */
export interface SelectStatement extends BaseNode {
  readonly type: 'select_stmt';
  readonly fields: readonly SelectField[];
  readonly from: SourceRef;
  readonly joins: readonly JoinClause[];
  readonly where?: Expr;
  /** In source order; at most one item is a {@link WindowExpr}. */
  readonly groupBy: readonly GroupByItem[];
  readonly having?: Expr;
  readonly orderBy: readonly SortField[];
  readonly limit?: number;
}

// ---------------------------------------------------------------- DDL

/** Column data types of stream and table schemas. */
export type DataTypeName = 'bigint' | 'float' | 'string' | 'datetime' | 'boolean' | 'bytea' | 'array' | 'struct';

/** A column type: `bigint`, `array(float)`, `struct(a bigint, b string)`. */
export interface DataType extends BaseNode {
  readonly type: 'data_type';
  readonly name: DataTypeName;
  /** Element type of `array(...)`. */
  readonly elementType?: DataType;
  /** Fields of `struct(...)`. */
  readonly fields?: readonly ColumnDef[];
}

/** `name TYPE` in a schema. */
export interface ColumnDef extends BaseNode {
  readonly type: 'column_def';
  readonly name: string;
  readonly dataType: DataType;
}

/** One `KEY=value` of a WITH clause. Keys are upper-cased; values are kept as their string form. */
export interface StreamOption extends BaseNode {
  readonly type: 'stream_option';
  readonly key: string;
  readonly value: string;
}

/**
 * `CREATE STREAM|TABLE name (cols) WITH (opts)`. A schemaless stream is declared with `()` and has no columns.
 * Known option keys: DATASOURCE, FORMAT, TYPE, KEY, TIMESTAMP, TIMESTAMP_FORMAT, SHARED, CONF_KEY,
 * STRICT_VALIDATION, RETAIN_SIZE, KIND (table only: "scan" | "lookup").
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/streams.html
 * @see https://ekuiper.org/docs/en/latest/sqls/tables.html
 */
export interface CreateStatement extends BaseNode {
  readonly type: 'create_stmt';
  readonly kind: 'stream' | 'table';
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  readonly options: readonly StreamOption[];
}

/** `DROP STREAM|TABLE name`. */
export interface DropStatement extends BaseNode {
  readonly type: 'drop_stmt';
  readonly kind: 'stream' | 'table';
  readonly name: string;
}

/** `DESCRIBE STREAM|TABLE name`. */
export interface DescribeStatement extends BaseNode {
  readonly type: 'describe_stmt';
  readonly kind: 'stream' | 'table';
  readonly name: string;
}

/** `SHOW STREAMS|TABLES`. */
export interface ShowStatement extends BaseNode {
  readonly type: 'show_stmt';
  readonly kind: 'stream' | 'table';
}

/** Every statement. */
export type Statement = SelectStatement | CreateStatement | DropStatement | DescribeStatement | ShowStatement;

/** Every AST node. */
export type Node =
  | Statement | Expr | WindowExpr | SelectField | SourceRef | JoinClause | SortField | CaseWhen | OverClause
  | WildcardReplace | DataType | ColumnDef | StreamOption;

/** The `type` tag of every node kind. */
export type NodeType = Node['type'];
