import { MirrorMaker } from '../../lib/constructs/mirror-maker';
import { MosquittoBroker } from '../../lib/constructs/mosquitto-broker';
import { Placement } from '../../lib/constructs/placement';
import { CONFIG_CHECKSUM_ANNOTATION, RuleEngine, configChecksum } from '../../lib/constructs/rule-engine';
import { EXAMPLE_FLEET } from '../../lib/inventory/example-fleet';
import { find, podSpec, synth } from './support/manifests';

const gw01 = EXAMPLE_FLEET.environments[1].sites[2];
const edge = Placement.edgeSite(gw01);

describe('RuleEngine', () => {
  test('defaults', () => {
    expect(synth((c) => new RuleEngine(c, 'engine', { namespace: 'edge-gw01', instance: 'prod-gw01', placement: edge }))).toMatchSnapshot();
  });

  test('follows the runtime contract: image, args, port 9081, /ping probes, env, uid 10001, seed resources', () => {
    const ms = synth((c) => new RuleEngine(c, 'engine', { namespace: 'edge-gw01', instance: 'i', placement: edge, mqttHost: '$(HOST_IP)' }));
    const d = find(ms, 'Deployment', 'rule-engine');
    const container = podSpec(d).containers[0];
    expect(container).toMatchObject({
      image: 'edgestack/rule-engine:0.1.0', imagePullPolicy: 'IfNotPresent', args: ['serve'],
      ports: [{ containerPort: 9081, name: 'rest' }],
      livenessProbe: { httpGet: { path: '/ping', port: 9081 } }, readinessProbe: { httpGet: { path: '/ping', port: 9081 } },
      resources: { requests: { cpu: '100m', memory: '100Mi' }, limits: { cpu: '1000m', memory: '1024Mi' } },
      securityContext: { runAsUser: 10001, readOnlyRootFilesystem: true },
    });
    const env = Object.fromEntries(container.env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
    expect(env).toEqual({
      HOST_IP: { fieldRef: { fieldPath: 'status.hostIP' } },
      EDGESTACK_REST_BIND: '0.0.0.0', EDGESTACK_REST_PORT: '9081',
      EDGESTACK_REST_TOKEN_FILE: '/var/run/secrets/edgestack/rest-token/token',
      EDGESTACK_DATA_DIR: '/var/lib/edgestack',
      EDGESTACK_CONFIG: '/etc/edgestack/engine.yaml', EDGESTACK_DEFINITIONS: '/etc/edgestack/definitions.json',
      MQTT_SOURCE__DEFAULT__SERVERS: '[tcp://$(HOST_IP):1883]',
      MQTT_SOURCE__DEFAULT__USERNAME: { secretKeyRef: { name: 'rule-engine-mqtt', key: 'username' } },
      MQTT_SOURCE__DEFAULT__PASSWORD: { secretKeyRef: { name: 'rule-engine-mqtt', key: 'password' } },
    });
    expect(container.env.findIndex((e: any) => e.name === 'HOST_IP')).toBe(0);
    expect(podSpec(d).volumes).toContainEqual({ name: 'rest-token', secret: { secretName: 'rule-engine-rest-token', defaultMode: 0o440 } });
    expect(d.spec.replicas).toBe(1);
  });

  test('renders definitions into the ConfigMap and rolls the pods when they change', () => {
    const definitions = { streams: ['CREATE STREAM s () WITH (DATASOURCE="t", FORMAT="json")'], tables: [], rules: [{ id: 'r1', sql: 'SELECT * FROM s', actions: [{ log: {} }] }] };
    const ms = synth((c) => new RuleEngine(c, 'e', { namespace: 'n', instance: 'i', placement: edge, definitions }));
    const cm = find(ms, 'ConfigMap', 'rule-engine-config');
    expect(JSON.parse(cm.data!['definitions.json'])).toEqual(definitions);
    const checksum = find(ms, 'Deployment', 'rule-engine').spec.template.metadata.annotations[CONFIG_CHECKSUM_ANNOTATION];
    expect(checksum).toBe(configChecksum(cm.data!));
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    const empty = synth((c) => new RuleEngine(c, 'e', { namespace: 'n', instance: 'i', placement: edge }));
    expect(JSON.parse(find(empty, 'ConfigMap', 'rule-engine-config').data!['definitions.json'])).toEqual({ streams: [], tables: [], rules: [] });
    expect(find(empty, 'Deployment', 'rule-engine').spec.template.metadata.annotations[CONFIG_CHECKSUM_ANNOTATION]).not.toBe(checksum);
  });

  test('with cloud endpoints: mounts rule-engine-cloud at the sink sections\' paths and takes the Kafka SASL user from it', () => {
    const cloud = { mqttServer: 'mqtts://emqx.c:8883', kafkaBootstrap: 'kafka-bootstrap.c:9094' };
    const ms = synth((c) => new RuleEngine(c, 'e', { namespace: 'n', instance: 'i', placement: edge, cloud }));
    const d = find(ms, 'Deployment', 'rule-engine');
    const container = podSpec(d).containers[0];
    expect(container.env).toEqual(expect.arrayContaining([
      { name: 'KAFKA_SINK__CLOUD__SASLUSERNAME', valueFrom: { secretKeyRef: { name: 'rule-engine-cloud', key: 'kafka-username' } } },
      { name: 'KAFKA_SINK__CLOUD__SASLPASSWORD', valueFrom: { secretKeyRef: { name: 'rule-engine-cloud', key: 'kafka-password' } } },
    ]));
    const volume = podSpec(d).volumes.find((v: any) => v.secret?.secretName === 'rule-engine-cloud');
    expect(volume.secret).toEqual({
      secretName: 'rule-engine-cloud', defaultMode: 0o440,
      items: [{ key: 'ca.crt', path: 'ca.crt' }, { key: 'tls.crt', path: 'tls.crt' }, { key: 'tls.key', path: 'tls.key' }],
    });
    expect(container.volumeMounts).toContainEqual({ name: volume.name, mountPath: '/var/run/secrets/edgestack/cloud', readOnly: true });
    expect(d.metadata.annotations?.['check-manifests/external']).toBe('Secret/rule-engine-cloud, Secret/rule-engine-mqtt, Secret/rule-engine-rest-token');
    const yaml = find(ms, 'ConfigMap', 'rule-engine-config').data!['engine.yaml'];
    expect(yaml).toContain('certificationPath: /var/run/secrets/edgestack/cloud/tls.crt');
    const without = synth((c) => new RuleEngine(c, 'e', { namespace: 'n', instance: 'i', placement: edge }));
    expect(JSON.stringify(without)).not.toContain('rule-engine-cloud');
  });

  test('runs one engine per edge node in DaemonSet mode', () => {
    const ms = synth((c) => new RuleEngine(c, 'e', { namespace: 'n', instance: 'i', placement: Placement.edgeSite(gw01, { perNode: true }) }));
    const ds = find(ms, 'DaemonSet', 'rule-engine');
    expect(podSpec(ds).tolerations).toEqual([{ key: 'edge', operator: 'Equal', value: 'true', effect: 'NoSchedule' }]);
    expect(ms.some((m) => m.kind === 'Deployment')).toBe(false);
  });

  test('fails on storage in DaemonSet mode', () => {
    expect(() => synth((c) => new RuleEngine(c, 'e', { namespace: 'n', instance: 'i', placement: Placement.edgeSite(gw01, { perNode: true }), storage: { toMebibytes: () => 1024 } as never })))
      .toThrow('RuleEngine: storage needs Deployment mode; per-node (DaemonSet) engines keep their store on an emptyDir, so drop storage');
  });
});

describe('MosquittoBroker', () => {
  test('defaults', () => {
    expect(synth((c) => new MosquittoBroker(c, 'mqtt', { namespace: 'edge-gw01-host', instance: 'prod-gw01', placement: edge }))).toMatchSnapshot();
  });

  test('mosquitto.conf disables anonymous access, sets tcp_nodelay and a raised queue, and bridges over TLS without a password', () => {
    const ms = synth((c) => new MosquittoBroker(c, 'mqtt', {
      namespace: 'n', instance: 'i', placement: edge, hostPort: true,
      bridge: { host: 'emqx.prod.example.dev', port: 8883, clientId: 'prod-gw01-bridge', topics: ['alarms/#'], remotePrefix: 'sites/gw01/' },
    }));
    const conf = find(ms, 'ConfigMap', 'mosquitto').data!['mosquitto.conf'].split('\n');
    expect(conf).toEqual(expect.arrayContaining([
      'listener 1883', 'allow_anonymous false', 'password_file /mosquitto/auth/passwd', 'persistence true', 'set_tcp_nodelay true',
      'max_queued_messages 100000', 'address emqx.prod.example.dev:8883', 'bridge_certfile /mosquitto/bridge-tls/tls.crt', 'topic alarms/# out 1 "" sites/gw01/',
    ]));
    expect(conf.some((l) => /password\s/.test(l) && !l.startsWith('password_file'))).toBe(false);
    const d = find(ms, 'Deployment', 'mosquitto');
    expect(podSpec(d).containers[0].ports).toEqual([{ containerPort: 1883, hostPort: 1883, name: 'mqtt' }]);
    expect(d.metadata.annotations!['check-manifests/external']).toBe('Secret/mosquitto-bridge-tls, Secret/mosquitto-passwd');
  });

  test('uses no host port unless asked and runs as the mosquitto uid', () => {
    const d = find(synth((c) => new MosquittoBroker(c, 'mqtt', { namespace: 'n', instance: 'i', placement: edge })), 'Deployment', 'mosquitto');
    expect(podSpec(d).containers[0].ports).toEqual([{ containerPort: 1883, name: 'mqtt' }]);
    expect(podSpec(d).securityContext).toMatchObject({ runAsUser: 1883, runAsNonRoot: true });
  });
});

describe('MirrorMaker', () => {
  const props = {
    namespace: 'edge-dc24', instance: 'prod-dc24', placement: Placement.edgeSite(EXAMPLE_FLEET.environments[1].sites[1]), sourceAlias: 'dc24',
    sourceBootstrap: 'kafka.edge-dc24.svc.cluster.local:9092', targetBootstrap: 'kafka-bootstrap.prod.example.dev:9094', topics: ['alarms'],
  };

  test('defaults', () => {
    expect(synth((c) => new MirrorMaker(c, 'mm2', props))).toMatchSnapshot();
  });

  test('replicates only the chosen topics one way to the cloud over SASL_SSL, credentials from a Secret', () => {
    const ms = synth((c) => new MirrorMaker(c, 'mm2', props));
    const conf = find(ms, 'ConfigMap', 'mirror-maker').data!['mm2.properties'].split('\n');
    expect(conf).toEqual(expect.arrayContaining([
      'clusters = dc24, cloud', 'dc24->cloud.enabled = true', 'dc24->cloud.topics = alarms', 'cloud->dc24.enabled = false',
      'cloud.security.protocol = SASL_SSL', 'offset-syncs.topic.location = target', 'replication.factor = 3',
    ]));
    expect(conf.find((l) => l.startsWith('cloud.sasl.jaas.config'))).toContain('password="${dir:/etc/mm2/cloud-credentials:password}"');
    expect(podSpec(find(ms, 'Deployment', 'mirror-maker')).volumes).toContainEqual({ name: 'cloud-credentials', secret: { secretName: 'mirror-maker-cloud' } });
  });

  test('fails without topics', () => {
    expect(() => synth((c) => new MirrorMaker(c, 'mm2', { ...props, topics: [] }))).toThrow('MirrorMaker: topics is empty; list the topics to replicate, e.g. ["alarms"]');
  });
});
