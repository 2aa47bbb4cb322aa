import mqtt from 'mqtt';
import { mosquittoBinary, startMosquitto } from '../../support/mosquitto';

describe('Mosquitto test harness', () => {
  it('fails with the install command when the mosquitto binary is missing', () => {
    expect(() => mosquittoBinary(['/nonexistent/bin'])).toThrow(
      'mosquitto binary not found in PATH or /usr/sbin: install it with `apt-get update && apt-get install -y mosquitto mosquitto-clients` (scripts/test-all.sh does this)',
    );
  });

  it('starts a broker on a free loopback port, restarts it on the same port, and stops it', async () => {
    const broker = await startMosquitto();
    expect(broker.url).toBe(`tcp://127.0.0.1:${broker.port}`);
    const client = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
    await client.endAsync();
    await broker.restart();
    const again = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
    await again.endAsync();
    await broker.stop();
    await expect(mqtt.connectAsync(broker.url, { reconnectPeriod: 0, connectTimeout: 1000 })).rejects.toThrow(/ECONNREFUSED/);
  });
});
