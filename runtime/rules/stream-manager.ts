import type { Logger } from 'pino';
import type { Engine } from '../engine';
import type { StreamDefinition } from '../engine/contract';
import { ConflictError, PlanError } from '../engine/errors';
import type { DefinitionStore, Origin } from '../store/definition-store';
import type { RuleManager } from './rule-manager';

/** `stream` or `table`: separate namespaces, as eKuiper. */
export type StreamKind = 'stream' | 'table';

/**
 * Owns stream and table definitions: the engine's catalog plus the store. Every change is committed to the store
 * before it is acknowledged; a change the store refuses is undone in the catalog.
 *
 * @see https://ekuiper.org/docs/en/latest/api/restapi/streams.html
 */
export class StreamManager {
  constructor(
    private readonly engine: Engine,
    private readonly store: DefinitionStore,
    private readonly rules: RuleManager,
    private readonly logger: Logger,
  ) {}

  /** Re-creates every persisted stream and table in the catalog, in creation order. Failures are logged. */
  restore(): void {
    for (const s of this.store.listStreams()) {
      try {
        this.createInEngine(s.kind, s.sql);
      } catch (err) {
        this.logger.error({ kind: s.kind, name: s.name, err: (err as Error).message }, 'cannot restore definition');
      }
    }
  }

  /**
   * Creates a stream or table from its CREATE statement and persists it.
   * @throws SqlSyntaxError | PlanError (wrong statement) | ConflictError (exists)
   */
  create(kind: StreamKind, sql: string, origin: Origin = 'api'): StreamDefinition {
    const def = this.createInEngine(kind, sql);
    try {
      this.store.putStream({ kind, name: def.name, sql: def.sql, origin });
    } catch (err) {
      this.engine.drop(kind, def.name);
      throw err;
    }
    return def;
  }

  /**
   * Replaces a stream or table (eKuiper's PUT: drop and create) and restarts the running rules that read it.
   * @param origin @default the current origin
   * @throws NotFoundError | SqlSyntaxError | PlanError, also when the statement names another stream
   */
  async replace(kind: StreamKind, name: string, sql: string, origin?: Origin): Promise<StreamDefinition> {
    const old = this.engine.describe(kind, name);
    const stored = this.store.getStream(kind, name);
    this.engine.drop(kind, name);
    let def: StreamDefinition;
    try {
      def = this.createInEngine(kind, sql);
      if (def.name !== name) {
        this.engine.drop(kind, def.name);
        throw new PlanError('bad_rule', `the statement creates ${kind} ${def.name}, but the path names ${name}; they must match`);
      }
      this.store.putStream({ kind, name, sql: def.sql, origin: origin ?? stored?.origin ?? 'api' });
    } catch (err) {
      this.createInEngine(kind, old.sql);
      throw err;
    }
    await this.rules.restartRunning(this.rules.usersOf(kind, name));
    return def;
  }

  /**
   * Drops a stream or table.
   * @throws NotFoundError; ConflictError when rules read it (naming them)
   */
  drop(kind: StreamKind, name: string): void {
    this.engine.describe(kind, name);
    const users = this.rules.usersOf(kind, name);
    if (users.length > 0) {
      throw new ConflictError(kind, name, `${kind} ${name} is used by rules ${users.join(', ')}; delete or change those rules first`);
    }
    this.engine.drop(kind, name);
    this.store.deleteStream(kind, name);
  }

  /** One definition. @throws NotFoundError */
  describe(kind: StreamKind, name: string): StreamDefinition {
    return this.engine.describe(kind, name);
  }

  /** Names, sorted. */
  list(kind: StreamKind): string[] {
    return this.engine.list(kind);
  }

  /** Where a definition came from. */
  origin(kind: StreamKind, name: string): Origin | undefined {
    return this.store.getStream(kind, name)?.origin;
  }

  private createInEngine(kind: StreamKind, sql: string): StreamDefinition {
    return kind === 'stream' ? this.engine.createStream(sql) : this.engine.createTable(sql);
  }
}
