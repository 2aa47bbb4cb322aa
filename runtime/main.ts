import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { builtinConnectors } from './connectors/builtin';
import { createConnectorContext } from './connectors/context';
import type { KafkaClientFactory } from './connectors/kafka/kafka-client';
import type { MemoryBus } from './connectors/memory/memory-bus';
import { type EmbeddedBroker, startEmbeddedBroker } from './connectors/mqtt/embedded-broker';
import { configConnections, hasMqttServer } from './config/config-connections';
import { readDefinitionsFile } from './config/definitions-file';
import type { ServiceConfig } from './config/service-config';
import { Engine } from './engine';
import { createMetricsRegistry } from './metrics/prometheus';
import { DefinitionsLoader, type LoadReport } from './rules/definitions-loader';
import { RuleManager } from './rules/rule-manager';
import { SourcePool } from './rules/source-pool';
import { StreamManager } from './rules/stream-manager';
import { isLoopback, readToken } from './server/auth';
import { buildServer } from './server/server';
import { DefinitionStore } from './store/definition-store';

/** A running service. */
export interface Service {
  /** Base URL of the REST API, e.g. `http://127.0.0.1:9081`. */
  readonly url: string;
  readonly app: FastifyInstance;
  readonly rules: RuleManager;
  readonly streams: StreamManager;
  /** URL of the embedded broker when one was started. */
  readonly embeddedBrokerUrl?: string;
  /** Open source connector instances (a SHARED stream counts once for all its rules). */
  readonly sourceInstances: () => number;
  /** Result of loading the definitions file, when one is configured. */
  readonly definitions?: LoadReport;
  /** Stops the REST API, the rules (keeping their persisted state), the store and the embedded broker. */
  close(): Promise<void>;
}

/** Options of {@link startService} beyond the config. */
export interface ServiceOptions {
  /** @default a pino logger at `config.log.level` on stdout, with secrets redacted */
  readonly logger?: Logger;
  /** @default kafkajs */
  readonly kafkaFactory?: KafkaClientFactory;
  /** In-process bus of the memory connector, to exchange rows with an embedding program. @default a new bus */
  readonly memoryBus?: MemoryBus;
}

/** Keys redacted from every log line. */
export const REDACTED_LOG_KEYS = ['password', 'saslPassword', 'token', '*.password', '*.saslPassword', '*.token', 'req.headers.authorization'];

/**
 * Starts `edgestack serve`: opens the store, restores definitions and running rules, applies the definitions
 * file, starts the embedded broker when no MQTT server is configured, and serves the REST API.
 * @throws Error when a non-loopback bind has no token file, the token or data directory is unusable, the
 * definitions file is invalid, or a port is taken.
 */
export async function startService(config: ServiceConfig, options: ServiceOptions = {}): Promise<Service> {
  const logger = options.logger ?? pino({ level: config.log.level, redact: REDACTED_LOG_KEYS });
  if (!isLoopback(config.rest.bind) && !config.rest.tokenFile) {
    throw new Error(
      `binding the REST API to ${config.rest.bind} requires a bearer token: set EDGESTACK_REST_TOKEN_FILE (rest.tokenFile) to a file holding it, or bind 127.0.0.1`,
    );
  }
  const token = config.rest.tokenFile ? readToken(config.rest.tokenFile) : undefined;

  // The store opens first: if the data directory is unusable, no broker has been started that would need closing.
  const store = DefinitionStore.open(config.dataDir);
  let broker: EmbeddedBroker | undefined;
  let effective = config;
  const wantBroker = config.embeddedBroker.enabled === 'always' || (config.embeddedBroker.enabled === 'auto' && !hasMqttServer(config));
  if (wantBroker) {
    try {
      broker = await startEmbeddedBroker(config.embeddedBroker.host, config.embeddedBroker.port, logger);
    } catch (err) {
      store.close();
      throw err;
    }
    const mqtt = config.sources.mqtt ?? {};
    effective = { ...config, sources: { ...config.sources, mqtt: { ...mqtt, default: { ...(mqtt.default ?? {}), server: broker.url } } } };
  }

  const engine = new Engine({ clock: { now: () => Date.now() } });
  const registry = builtinConnectors();
  const context = createConnectorContext({ logger, kafkaFactory: options.kafkaFactory, memoryBus: options.memoryBus });
  const connections = configConnections(effective);
  const pool = new SourcePool({ registry, context, connections, maxPayloadBytes: config.source.maxPayloadBytes });
  const rules = new RuleManager({ engine, registry, pool, context, connections, logger, store });
  const streams = new StreamManager(engine, store, rules, logger);
  const stopAll = async (): Promise<void> => {
    await rules.close();
    store.close();
    await broker?.close();
  };
  try {
    streams.restore();
    await rules.restore();
    let definitions: LoadReport | undefined;
    if (config.definitionsFile) {
      definitions = await new DefinitionsLoader(streams, rules, store, logger).load(readDefinitionsFile(config.definitionsFile));
    }
    const app = buildServer({ streams, rules, logger, token, metrics: createMetricsRegistry(rules), bodyLimitBytes: config.rest.bodyLimitBytes });
    await app.listen({ host: config.rest.bind, port: config.rest.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.rest.port;
    const host = config.rest.bind.includes(':') ? `[${config.rest.bind}]` : config.rest.bind;
    const url = `http://${host}:${port}`;
    logger.info({ url, dataDir: config.dataDir, auth: token ? 'bearer' : 'none' }, 'edgestack REST API listening');
    return {
      url,
      app,
      rules,
      streams,
      definitions,
      embeddedBrokerUrl: broker?.url,
      sourceInstances: () => pool.openInstances,
      close: async () => {
        await app.close();
        await stopAll();
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
