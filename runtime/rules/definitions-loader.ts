import type { Logger } from 'pino';
import { Engine } from '../engine';
import type { RuleDefinition } from '../engine/contract';
import type { DefinitionsFile } from '../config/definitions-file';
import type { DefinitionStore } from '../store/definition-store';
import type { RuleManager } from './rule-manager';
import type { StreamKind, StreamManager } from './stream-manager';

/** What one load did, by `<kind> <name>` (e.g. `rule rule1`). */
export interface LoadReport {
  /** Items new in the file, now created. */
  readonly created: string[];
  /** Items whose text changed, now replaced. */
  readonly updated: string[];
  /** Items already as in the file. */
  readonly unchanged: string[];
  /** Items of a previous file (origin `config`) no longer in it, now dropped. */
  readonly dropped: string[];
  /** Items not applied, with the reason (the service keeps running). */
  readonly errors: string[];
}

function sameRule(a: RuleDefinition, b: RuleDefinition): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies a definitions file idempotently (issue 6, "shipping and loading"):
 * - streams, tables and rules in the file are created, or updated by name/id when their text changed;
 * - definitions that came from a previous file (origin `config`) and are no longer in it are dropped;
 * - definitions created through REST (origin `api`) are never changed or dropped; a file entry with the same name
 *   is reported as an error and skipped.
 * Unchanged rules keep their run state; new rules start.
 */
export class DefinitionsLoader {
  constructor(
    private readonly streams: StreamManager,
    private readonly rules: RuleManager,
    private readonly store: DefinitionStore,
    private readonly logger: Logger,
  ) {}

  /** Applies `file`. Never throws: problems are in the report's errors and the log. */
  async load(file: DefinitionsFile): Promise<LoadReport> {
    const report: LoadReport = { created: [], updated: [], unchanged: [], dropped: [], errors: [] };
    const scratch = new Engine();
    const wanted = { stream: new Map<string, string>(), table: new Map<string, string>() };
    for (const [kind, list] of [['stream', file.streams], ['table', file.tables]] as const) {
      for (const sql of list) {
        try {
          const def = kind === 'stream' ? scratch.createStream(sql) : scratch.createTable(sql);
          wanted[kind].set(def.name, def.sql);
        } catch (err) {
          report.errors.push(`${kind} "${sql.slice(0, 60)}": ${(err as Error).message}`);
        }
      }
    }
    const wantedRules = new Map(file.rules.map((r) => [r.id, r as unknown as RuleDefinition]));

    for (const stored of this.store.listRules()) {
      if (stored.origin === 'config' && !wantedRules.has(stored.id)) {
        await this.attempt(report, `rule ${stored.id}`, async () => {
          await this.rules.delete(stored.id);
          report.dropped.push(`rule ${stored.id}`);
        });
      }
    }
    for (const kind of ['stream', 'table'] as const) {
      for (const [name, sql] of wanted[kind]) await this.applyStream(report, kind, name, sql);
    }
    for (const def of wantedRules.values()) await this.applyRule(report, def);
    for (const stored of this.store.listStreams().reverse()) {
      if (stored.origin === 'config' && !wanted[stored.kind].has(stored.name)) {
        await this.attempt(report, `${stored.kind} ${stored.name}`, async () => {
          this.streams.drop(stored.kind, stored.name);
          report.dropped.push(`${stored.kind} ${stored.name}`);
        });
      }
    }
    this.logger.info(
      { created: report.created, updated: report.updated, dropped: report.dropped, errors: report.errors },
      'definitions file applied',
    );
    return report;
  }

  private async applyStream(report: LoadReport, kind: StreamKind, name: string, sql: string): Promise<void> {
    const label = `${kind} ${name}`;
    const existing = this.store.getStream(kind, name);
    await this.attempt(report, label, async () => {
      if (!existing) {
        this.streams.create(kind, sql, 'config');
        report.created.push(label);
      } else if (existing.origin === 'api') {
        throw new Error('exists and was created through the REST API; drop it or rename it in the definitions file');
      } else if (existing.sql === sql) {
        report.unchanged.push(label);
      } else {
        await this.streams.replace(kind, name, sql, 'config');
        report.updated.push(label);
      }
    });
  }

  private async applyRule(report: LoadReport, def: RuleDefinition): Promise<void> {
    const label = `rule ${def.id}`;
    const existing = this.store.getRule(def.id);
    await this.attempt(report, label, async () => {
      if (!existing) {
        await this.rules.create(def, 'config');
        report.created.push(label);
      } else if (existing.origin === 'api') {
        throw new Error('exists and was created through the REST API; delete it or rename it in the definitions file');
      } else if (sameRule(existing.definition, def)) {
        report.unchanged.push(label);
      } else {
        await this.rules.update(def.id, def, 'config');
        report.updated.push(label);
      }
    });
  }

  private async attempt(report: LoadReport, label: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      report.errors.push(`${label}: ${(err as Error).message}`);
      this.logger.error({ item: label, err: (err as Error).message }, 'definitions file entry not applied');
    }
  }
}
