/**
 * The in-process engine facade: a catalog of streams and tables, and rules compiled from eKuiper rule JSON into
 * {@link RuleTopology}s. Pure: no I/O and no timers; the host feeds rules and moves time.
 *
 * ```ts
 * const engine = new Engine({ clock: { now: () => Date.now() } });
 * engine.createStream('CREATE STREAM demo () WITH (DATASOURCE="demo", FORMAT="json")');
 * const rule = engine.createRule({ id: 'r1', sql: 'SELECT * FROM demo WHERE temperature > 30', actions: [{ log: {} }] });
 * rule.onOutput((batch) => console.log(batch));
 * rule.ingest('demo', { temperature: 35 });
 * ```
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */
import { parse } from '../sql';
import type { SelectStatement, Statement } from '../sql/ast';
import { registerBuiltins } from '../functions/builtins';
import type { Clock, RuleDefinition, RuleTopology, StreamDefinition } from './contract';
import { Catalog } from './catalog';
import { PlanError } from './errors';
import { registerContextFunctions } from './context-functions';
import { resolveRuleOptions } from './rule-options';
import { createLogicalPlan, type RulePlan } from '../plan/planner';
import { compileRule } from './compile-rule';
import { RuleRuntime } from './rule-runtime';

/** Options of {@link Engine}. */
export interface EngineOptions {
  /** Processing-time clock. @default the system clock (`Date.now`) */
  readonly clock?: Clock;
  /** Random source in [0, 1) for `rand()`/`newuuid()`; inject a seeded one for deterministic replay. @default Math.random */
  readonly random?: () => number;
}

/** Result of {@link Engine.execute}. */
export type ExecuteResult =
  | { readonly kind: 'created'; readonly definition: StreamDefinition }
  | { readonly kind: 'dropped'; readonly name: string }
  | { readonly kind: 'described'; readonly definition: StreamDefinition }
  | { readonly kind: 'list'; readonly names: string[] };

const RULE_ID = /^[A-Za-z0-9_.-]+$/;

/** The engine: catalog plus rule compiler. */
export class Engine {
  private readonly catalog = new Catalog();
  private readonly clock: Clock;
  private readonly random: () => number;

  /** @param options clock and random source */
  constructor(options: EngineOptions = {}) {
    registerBuiltins();
    registerContextFunctions();
    this.clock = options.clock ?? { now: () => Date.now() };
    this.random = options.random ?? Math.random;
  }

  /**
   * Creates a stream from `CREATE STREAM ...`.
   * @throws SqlSyntaxError on bad SQL; PlanError if the statement is not CREATE STREAM; ConflictError if it exists
   */
  createStream(sql: string): StreamDefinition {
    return this.create(sql, 'stream');
  }

  /**
   * Creates a table from `CREATE TABLE ...`.
   * @throws SqlSyntaxError on bad SQL; PlanError if the statement is not CREATE TABLE; ConflictError if it exists
   */
  createTable(sql: string): StreamDefinition {
    return this.create(sql, 'table');
  }

  /**
   * Drops a stream or table.
   * @throws NotFoundError if it does not exist
   */
  drop(kind: 'stream' | 'table', name: string): void {
    this.catalog.drop(kind, name);
  }

  /**
   * Describes a stream or table.
   * @throws NotFoundError if it does not exist
   */
  describe(kind: 'stream' | 'table', name: string): StreamDefinition {
    return this.catalog.get(kind, name);
  }

  /** Names of all streams or tables, sorted. */
  list(kind: 'stream' | 'table'): string[] {
    return this.catalog.list(kind);
  }

  /**
   * Runs a DDL or catalog statement: CREATE / DROP / DESCRIBE STREAM|TABLE, SHOW STREAMS|TABLES.
   * @throws SqlSyntaxError, ConflictError, NotFoundError; PlanError for a SELECT (create a rule instead)
   */
  execute(sql: string): ExecuteResult {
    const stmt = parse(sql);
    switch (stmt.type) {
      case 'create_stmt':
        return { kind: 'created', definition: this.catalog.create(stmt, sql) };
      case 'drop_stmt':
        this.catalog.drop(stmt.kind, stmt.name);
        return { kind: 'dropped', name: stmt.name };
      case 'describe_stmt':
        return { kind: 'described', definition: this.catalog.get(stmt.kind, stmt.name) };
      case 'show_stmt':
        return { kind: 'list', names: this.catalog.list(stmt.kind) };
      default:
        throw new PlanError('bad_rule', 'a SELECT statement is a rule: create it with createRule({ id, sql, actions })');
    }
  }

