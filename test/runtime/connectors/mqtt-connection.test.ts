import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mqttSourceSpec } from '../../../runtime/connectors/mqtt/mqtt-source';
import { brokerUrl, toClientOptions } from '../../../runtime/connectors/mqtt/mqtt-connection';
import { parseConnectorProps } from '../../../runtime/connectors/spec';
import { tempDataDir } from '../../support/service';

describe('MQTT connection options', () => {
  it('maps credentials, protocol version and the CA and client certificate files', () => {
    const dir = tempDataDir();
    for (const f of ['ca.pem', 'client.pem', 'client.key']) writeFileSync(join(dir, f), `-----${f}-----`);
    const props = parseConnectorProps(
      mqttSourceSpec,
      {
        server: 'ssl://broker:8883',
        username: 'edge',
        password: 'secret',
        clientid: 'gw-1',
        protocolVersion: '5',
        rootCaPath: join(dir, 'ca.pem'),
        certificationPath: join(dir, 'client.pem'),
        privateKeyPath: join(dir, 'client.key'),
      },
      'a',
    );
    const options = toClientOptions(props, 'stream demo');
    expect(options).toMatchObject({ clientId: 'gw-1', username: 'edge', password: 'secret', protocolVersion: 5, keepalive: 60, rejectUnauthorized: true });
    expect(String(options.ca)).toBe('-----ca.pem-----');
    expect(String(options.cert)).toBe('-----client.pem-----');
    expect(String(options.key)).toBe('-----client.key-----');
    expect(brokerUrl(props, 'a')).toBe('ssl://broker:8883');
  });

  it('takes the first of eKuiper-style servers and skips verification only when asked', () => {
    const props = parseConnectorProps(mqttSourceSpec, { servers: ['tcp://a:1883', 'tcp://b:1883'], insecureSkipVerify: true }, 'a');
    expect(brokerUrl(props, 'a')).toBe('tcp://a:1883');
    expect(toClientOptions(props, 'a')).toMatchObject({ protocolVersion: 4, rejectUnauthorized: false });
  });

  it('fails on an unreadable client key, naming the key, the path and the fix', () => {
    const props = parseConnectorProps(mqttSourceSpec, { server: 'ssl://b:8883', privateKeyPath: '/nonexistent/key.pem' }, 'a');
    expect(() => toClientOptions(props, 'stream demo')).toThrow(
      'stream demo: cannot read privateKeyPath "/nonexistent/key.pem": ENOENT: no such file or directory, open \'/nonexistent/key.pem\'; fix the path or mount the file',
    );
  });
});
