/**
 * What the expression compiler knows at rule creation: the rule's sources and their schemas, the SELECT aliases,
 * the clause being compiled (WHERE may not hold aggregates), and the analytic call sites collected so far.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html
 */
import type { Accumulator, CallContext, FunctionDef, ValueKind } from '../functions/types';
import type { Expr } from '../sql/ast';
import type { Row } from '../model/row';
import type { EvalContext } from './eval-context';
import type { Value } from '../functions/types';

/** A compiled expression: evaluates against one row and the rule's context. */
export type Evaluator = (row: Row, ctx: EvalContext) => Value;

/** Result of compiling one expression. */
export interface Compiled {
  readonly fn: Evaluator;
  /** Static kind (`unknown` when only known at run time). */
  readonly kind: ValueKind;
  /** True when the expression contains an aggregate call (outside analytic calls). */
  readonly aggregate: boolean;
}

/** A stream or table used by the rule, with its declared schema. */
export interface SourceSchema {
  /** Stream or table name. */
  readonly name: string;
  /** `FROM name AS alias`. */
  readonly alias?: string;
  readonly kind: 'stream' | 'table';
  /** Declared column kinds; `undefined` for a schemaless stream. */
  readonly columns: ReadonlyMap<string, ValueKind> | undefined;
}

/** One analytic call site (`lag(a) OVER (PARTITION BY b WHEN c)`), with its state per partition. */
export interface AnalyticSite {
  readonly slot: number;
  readonly def: FunctionDef;
  readonly args: readonly Evaluator[];
  readonly partitionBy: readonly Evaluator[];
  readonly when: Evaluator | undefined;
  readonly callContext: CallContext;
  /** Partition key → the function's state object. */
  readonly states: Map<string, Record<string, unknown>>;
}

/** An aggregate call site that can run incrementally (`count(*)` or a one-argument accumulator aggregate). */
export interface IncrementalAggregate {
  readonly slot: number;
  /** Argument evaluator; `undefined` for `count(*)`. */
  readonly arg: Evaluator | undefined;
  /** New accumulator for one group; `undefined` for `count(*)`. */
  readonly create: (() => Accumulator) | undefined;
}

/** SQL clause being compiled; decides whether aggregates are allowed and how errors are prefixed. */
export type Clause = 'select' | 'where' | 'having' | 'order' | 'group' | 'join' | 'window' | 'partition';

/** Compile-time scope of one rule. */
export class CompileScope {
  /** SELECT aliases: name → expression. */
  readonly aliases = new Map<string, Expr>();
  /** Aliases whose own expression is being compiled (a self reference means the column). */
  readonly aliasCompiling = new Set<string>();
  /** Compiled alias expressions, compiled once. */
  readonly aliasCompiled = new Map<string, Compiled>();
  /** Analytic call sites in compile order. */
  readonly analytic: AnalyticSite[] = [];
  /** Aggregate call sites that can run incrementally. */
  readonly incremental: IncrementalAggregate[] = [];
  /** False once an aggregate call needs the group's rows (no incremental window then). */
  allIncremental = true;
  /** Columns referenced per source name; `'*'` when all columns are used. */
  readonly referenced = new Map<string, Set<string> | '*'>();
  /** Clause being compiled. */
  clause: Clause = 'select';
  /** True while compiling the arguments of an aggregate call (nested aggregates are refused). */
  inAggregate = false;
  /**
   * True while compiling a window trigger condition (`OVER (WHEN ..)`): `last_hit_time()`/`last_hit_count()`
   * then read the trigger's own state (last matching row), as eKuiper's window state functions.
   */
  inTrigger = false;

  /**
   * @param sources the rule's streams and tables in FROM/JOIN order
   * @param now processing-time clock (ms) for functions such as `now()`
   * @param random random source in [0, 1)
   */
  constructor(
    readonly sources: readonly SourceSchema[],
    readonly now: () => number,
    readonly random: () => number,
  ) {}

  /** True when the rule reads more than one source (joined rows). */
  get joined(): boolean {
    return this.sources.length > 1;
  }

  /** True when every source declares its columns (unknown columns are plan errors). */
  get strict(): boolean {
    return this.sources.every((s) => s.columns !== undefined);
  }

  /** Finds a source by name or alias (case-sensitive, as eKuiper). */
  findSource(qualifier: string): SourceSchema | undefined {
    return this.sources.find((s) => s.alias === qualifier || s.name === qualifier);
  }

  /** Records that `column` of `source` is used (`'*'` for all). */
  reference(source: string, column: string | '*'): void {
    const cur = this.referenced.get(source);
    if (cur === '*') return;
    if (column === '*') this.referenced.set(source, '*');
    else if (cur) cur.add(column);
    else this.referenced.set(source, new Set([column]));
  }
}
