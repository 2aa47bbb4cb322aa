import { startTestService, tempDataDir } from '../../support/service';
import { waitFor } from '../../support/wait-for';

describe('service shutdown', () => {
  it('closes the rules still starting when the service closes, leaving no source open', async () => {
    const service = await startTestService({
      EDGESTACK_DATA_DIR: tempDataDir(),
      EDGESTACK_EMBEDDED_BROKER: 'never',
      MQTT_SOURCE__DEFAULT__SERVERS: '[tcp://127.0.0.1:1]',
      MQTT_SOURCE__DEFAULT__CONNECTTIMEOUTMS: '1000',
    });
    service.streams.create('stream', 'CREATE STREAM demo (temperature float) WITH (DATASOURCE="devices/+/messages")');
    const created = service.rules.create({ id: 'r1', sql: 'SELECT * FROM demo', actions: [{ log: {} }] });
    await waitFor('the rule source to open', () => service.sourceInstances() === 1);
    await service.close();
    await created;
    expect(service.sourceInstances()).toBe(0);
    expect(service.rules.status('r1')).toEqual({ status: 'stopped', message: 'service stopped' });
  });
});
