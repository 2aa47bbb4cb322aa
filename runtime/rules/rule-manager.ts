import type { Logger } from 'pino';
import type { Engine } from '../engine';
import type { OutputBatch, RuleDefinition } from '../engine/contract';
import { ConflictError, NotFoundError, PlanError } from '../engine/errors';
import type { ConnectorRegistry } from '../connectors/registry';
import type { DefinitionStore, Origin } from '../store/definition-store';
import type { ConnectionDefaults } from './connection-defaults';
import { validateActions } from './rule-actions';
import { RuleRunner, type RuleRunnerDeps } from './rule-runner';
import { type RuleState, statusText } from './rule-state';

/** A rule known to the manager. */
interface RuleEntry {
  definition: RuleDefinition;
  origin: Origin;
  /** Should run (persisted): set by create/start, cleared by stop. */
  triggered: boolean;
  state: RuleState;
  message: string;
  runner?: RuleRunner;
}

/** One line of `GET /rules`. */
export interface RuleSummary {
  readonly id: string;
  readonly name: string;
  /** eKuiper's brief status: `Running`, `Stopped: canceled manually.`, `Stopped: <reason>.` */
  readonly status: string;
  readonly origin: Origin;
}

/** Options of {@link RuleManager}. */
export interface RuleManagerOptions extends RuleRunnerDeps {
  readonly store: DefinitionStore;
}

/**
 * Owns rules: definitions (persisted), run state (eKuiper's state machine: running, stopped, stopped by error) and
 * the running topologies. Every change is committed to the store before it is acknowledged.
 *
 * @see https://ekuiper.org/docs/en/latest/api/restapi/rules.html
 */
export class RuleManager {
  private readonly rules = new Map<string, RuleEntry>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private queries = 0;

  constructor(private readonly options: RuleManagerOptions) {}

  private get engine(): Engine {
    return this.options.engine;
  }

  private get logger(): Logger {
    return this.options.logger;
  }

  /** Loads persisted rules and starts those that were running (triggered). Failures are logged per rule. */
  async restore(): Promise<void> {
    const starts: Promise<void>[] = [];
    for (const stored of this.options.store.listRules()) {
      const entry: RuleEntry = { definition: stored.definition, origin: stored.origin, triggered: stored.triggered, state: 'stopped', message: '' };
      this.rules.set(stored.id, entry);
      if (stored.triggered) starts.push(this.serialize(stored.id, () => this.run(stored.id, entry)));
    }
    await Promise.all(starts);
  }

  /**
   * Checks a rule without creating it: SQL, plan, and every action's sink properties.
   * @throws SqlSyntaxError | PlanError | ConnectorConfigError | UnknownConnectorError
   */
  validate(def: RuleDefinition): void {
    this.engine.validateRule(def);
    validateActions(def, this.options.registry, this.options.connections);
  }

  /**
   * Creates, persists and starts a rule.
   * @throws ConflictError when the id exists; the errors of {@link validate}.
   */
  async create(def: RuleDefinition, origin: Origin = 'api'): Promise<void> {
    if (def && typeof def.id === 'string' && this.rules.has(def.id)) {
      throw new ConflictError('rule', def.id, `rule ${def.id} already exists; update it with PUT /rules/${def.id} or choose another id`);
    }
    this.validate(def);
    const entry: RuleEntry = { definition: def, origin, triggered: true, state: 'stopped', message: '' };
    this.options.store.putRule({ id: def.id, definition: def, triggered: true, origin });
    this.rules.set(def.id, entry);
    await this.serialize(def.id, () => this.run(def.id, entry));
  }

  /**
   * Replaces a rule's definition and restarts it if it was running.
   * @param origin @default the rule's current origin
   * @throws NotFoundError; PlanError when the body's id differs from `id`; the errors of {@link validate}.
   */
  async update(id: string, def: RuleDefinition, origin?: Origin): Promise<void> {
    const entry = this.get(id);
    if (def && def.id !== undefined && def.id !== id) {
      throw new PlanError('bad_rule', `rule id "${String(def.id)}" in the body differs from "${id}" in the path; they must match`);
    }
    const next = { ...def, id };
    this.validate(next);
    await this.serialize(id, async () => {
      await this.halt(entry, 'stopped', '');
      entry.definition = next;
      entry.origin = origin ?? entry.origin;
      this.options.store.putRule({ id, definition: next, triggered: entry.triggered, origin: entry.origin });
      if (entry.triggered) await this.run(id, entry);
    }, entry);
  }

  /** Stops and deletes a rule. @throws NotFoundError */
  async delete(id: string): Promise<void> {
    const entry = this.get(id);
    await this.serialize(id, async () => {
      await this.halt(entry, 'stopped', '');
      this.options.store.deleteRule(id);
      this.rules.delete(id);
    }, entry);
  }

  /** Starts a rule and records that it should run after a restart. @throws NotFoundError */
  async start(id: string): Promise<void> {
    const entry = this.get(id);
    await this.serialize(id, async () => {
      this.options.store.setTriggered(id, true);
      entry.triggered = true;
      if (!entry.runner) await this.run(id, entry);
    }, entry);
  }

  /** Stops a rule and records that it should stay stopped after a restart. @throws NotFoundError */
  async stop(id: string): Promise<void> {
    const entry = this.get(id);
    await this.serialize(id, async () => {
      this.options.store.setTriggered(id, false);
      entry.triggered = false;
      await this.halt(entry, 'stopped', 'canceled manually');
    }, entry);
  }

  /** Stops (if running) and starts a rule. @throws NotFoundError */
  async restart(id: string): Promise<void> {
    const entry = this.get(id);
    await this.serialize(id, async () => {
      await this.halt(entry, 'stopped', '');
      this.options.store.setTriggered(id, true);
      entry.triggered = true;
      await this.run(id, entry);
    }, entry);
  }

