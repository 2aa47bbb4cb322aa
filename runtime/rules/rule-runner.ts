import type { Logger } from 'pino';
import type { Engine } from '../engine';
import type { OutputBatch, RuleDefinition, RuleTopology } from '../engine/contract';
import type { ConnectorContext } from '../connectors/context';
import type { ConnectorRegistry } from '../connectors/registry';
import { SinkEncoder } from '../connectors/sink-encoder';
import type { ConnectionStatus } from '../connectors/source';
import type { ConnectionDefaults } from './connection-defaults';
import { resolveActions } from './rule-actions';
import { SinkRunner } from './sink-runner';
import type { SourceLease, SourcePool } from './source-pool';


/** Wait before retrying after `advance` threw, in ms, so a failing window never spins the event loop. */
const ADVANCE_RETRY_MS = 1000;

/** Services a running rule needs. */
export interface RuleRunnerDeps {
  /** Compiles rules into topologies (the engine core). */
  readonly engine: Engine;
  /** Creates the sinks of the rule's actions. */
  readonly registry: ConnectorRegistry;
  /** Hands out source instances, one per SHARED stream. */
  readonly pool: SourcePool;
  /** Services given to connectors (logger, memory bus, Kafka client factory). */
  readonly context: ConnectorContext;
  /** Configured connection sections (`sources.<type>.<confKey>`, `sinks.<type>.<resourceId>`). */
  readonly connections: ConnectionDefaults;
  /** Service logger; rule lines carry `{ rule }`. */
  readonly logger: Logger;
}

interface HostSourceStats {
  exceptions: number;
  lastException: string;
  lastExceptionTime: number;
}

const CONNECTION_CODE = { connected: 1, connecting: 0, disconnected: -1 } as const;

/**
 * One running rule: the compiled topology, its source leases and sink runners, and the processing-time timer
 * (`advance(now)` is called on a real timer set to `nextDeadline()`). Stopping unsubscribes the sources (closing
 * an instance when its last rule leaves), clears the timer and closes the sinks.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */
export class RuleRunner {
  private topology?: RuleTopology;
  private readonly sinks: SinkRunner[] = [];
  private readonly leases: SourceLease[] = [];
  private readonly hostStats = new Map<string, HostSourceStats>();
  private timer?: NodeJS.Timeout;
  private timerAt?: number;
  private stopped = false;

  /**
   * @param observer also receives every emitted batch (used by ad-hoc queries); @default none
   */
  constructor(
    readonly definition: RuleDefinition,
    private readonly deps: RuleRunnerDeps,
    private readonly observer?: (batch: OutputBatch) => void,
  ) {}

  /**
   * Compiles the rule, connects its sinks and subscribes its sources. On failure everything opened is closed.
   * @throws SqlSyntaxError | PlanError | ConnectorConfigError | UnknownConnectorError, or a connector's error.
   */
  async start(): Promise<void> {
    const def = this.definition;
    const topology = this.deps.engine.createRule(def);
    this.topology = topology;
    try {
      for (const a of resolveActions(def, this.deps.connections)) {
        const sink = this.deps.registry.createSink(a.type, a.props, this.deps.context, a.where);
        this.sinks.push(new SinkRunner(a.name, sink, SinkEncoder.fromAction(a.props, a.where)));
      }
      await Promise.all(this.sinks.map((s) => s.connect()));
      topology.onOutput((batch) => this.emit(batch));
      for (const stream of topology.sources) {
        const lease = await this.deps.pool.acquire(stream, def.id, {
          onMessage: (payload, meta) => {
            if (this.stopped) return;
            topology.ingest(stream.name, payload, meta);
            this.schedule();
          },
          onRejected: (reason) => this.reject(stream.name, reason, true),
          onError: (err) => this.reject(stream.name, err.message, false),
        });
        this.leases.push(lease);
      }
      this.schedule();
    } catch (err) {
      await this.stop();
      throw err;
    }
  }

