import mqtt, { type MqttClient } from 'mqtt';

/** Subscribes to a topic on a broker and keeps every payload received, parsed as JSON. */
export class MqttCollector {
  readonly messages: unknown[] = [];

  private constructor(private readonly client: MqttClient) {}

  /** Connects and subscribes (QoS 1); resolves once the subscription is acknowledged. */
  static async start(url: string, topic: string): Promise<MqttCollector> {
    const client = await mqtt.connectAsync(url, { reconnectPeriod: 100 });
    const collector = new MqttCollector(client);
    client.on('message', (_t, payload) => collector.messages.push(JSON.parse(payload.toString())));
    await client.subscribeAsync(topic, { qos: 1 });
    return collector;
  }

  /** Rows received: each message is a row or an array of rows. */
  rows(): Array<Record<string, unknown>> {
    return this.messages.flatMap((m) => (Array.isArray(m) ? m : [m])) as Array<Record<string, unknown>>;
  }

  async stop(): Promise<void> {
    await this.client.endAsync(true);
  }
}

/** Publishes JSON payloads at QoS 1, in order. */
export async function publishAll(url: string, messages: Array<{ topic: string; payload: unknown }>): Promise<void> {
  const client = await mqtt.connectAsync(url);
  for (const m of messages) await client.publishAsync(m.topic, typeof m.payload === 'string' ? m.payload : JSON.stringify(m.payload), { qos: 1 });
  await client.endAsync();
}
