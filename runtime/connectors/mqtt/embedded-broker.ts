import { createServer, type Server } from 'node:net';
import type { Logger } from 'pino';

/** A running embedded broker. */
export interface EmbeddedBroker {
  /** `tcp://<host>:<port>`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts an embedded MQTT broker (aedes) so `edgestack serve` works with nothing but Node: with no MQTT server
 * configured, streams and sinks use it. For production, point `MQTT_SOURCE__DEFAULT__SERVERS` at a real broker.
 * aedes is an ES module, so it is loaded with a dynamic import.
 *
 * @see https://github.com/moscajs/aedes
 * @throws Error naming the address when the port is taken.
 */
export async function startEmbeddedBroker(host: string, port: number, logger: Logger): Promise<EmbeddedBroker> {
  const { Aedes } = await import('aedes');
  const broker = await Aedes.createBroker();
  const server: Server = createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) =>
      reject(new Error(`cannot start the embedded MQTT broker on ${host}:${port}: ${err.message}; free the port or set MQTT_SOURCE__DEFAULT__SERVERS`)),
    );
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `tcp://${host}:${actualPort}`;
  logger.info({ url }, 'embedded MQTT broker (aedes) started');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        broker.close(() => server.close(() => resolve()));
      }),
  };
}