  /**
   * Checks a rule without creating it.
   * @throws SqlSyntaxError on bad SQL; PlanError naming the part at fault
   */
  validateRule(def: RuleDefinition): void {
    this.build(def);
  }

  /**
   * Compiles a rule. The rule starts (processing time, `rule_start()`) at the clock's current time; call
   * `start(now)` on the result to restart it later.
   * @throws SqlSyntaxError on bad SQL; PlanError naming the part at fault
   */
  createRule(def: RuleDefinition): RuleTopology & { start(now?: number): void } {
    return this.build(def);
  }

  /**
   * The logical plan of a rule, as text.
   * @throws SqlSyntaxError, PlanError
   */
  explain(def: RuleDefinition): string {
    return this.build(def).explain();
  }

  private create(sql: string, kind: 'stream' | 'table'): StreamDefinition {
    const stmt = parse(sql);
    if (stmt.type !== 'create_stmt' || stmt.kind !== kind) {
      throw new PlanError('bad_rule', `expected CREATE ${kind.toUpperCase()} ..., got ${describeStatement(stmt)}`);
    }
    return this.catalog.create(stmt, sql);
  }

  private build(def: RuleDefinition): RuleRuntime {
    checkDefinition(def);
    const stmt = parse(def.sql);
    if (stmt.type !== 'select_stmt') {
      throw new PlanError('bad_rule', `rule ${def.id}: sql must be a SELECT statement, got ${describeStatement(stmt)}`);
    }
    const options = resolveRuleOptions(def.options);
    const plan: RulePlan = createLogicalPlan({
      stmt: stmt as SelectStatement,
      lookup: (n) => this.catalog.lookup(n),
      isEventTime: options.isEventTime,
      lateTolerance: options.lateTolerance,
    });
    if (options.isEventTime) {
      for (const s of plan.sources) {
        if (s.def.kind === 'stream' && !s.def.options.TIMESTAMP) {
          throw new PlanError('bad_rule', `rule ${def.id}: isEventTime needs a TIMESTAMP field on stream ${s.def.name}; add TIMESTAMP="<field>" to its WITH options`);
        }
      }
    }
    const now = (): number => this.clock.now();
    const compiledRule = compileRule(def.id, stmt, plan, options, now, this.random);
    return new RuleRuntime(def, plan, compiledRule, options, this.clock);
  }
}

function describeStatement(stmt: Statement): string {
  switch (stmt.type) {
    case 'select_stmt': return 'SELECT';
    case 'create_stmt': return `CREATE ${stmt.kind.toUpperCase()}`;
    case 'drop_stmt': return `DROP ${stmt.kind.toUpperCase()}`;
    case 'describe_stmt': return `DESCRIBE ${stmt.kind.toUpperCase()}`;
    default: return `SHOW ${stmt.kind.toUpperCase()}S`;
  }
}

function checkDefinition(def: RuleDefinition): void {
  if (def === null || typeof def !== 'object') throw new PlanError('bad_rule', 'rule must be an object { id, sql, actions }');
  if (typeof def.id !== 'string' || !RULE_ID.test(def.id)) {
    throw new PlanError('bad_rule', `rule id ${JSON.stringify(def.id)} is invalid: use letters, digits, '_', '-' or '.'`);
  }
  if (typeof def.sql !== 'string' || def.sql.trim() === '') throw new PlanError('bad_rule', `rule ${def.id}: sql is required`);
  if (!Array.isArray(def.actions)) throw new PlanError('bad_rule', `rule ${def.id}: actions must be an array such as [{ "log": {} }]`);
  def.actions.forEach((a, i) => {
    if (a === null || typeof a !== 'object' || Object.keys(a).length !== 1) {
      throw new PlanError('bad_rule', `rule ${def.id}: actions[${i}] must be an object with exactly one key, the sink type, e.g. { "mqtt": {...} }`);
    }
  });
}
