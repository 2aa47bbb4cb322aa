import { builtinConnectors } from '../../runtime/connectors/builtin';
import type { ConnectorRegistry } from '../../runtime/connectors/registry';
import { SinkEncoder } from '../../runtime/connectors/sink-encoder';
import { ConflictError, Engine, type RuleDefinition } from '../../runtime/engine';
import { parse, SqlSyntaxError, type Node } from '../../runtime/sql';
import { DefinitionKind, RuleValidationError } from './rule-validation-error';
import { planDiagnostic, syntaxDiagnostic } from './sql-diagnostics';

let registry: ConnectorRegistry | undefined;

/** The runtime's connector registry, created once: it validates sink properties exactly as the engine will. */
function connectors(): ConnectorRegistry {
  registry ??= builtinConnectors();
  return registry;
}

/**
 * Validates one site's definitions with the runtime's own parser, planner and connector specs: a fresh
 * {@link Engine} per site, so each rule is planned against exactly the streams and tables the site declares.
 * Every failure is a {@link RuleValidationError} naming the site.
 */
export class SiteValidator {
  private readonly engine = new Engine();
  private readonly ruleIds = new Set<string>();

  /** @param site chart id of the site, `<env>-<siteId>` */
  constructor(readonly site: string) {}

  /** An error about `subject`, for checks made outside the SQL. */
  fail(kind: DefinitionKind, subject: string, problem: string): RuleValidationError {
    return new RuleValidationError(this.site, kind, subject, problem);
  }

  /**
   * Creates a stream or table in the site's engine.
   * @param fallbackName how to name the statement if it is too broken to find its name (`#2`)
   * @returns the stream or table name
   * @throws RuleValidationError on bad SQL, the wrong statement kind or a duplicate name
   */
  addSource(kind: 'stream' | 'table', sql: string, fallbackName: string): string {
    let name = /^\s*CREATE\s+(?:STREAM|TABLE)\s+([A-Za-z_][A-Za-z0-9_]*)/i.exec(sql)?.[1] ?? fallbackName;
    try {
      const stmt = parse(sql);
      if (stmt.type === 'create_stmt') name = stmt.name;
      if (kind === 'stream') this.engine.createStream(sql);
      else this.engine.createTable(sql);
      return name;
    } catch (err) {
      if (err instanceof ConflictError) {
        throw this.fail(kind, name, `duplicate ${kind} name; names must be unique within a site, rename or remove one of the declarations`);
      }
      throw this.sqlError(kind, name, sql, undefined, err);
    }
  }

  /**
   * Checks a rule: unique id, parsed and planned against the site's streams and tables, each action's properties
   * valid for its sink type.
   * @throws RuleValidationError on a duplicate id, bad SQL, an unknown stream or function, or bad sink properties
   */
  checkRule(def: RuleDefinition): void {
    if (this.ruleIds.has(def.id)) {
      throw this.fail('rule', def.id, 'duplicate rule id; rule ids are the engine\'s key and must be unique within a site, rename one of the rules');
    }
    this.ruleIds.add(def.id);
    if (def.actions.length === 0) throw this.fail('rule', def.id, 'no actions; add at least one sink, e.g. Sink.log()');
    let ast: Node | undefined;
    try {
      ast = parse(def.sql);
      this.engine.validateRule(def);
    } catch (err) {
      throw this.sqlError('rule', def.id, def.sql, ast, err);
    }
    def.actions.forEach((action, i) => {
      const [type, props] = Object.entries(action)[0];
      const where = `action ${i} (${type})`;
      try {
        connectors().validateSink(type, props, where);
        SinkEncoder.fromAction(props, where);
      } catch (err) {
        throw this.fail('rule', def.id, (err as Error).message);
      }
    });
  }

  private sqlError(kind: DefinitionKind, subject: string, sql: string, ast: Node | undefined, err: unknown): RuleValidationError {
    if (err instanceof SqlSyntaxError) {
      const d = syntaxDiagnostic(sql, err);
      return new RuleValidationError(this.site, kind, subject, d.problem, d.location, d.excerpt);
    }
    const message = err instanceof Error ? err.message : String(err);
    const d = ast ? planDiagnostic(sql, ast, message) : { problem: message };
    return new RuleValidationError(this.site, kind, subject, d.problem, d.location, d.excerpt);
  }
}
