import { EXAMPLE_FLEET } from '../../lib/inventory/example-fleet';
import { Fleet, SiteSpec } from '../../lib/inventory/fleet';
import { InventoryError } from '../../lib/inventory/inventory-error';
import { validateFleet } from '../../lib/inventory/validate-fleet';

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

/** A deep copy of the example fleet that a test may edit. */
function fleetCopy(): Mutable<Fleet> {
  return structuredClone(EXAMPLE_FLEET) as Mutable<Fleet>;
}

function site(fleet: Mutable<Fleet>, env: string, id: string): Mutable<SiteSpec> {
  const s = fleet.environments.find((e) => e.name === env)!.sites.find((x) => x.id === id);
  if (!s) throw new Error(`no site ${env}/${id}`);
  return s;
}

describe('validateFleet', () => {
  test('accepts the example fleet', () => {
    expect(() => validateFleet(EXAMPLE_FLEET)).not.toThrow();
  });

  /** One invalid edit of the example fleet and the exact message it must produce. */
  interface RejectedEdit {
    readonly name: string;
    readonly edit: (fleet: Mutable<Fleet>) => void;
    readonly message: string;
  }

  test.each<RejectedEdit>([
    {
      name: 'fails on duplicate site ids',
      edit: (fleet) => { site(fleet, 'prod', 'gw01').id = 'dc24'; },
      message: 'Invalid inventory: site "prod/dc24", field id = "dc24": duplicate site id in environment "prod". Fix: give each site of an environment a unique id.',
    },
    {
      name: 'fails on a site id that is not DNS-1123',
      edit: (fleet) => { site(fleet, 'dev', 'gw01').id = 'GW_01'; },
      message: 'Invalid inventory: site "dev/GW_01", field id = "GW_01": not a DNS-1123 label of at most 40 characters. '
        + 'Fix: use lower-case letters, digits and "-", starting and ending with a letter or digit (e.g. "dc24").',
    },
    {
      name: 'fails on an environment name that is not DNS-1123',
      edit: (fleet) => { fleet.environments[1].name = 'Prod'; },
      message: 'Invalid inventory: environment "Prod", field name = "Prod": not a DNS-1123 label of at most 20 characters. '
        + 'Fix: use lower-case letters, digits and "-", starting and ending with a letter or digit (e.g. "prod").',
    },
    {
      name: 'fails on an even ZooKeeper ensemble in prod',
      edit: (fleet) => { site(fleet, 'prod', 'cloud').components.zookeeper!.replicas = 4; },
      message: 'Invalid inventory: site "prod/cloud", field components.zookeeper.replicas = 4: a prod ZooKeeper ensemble needs an odd number of servers, '
        + 'at least 3, to keep a quorum. Fix: set components.zookeeper.replicas to 5.',
    },
    {
      name: 'fails when Kafka min.insync.replicas exceeds its replicas',
      edit: (fleet) => { site(fleet, 'prod', 'cloud').components.kafka!.minInsyncReplicas = 4; },
      message: 'Invalid inventory: site "prod/cloud", field components.kafka.minInsyncReplicas = 4: greater than components.kafka.replicas (3), '
        + 'so no write could ever be acknowledged. Fix: set components.kafka.minInsyncReplicas to at most 3.',
    },
    {
      name: 'fails on an unknown profile',
      edit: (fleet) => { (site(fleet, 'dev', 'dc24') as { profile: string }).profile = 'edge-factory'; },
      message: 'Invalid inventory: site "dev/dc24", field profile = "edge-factory": unknown edge profile. Fix: use one of "edge-datacenter", "edge-gateway".',
    },
    {
      name: 'fails on an edge site with no cloud endpoint',
      edit: (fleet) => { delete site(fleet, 'prod', 'gw01').cloud; },
      message: 'Invalid inventory: site "prod/gw01", field cloud = undefined: an edge site needs the endpoint of its cloud site. '
        + 'Fix: set cloud to { mqttHost, mqttPort: 8883, kafkaBootstrap: "host:9094" }.',
    },
    {
      name: 'fails on anonymous MQTT outside dev',
      edit: (fleet) => { site(fleet, 'prod', 'gw01').components.mosquitto!.allowAnonymous = true; },
      message: 'Invalid inventory: site "prod/gw01", field components.mosquitto.allowAnonymous = true: anonymous MQTT is allowed only in a dev environment, '
        + 'and "prod" is prod. Fix: set components.mosquitto.allowAnonymous to false and give clients credentials.',
    },
    {
      name: 'fails on Kafka on an edge-gateway site',
      edit: (fleet) => { site(fleet, 'dev', 'gw01').components.kafka = site(fleet, 'dev', 'dc24').components.kafka; },
      message: 'Invalid inventory: site "dev/gw01", field components.kafka = "kafka": an edge-gateway (Raspberry-Pi class) site runs only Mosquitto '
        + 'and the rule engine. Fix: remove components.kafka or use profile "edge-datacenter".',
    },
    {
      name: 'fails on a multi-node KRaft Kafka at the edge',
      edit: (fleet) => { site(fleet, 'dev', 'dc24').components.kafka!.replicas = 3; },
      message: 'Invalid inventory: site "dev/dc24", field components.kafka.replicas = 3: edge Kafka is a single KRaft node (no HA at the edge). '
        + 'Fix: set components.kafka.replicas to 1.',
    },
  ])('$name', ({ edit, message }) => {
    const fleet = fleetCopy();
    edit(fleet);
    expect(() => validateFleet(fleet as Fleet)).toThrow(message);
  });

  test('accepts a single ZooKeeper server in dev', () => {
    const fleet = fleetCopy();
    expect(site(fleet, 'dev', 'cloud').components.zookeeper!.replicas).toBe(1);
    expect(() => validateFleet(fleet as Fleet)).not.toThrow();
  });

  test('errors are InventoryError instances naming site, field and value', () => {
    const fleet = fleetCopy();
    site(fleet, 'prod', 'cloud').components.zookeeper!.replicas = 2;
    try {
      validateFleet(fleet as Fleet);
      throw new Error('validateFleet accepted an even ensemble');
    } catch (e) {
      expect(e).toBeInstanceOf(InventoryError);
      expect(e).toMatchObject({ site: 'prod/cloud', field: 'components.zookeeper.replicas', value: 2 });
    }
  });
});
