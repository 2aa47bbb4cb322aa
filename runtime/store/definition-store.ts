import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from 'node-sqlite3-wasm';
import type { RuleDefinition } from '../engine/contract';
import { claimDataDir, releaseDataDir } from './data-dir-lock';

/** Where a definition came from: the definitions file loaded at start, or the REST API (and CLI). */
export type Origin = 'config' | 'api';

/** A stream or table as persisted: its CREATE statement as text. */
export interface StoredStream {
  readonly kind: 'stream' | 'table';
  readonly name: string;
  readonly sql: string;
  readonly origin: Origin;
}

/** A rule as persisted: eKuiper's rule JSON and whether it should run (eKuiper's `triggered`). */
export interface StoredRule {
  readonly id: string;
  readonly definition: RuleDefinition;
  /** True when the rule was started and not stopped by a user; restored rules with `triggered` start again. */
  readonly triggered: boolean;
  readonly origin: Origin;
}

/** The SQLite file name inside the data directory. */
export const STORE_FILE = 'edgestack.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS streams (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('stream', 'table')),
  name TEXT NOT NULL,
  sql TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('config', 'api')),
  UNIQUE (kind, name)
);
CREATE TABLE IF NOT EXISTS rules (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  definition TEXT NOT NULL,
  triggered INTEGER NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('config', 'api'))
);
`;

/**
 * Persists stream, table and rule definitions and each rule's run state in SQLite (node-sqlite3-wasm: real SQLite,
 * rollback journal, `synchronous=FULL`). Every write is one transaction, committed before the caller acknowledges
 * it, so a `kill -9` at any moment loses nothing acknowledged. Calls are synchronous.
 *
 * @see https://www.sqlite.org/atomiccommit.html
 */
export class DefinitionStore {
  private constructor(
    private readonly db: Database,
    private readonly dataDir?: string,
  ) {
    db.exec('PRAGMA synchronous=FULL');
    db.exec('PRAGMA busy_timeout=5000');
    db.exec(SCHEMA);
  }

  /**
   * Opens (creating when needed) `<dataDir>/edgestack.db`, claiming the directory (see {@link claimDataDir}).
   * @throws Error naming the directory when it cannot be created, is owned by a live process, or the file cannot be opened.
   */
  static open(dataDir: string): DefinitionStore {
    try {
      mkdirSync(dataDir, { recursive: true });
      claimDataDir(dataDir, STORE_FILE);
      return new DefinitionStore(new Database(join(dataDir, STORE_FILE)), dataDir);
    } catch (err) {
      throw new Error(`cannot open the store in data directory "${dataDir}": ${(err as Error).message}; set EDGESTACK_DATA_DIR to a writable directory`);
    }
  }

  /** An in-memory store (nothing survives close). */
  static inMemory(): DefinitionStore {
    return new DefinitionStore(new Database(':memory:'));
  }

  /** Runs `fn` in one transaction (joined when one is already open); rolls back when it throws. */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  /** Streams and tables in creation order. */
  listStreams(kind?: 'stream' | 'table'): StoredStream[] {
    const rows = kind
      ? this.db.all('SELECT kind, name, sql, origin FROM streams WHERE kind = ? ORDER BY seq', [kind])
      : this.db.all('SELECT kind, name, sql, origin FROM streams ORDER BY seq');
    return rows.map((r) => ({ kind: r.kind, name: r.name, sql: r.sql, origin: r.origin }) as StoredStream);
  }

  /** One stream or table, or undefined. */
  getStream(kind: 'stream' | 'table', name: string): StoredStream | undefined {
    return this.listStreams(kind).find((s) => s.name === name);
  }

  /** Inserts or replaces a stream or table (keeping its creation order on replace). */
  putStream(stream: StoredStream): void {
    this.transaction(() => {
      this.db.run(
        'INSERT INTO streams (kind, name, sql, origin) VALUES (?, ?, ?, ?) ON CONFLICT (kind, name) DO UPDATE SET sql = excluded.sql, origin = excluded.origin',
        [stream.kind, stream.name, stream.sql, stream.origin],
      );
    });
  }

  /** Deletes a stream or table; returns whether it existed. */
  deleteStream(kind: 'stream' | 'table', name: string): boolean {
    return this.transaction(() => this.db.run('DELETE FROM streams WHERE kind = ? AND name = ?', [kind, name]).changes > 0);
  }

  /** Rules in creation order. */
  listRules(): StoredRule[] {
    return this.db.all('SELECT id, definition, triggered, origin FROM rules ORDER BY seq').map((r) => ({
      id: r.id as string,
      definition: JSON.parse(r.definition as string) as RuleDefinition,
      triggered: r.triggered === 1,
      origin: r.origin as Origin,
    }));
  }

  /** One rule, or undefined. */
  getRule(id: string): StoredRule | undefined {
    return this.listRules().find((r) => r.id === id);
  }

  /** Inserts or replaces a rule (keeping its creation order on replace). */
  putRule(rule: StoredRule): void {
    this.transaction(() => {
      this.db.run(
        'INSERT INTO rules (id, definition, triggered, origin) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, triggered = excluded.triggered, origin = excluded.origin',
        [rule.id, JSON.stringify(rule.definition), rule.triggered ? 1 : 0, rule.origin],
      );
    });
  }

  /** Records whether a rule should run after a restart. */
  setTriggered(id: string, triggered: boolean): void {
    this.transaction(() => {
      this.db.run('UPDATE rules SET triggered = ? WHERE id = ?', [triggered ? 1 : 0, id]);
    });
  }

  /** Deletes a rule; returns whether it existed. */
  deleteRule(id: string): boolean {
    return this.transaction(() => this.db.run('DELETE FROM rules WHERE id = ?', [id]).changes > 0);
  }

  /** Closes the database. Idempotent. */
  close(): void {
    if (this.db.isOpen) this.db.close();
    if (this.dataDir) releaseDataDir(this.dataDir);
  }
}
