import type { z } from 'zod';
import type { ConnectorContext } from './context';
import type { Sink } from './sink';
import type { Source } from './source';
import { type ConnectorSpec, parseConnectorProps } from './spec';

/** Builds a source from validated properties. `datasource` is the stream's DATASOURCE (topic). */
export type SourceFactory<P> = (props: P, datasource: string, ctx: ConnectorContext) => Source;
/** Builds a sink from validated properties. */
export type SinkFactory<P> = (props: P, ctx: ConnectorContext) => Sink;

/** Thrown when a stream's TYPE or an action names a connector that is not registered. */
export class UnknownConnectorError extends Error {
  override readonly name = 'UnknownConnectorError';
}

interface Entry<F> {
  readonly spec: ConnectorSpec;
  readonly factory: F;
}

/**
 * The connector registry: sources and sinks by type name, each with its spec
 * (eKuiper's `internal/binder/io/builtin.go`, Redpanda Connect's `MustRegisterInput`).
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/overview.html
 */
export class ConnectorRegistry {
  private readonly sources = new Map<string, Entry<SourceFactory<never>>>();
  private readonly sinks = new Map<string, Entry<SinkFactory<never>>>();

  /** Registers a source type. @throws Error when the type is already registered. */
  registerSource<S extends z.ZodObject>(spec: ConnectorSpec<S>, factory: SourceFactory<z.output<S>>): void {
    if (this.sources.has(spec.type)) throw new Error(`source type "${spec.type}" is already registered`);
    this.sources.set(spec.type, { spec, factory: factory as SourceFactory<never> });
  }

  /** Registers a sink type. @throws Error when the type is already registered. */
  registerSink<S extends z.ZodObject>(spec: ConnectorSpec<S>, factory: SinkFactory<z.output<S>>): void {
    if (this.sinks.has(spec.type)) throw new Error(`sink type "${spec.type}" is already registered`);
    this.sinks.set(spec.type, { spec, factory: factory as SinkFactory<never> });
  }

  /**
   * Creates a source of `type` for `datasource`, validating `props` against its spec.
   * @throws UnknownConnectorError when no such source type exists.
   * @throws ConnectorConfigError when the properties are invalid.
   */
  createSource(type: string, props: unknown, datasource: string, ctx: ConnectorContext, where: string): Source {
    const entry = this.sources.get(type.toLowerCase());
    if (!entry) {
      throw new UnknownConnectorError(`${where}: unknown source type "${type}"; use one of ${[...this.sources.keys()].join(', ')}`);
    }
    const parsed = parseConnectorProps(entry.spec, props, where);
    return entry.factory(parsed as never, datasource, ctx);
  }

  /**
   * Creates a sink of `type`, validating `props` against its spec.
   * @throws UnknownConnectorError when no such sink type exists.
   * @throws ConnectorConfigError when the properties are invalid.
   */
  createSink(type: string, props: unknown, ctx: ConnectorContext, where: string): Sink {
    const entry = this.sinks.get(type);
    if (!entry) {
      throw new UnknownConnectorError(`${where}: unknown sink type "${type}"; use one of ${[...this.sinks.keys()].join(', ')}`);
    }
    const parsed = parseConnectorProps(entry.spec, props, where);
    return entry.factory(parsed as never, ctx);
  }

  /**
   * Validates sink properties without creating the sink (for rule validation).
   * @throws UnknownConnectorError | ConnectorConfigError as {@link createSink}.
   */
  validateSink(type: string, props: unknown, where: string): void {
    const entry = this.sinks.get(type);
    if (!entry) {
      throw new UnknownConnectorError(`${where}: unknown sink type "${type}"; use one of ${[...this.sinks.keys()].join(', ')}`);
    }
    parseConnectorProps(entry.spec, props, where);
  }

  /** Whether a source type is registered (case-insensitive, as eKuiper's TYPE option). */
  hasSource(type: string): boolean {
    return this.sources.has(type.toLowerCase());
  }

  /** The spec of every registered source. */
  sourceSpecs(): ConnectorSpec[] {
    return [...this.sources.values()].map((e) => e.spec);
  }

  /** The spec of every registered sink. */
  sinkSpecs(): ConnectorSpec[] {
    return [...this.sinks.values()].map((e) => e.spec);
  }
}