  /** The rule's JSON as created. @throws NotFoundError */
  describe(id: string): RuleDefinition {
    return this.get(id).definition;
  }

  /** Where the rule came from. @throws NotFoundError */
  origin(id: string): Origin {
    return this.get(id).origin;
  }

  /** Ids of all rules, in creation order. */
  ids(): string[] {
    return [...this.rules.keys()];
  }

  /** `GET /rules`: every rule with its brief status and origin. */
  list(): RuleSummary[] {
    return [...this.rules.entries()].map(([id, e]) => ({ id, name: e.definition.name ?? id, status: statusText(e.state, e.message), origin: e.origin }));
  }

  /** The rule's state. @throws NotFoundError */
  state(id: string): RuleState {
    return this.get(id).state;
  }

  /**
   * `GET /rules/{id}/status`: `{ status: "running", ...metrics }` or `{ status: "stopped", message }`.
   * @throws NotFoundError
   */
  status(id: string): Record<string, number | string> {
    const entry = this.get(id);
    if (entry.runner && entry.state === 'running') return { status: 'running', ...entry.runner.metrics() };
    if (entry.state === 'stopped' || entry.state === 'stopped by error') return { status: entry.state, message: entry.message || 'canceled manually' };
    return { status: entry.state };
  }

  /** `GET /rules/{id}/topo`. @throws NotFoundError; SqlSyntaxError | PlanError if the rule no longer compiles */
  topo(id: string): { sources: string[]; edges: Record<string, string[]> } {
    const entry = this.get(id);
    return (entry.runner ?? new RuleRunner(entry.definition, this.options)).topo();
  }

  /** `GET /rules/{id}/explain`. @throws NotFoundError; SqlSyntaxError | PlanError */
  explain(id: string): string {
    return this.engine.explain(this.get(id).definition);
  }

  /** Ids of rules whose SQL reads the given stream or table. */
  usersOf(kind: 'stream' | 'table', name: string): string[] {
    const users: string[] = [];
    for (const [id, e] of this.rules) {
      try {
        if (this.engine.createRule(e.definition).sources.some((s) => s.kind === kind && s.name === name)) users.push(id);
      } catch {
        // a rule that no longer compiles reads nothing
      }
    }
    return users;
  }

  /** Restarts the running rules among `ids` (after a stream they read changed). */
  async restartRunning(ids: readonly string[]): Promise<void> {
    await Promise.all(
      ids.map((id) => {
        const entry = this.rules.get(id);
        if (!entry?.triggered) return undefined;
        return this.serialize(
          id,
          async () => {
            if (!entry.triggered) return;
            await this.halt(entry, 'stopped', '');
            await this.run(id, entry);
          },
          entry,
        ).catch(() => undefined);
      }),
    );
  }

  /**
   * Runs `sql` as an ad-hoc query (eKuiper's CLI `query`): an unpersisted rule with no sinks whose batches go to
   * `onBatch`. Returns the function that stops it.
   * @throws SqlSyntaxError | PlanError, or a source's configuration error
   */
  async query(sql: string, onBatch: (batch: OutputBatch) => void): Promise<() => Promise<void>> {
    const id = `__query_${++this.queries}`;
    const runner = new RuleRunner({ id, sql, actions: [] }, this.options, onBatch);
    await runner.start();
    return () => runner.stop();
  }

  /** Waits until every running rule's sinks wrote what was queued (for tests and shutdown). */
  async flushed(): Promise<void> {
    await Promise.all([...this.rules.values()].map((e) => e.runner?.flushed()));
  }

  /**
   * Stops every rule without changing what is persisted (service shutdown). Each rule is stopped after the
   * operations already queued for it (a start still connecting), so none is left running.
   */
  async close(): Promise<void> {
    await Promise.all(
      [...this.rules.entries()].map(([id, e]) => this.serialize(id, () => this.halt(e, 'stopped', 'service stopped'), e).catch(() => undefined)),
    );
  }

  private get(id: string): RuleEntry {
    const entry = this.rules.get(id);
    if (!entry) throw new NotFoundError('rule', id);
    return entry;
  }

  private async run(id: string, entry: RuleEntry): Promise<void> {
    entry.state = 'starting';
    const runner = new RuleRunner(entry.definition, this.options);
    try {
      await runner.start();
      entry.runner = runner;
      entry.state = 'running';
      entry.message = '';
      this.logger.info({ rule: id }, 'rule started');
    } catch (err) {
      entry.state = 'stopped by error';
      entry.message = (err as Error).message;
      this.logger.error({ rule: id, err: entry.message }, 'rule failed to start');
    }
  }

  private async halt(entry: RuleEntry, state: RuleState, message: string): Promise<void> {
    const runner = entry.runner;
    entry.runner = undefined;
    if (runner) await runner.stop();
    entry.state = state;
    entry.message = message;
  }

  /**
   * Runs `fn` after the operations already queued for rule `id`. When `entry` is given, `fn` runs only if the rule
   * still has that entry then (a delete queued before it wins), else the result rejects with NotFoundError.
   */
  private serialize<T>(id: string, fn: () => Promise<T>, entry?: RuleEntry): Promise<T> {
    const prev = this.locks.get(id) ?? Promise.resolve();
    const guarded = (): Promise<T> => {
      if (entry && this.rules.get(id) !== entry) return Promise.reject(new NotFoundError('rule', id));
      return fn();
    };
    const next = prev.then(guarded, guarded);
    const settled = next.catch(() => undefined);
    this.locks.set(id, settled);
    void settled.then(() => {
      if (this.locks.get(id) === settled) this.locks.delete(id);
    });
    return next;
  }
}