  /** Unsubscribes sources, stops the timer and closes sinks (after queued messages). Idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const leases = this.leases.splice(0);
    await Promise.all(leases.map((l) => l.release().catch(() => undefined)));
    const sinks = this.sinks.splice(0);
    await Promise.all(sinks.map((s) => s.close().catch(() => undefined)));
  }

  /** Source connection status per stream, for status and the health of the rule. */
  connections(): Array<{ stream: string; status: ConnectionStatus }> {
    return this.leases.map((l) => ({ stream: l.instance.stream.name, status: l.instance.connection() }));
  }

  /**
   * Status metrics: the topology's source and operator keys (with host-side rejections added to the source's
   * exceptions), source connection keys, and `sink_<type>_<i>_0_*` keys.
   */
  metrics(): Record<string, number | string> {
    const out: Record<string, number | string> = { ...(this.topology?.metrics() ?? {}) };
    for (const [stream, h] of this.hostStats) {
      const p = `source_${stream}_0_`;
      out[`${p}exceptions_total`] = Number(out[`${p}exceptions_total`] ?? 0) + h.exceptions;
      if (h.lastExceptionTime >= Number(out[`${p}last_exception_time`] ?? 0)) {
        out[`${p}last_exception`] = h.lastException;
        out[`${p}last_exception_time`] = h.lastExceptionTime;
      }
    }
    for (const { stream, status } of this.connections()) {
      const p = `source_${stream}_0_connection_`;
      out[`${p}status`] = CONNECTION_CODE[status.state];
      out[`${p}last_connected_time`] = status.lastConnectedTime;
      out[`${p}last_disconnected_time`] = status.lastDisconnectedTime;
      out[`${p}last_disconnected_message`] = status.lastDisconnectedMessage;
      out[`${p}disconnections_total`] = status.disconnections;
    }
    for (const s of this.sinks) Object.assign(out, s.metrics());
    return out;
  }

  /** eKuiper's topo: sources and edges, ending at the sink nodes. */
  topo(): { sources: string[]; edges: Record<string, string[]> } {
    const topology = this.topology ?? this.deps.engine.createRule(this.definition);
    return topology.topo(resolveActions(this.definition, this.deps.connections).map((a) => a.name));
  }

  /** Resolves when every sink has written what was queued so far. */
  async flushed(): Promise<void> {
    await Promise.all(this.sinks.map((s) => s.flushed()));
  }

  private emit(batch: OutputBatch): void {
    for (const s of this.sinks) s.write(batch);
    this.observer?.(batch);
  }

  private reject(stream: string, reason: string, lostMessage: boolean): void {
    const h = this.hostStats.get(stream) ?? { exceptions: 0, lastException: '', lastExceptionTime: 0 };
    h.exceptions++;
    h.lastException = reason;
    h.lastExceptionTime = Date.now();
    this.hostStats.set(stream, h);
    this.deps.logger.warn({ rule: this.definition.id, stream, reason }, lostMessage ? 'message rejected' : 'source error');
    if (lostMessage && this.definition.options?.sendError !== false) this.emit([{ error: reason }]);
  }

  /** @param minDelayMs lower bound of the wait, in ms (a retry after a failed advance waits {@link ADVANCE_RETRY_MS}). */
  private schedule(minDelayMs = 0): void {
    const topology = this.topology;
    if (!topology || this.stopped) return;
    const deadline = topology.nextDeadline();
    if (deadline === undefined || deadline === this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = deadline;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = undefined;
      if (this.stopped) return;
      let failed = false;
      try {
        topology.advance(Date.now());
      } catch (err) {
        // The engine contract keeps errors inside the dataflow; should one escape, the rule keeps running.
        failed = true;
        this.deps.logger.error({ rule: this.definition.id, reason: (err as Error).message }, 'processing-time advance failed');
      }
      this.schedule(failed ? ADVANCE_RETRY_MS : 0);
    }, Math.max(minDelayMs, deadline - Date.now()));
  }
}
