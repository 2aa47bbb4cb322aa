import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo, connect as tcpConnect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as mqtt from 'mqtt';
import { mosquittoPasswordFile, mosquittoPasswordLine, mosquittoSalt } from '../../stacks/mosquitto-password-file';

/** Lines written by `mosquitto_passwd -b` 2.0.11 (Debian bookworm), with the passwords they were made from. */
const MOSQUITTO_PASSWD_VECTORS = [
  {
    password: 's3cret',
    line: 'alice:$7$101$qlbOFHnLYlHTosLZ$BU2dExpD6tU+BZMCKTNUnWWjIeI9HdrcnEYxjSdmaaNwb5O/GMX98gNEX8FVUeRfKX3VV6L4uZ+Qp7uRmlNvfA==',
  },
  {
    password: 'correct horse battery',
    line: 'rule-engine:$7$101$2kSobEFwzqPXUGTm$y1SeZqm8H9z3omJYmYNz1k/fXcRJAaEcMWJIYwbHv02p2R3e5wvi28GNcjTYTVuGIDyOjP91ji+isLY5gbsa6A==',
  },
];

describe('mosquittoPasswordLine', () => {
  it.each(MOSQUITTO_PASSWD_VECTORS)('reproduces the mosquitto_passwd line $line', ({ password, line }) => {
    const [username, hashField] = line.split(':');
    const [, type, iterations, salt] = hashField.split('$');
    expect(type).toBe('7');
    expect(mosquittoPasswordLine(username, password, Buffer.from(salt, 'base64'), Number(iterations))).toBe(line);
  });

  it('rejects a user name with the field separator', () => {
    expect(() => mosquittoPasswordLine('a:b', 'pw', Buffer.alloc(12))).toThrow(
      `Invalid Mosquitto user name "a:b": it must be non-empty and contain no ':' or line break`,
    );
  });
});

describe('mosquittoPasswordFile', () => {
  const users = { sensor: 'sensor-password-1', 'rule-engine': 'rule-engine-password' };

  it('writes one sorted $7$ line per user, ending in a newline', () => {
    const file = mosquittoPasswordFile(users, 'prod-dc24');
    const lines = file.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0]).toMatch(/^rule-engine:\$7\$101\$[A-Za-z0-9+/]{16}\$[A-Za-z0-9+/]{86}==$/);
    expect(lines[1]).toMatch(/^sensor:\$7\$101\$/);
    expect(file).not.toContain('sensor-password-1');
  });

  it('is deterministic per stack and user, and salts differ between stacks and users', () => {
    expect(mosquittoPasswordFile(users, 'prod-dc24')).toBe(mosquittoPasswordFile(users, 'prod-dc24'));
    expect(mosquittoPasswordFile(users, 'prod-dc24')).not.toBe(mosquittoPasswordFile(users, 'dev-dc24'));
    expect(mosquittoSalt('prod-dc24', 'sensor').equals(mosquittoSalt('prod-dc24', 'rule-engine'))).toBe(false);
    expect(mosquittoSalt('prod-dc24', 'sensor')).toHaveLength(12);
  });
});

const MOSQUITTO = '/usr/sbin/mosquitto';
const describeWithBroker = existsSync(MOSQUITTO) ? describe : describe.skip;

describeWithBroker('a real mosquitto 2.x broker (loopback) with the generated password file', () => {
  let dir: string;
  let broker: ChildProcess;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'edgestack-passwd-'));
    chmodSync(dir, 0o755); // mosquitto started as root drops to the `mosquitto` user before reading password_file
    port = await freePort();
    writeFileSync(join(dir, 'passwd'), mosquittoPasswordFile({ 'rule-engine': 'rule-engine-password' }, 'dev-gw01'));
    writeFileSync(
      join(dir, 'mosquitto.conf'),
      `listener ${port} 127.0.0.1\nallow_anonymous false\npassword_file ${join(dir, 'passwd')}\npersistence false\n`,
    );
    broker = spawn(MOSQUITTO, ['-c', join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
    await waitForPort(port);
  });

  afterAll(() => {
    broker?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts the right password', async () => {
    await expect(connect(port, 'rule-engine', 'rule-engine-password')).resolves.toBe('connected');
  });

  it('refuses a wrong password', async () => {
    await expect(connect(port, 'rule-engine', 'wrong-password')).resolves.toMatch(/Not authorized|Bad User Name or Password/);
  });
});

function connect(port: number, username: string, password: string): Promise<string> {
  return new Promise((resolve) => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, { username, password, reconnectPeriod: 0, connectTimeout: 5000 });
    client.once('connect', () => client.end(true, () => resolve('connected')));
    client.once('error', (err) => client.end(true, () => resolve(err.message)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = tcpConnect(port, '127.0.0.1');
      socket.once('connect', () => socket.end(() => resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`mosquitto did not listen on 127.0.0.1:${port}`);
}
