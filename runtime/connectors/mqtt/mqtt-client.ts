import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import { redactUrl } from '../redact-url';
import { ConnectionTracker } from '../source';

/** Reconnect back-off bounds, in ms. */
export interface Backoff {
  readonly minMs: number;
  readonly maxMs: number;
}

/**
 * Connects an mqtt.js client that reconnects with exponential back-off (min, doubling, capped at max) and reports
 * its state to `tracker`. `onConnect` runs after every (re)connection, e.g. to subscribe again.
 * The password is passed to mqtt.js only; the logger receives the URL (without a password in it) and client id.
 */
export function connectWithBackoff(
  url: string,
  options: IClientOptions,
  backoff: Backoff,
  tracker: ConnectionTracker,
  logger: Logger,
  onConnect: (client: MqttClient) => void,
): MqttClient {
  const client = mqtt.connect(url, { ...options, reconnectPeriod: backoff.minMs, resubscribe: false });
  const logged = redactUrl(url);
  client.on('connect', () => {
    client.options.reconnectPeriod = backoff.minMs;
    tracker.connected();
    logger.info({ url: logged, clientId: options.clientId }, 'mqtt connected');
    onConnect(client);
  });
  client.on('reconnect', () => {
    tracker.connecting();
    client.options.reconnectPeriod = Math.min(backoff.maxMs, (client.options.reconnectPeriod ?? backoff.minMs) * 2);
  });
  client.on('close', () => tracker.disconnected('connection closed'));
  client.on('offline', () => tracker.disconnected('broker unreachable'));
  client.on('error', (err) => {
    tracker.disconnected(err.message);
    logger.warn({ url: logged, err: err.message }, 'mqtt error');
  });
  return client;
}

/** Resolves when `client` is connected, or after `timeoutMs` (the client keeps retrying in the background). */
export function waitConnected(client: MqttClient, timeoutMs: number): Promise<boolean> {
  if (client.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      client.off('connect', onConnect);
      resolve(false);
    }, timeoutMs);
    const onConnect = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    client.once('connect', onConnect);
  });
}

/** Ends `client`, forcing it closed so pending QoS 1 state does not keep the process alive. */
export function endClient(client: MqttClient): Promise<void> {
  return new Promise((resolve) => client.end(true, {}, () => resolve()));
}
