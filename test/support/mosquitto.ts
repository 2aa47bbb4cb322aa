import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A running Mosquitto broker started for a test. */
export interface MosquittoBroker {
  /** Loopback port it listens on. */
  readonly port: number;
  /** `tcp://127.0.0.1:<port>`. */
  readonly url: string;
  /** Kills the broker by pid and waits for it to exit. */
  stop(): Promise<void>;
  /** Stops and starts again on the same port (for reconnect tests). */
  restart(): Promise<void>;
}

/** Returns a free loopback TCP port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The mosquitto binary path.
 * @param dirs directories searched in order; @default PATH, then /usr/sbin, /usr/local/sbin, /sbin
 * @throws Error with the install command when missing.
 */
export function mosquittoBinary(dirs: readonly string[] = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin']): string {
  for (const dir of dirs) {
    const candidate = join(dir, 'mosquitto');
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new Error(
    'mosquitto binary not found in PATH or /usr/sbin: install it with `apt-get update && apt-get install -y mosquitto mosquitto-clients` (scripts/test-all.sh does this)',
  );
}

function waitForPort(port: number, child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      if (child.exitCode !== null) {
        reject(new Error(`mosquitto exited with code ${child.exitCode}: ${log()}`));
        return;
      }
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`mosquitto did not accept connections on 127.0.0.1:${port} within ${timeoutMs} ms: ${log()}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * Starts `mosquitto -c <generated conf>` on a free loopback port with the settings from shared/toolchain.md §5:
 * `set_tcp_nodelay true` and `max_queued_messages 100000` (no silent QoS 1 drops), anonymous access for tests.
 * @throws Error when the binary is missing or the broker does not start within 10 s.
 */
export async function startMosquitto(port?: number): Promise<MosquittoBroker> {
  const binary = mosquittoBinary();
  const dir = mkdtempSync(join(tmpdir(), 'edgestack-mosquitto-'));
  const brokerPort = port ?? (await freePort());
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${brokerPort} 127.0.0.1`,
      'allow_anonymous true',
      'set_tcp_nodelay true',
      'max_queued_messages 100000',
      'max_inflight_messages 0',
      'persistence false',
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  let stderr = '';
  const launch = async (): Promise<void> => {
    stderr = '';
    const proc = spawn(binary, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    proc.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    child = proc;
    await waitForPort(brokerPort, proc, 10_000, () => stderr);
  };
  const kill = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.pid === undefined) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    process.kill(proc.pid, 'SIGKILL');
    await exited;
  };
  await launch();
  return {
    port: brokerPort,
    url: `tcp://127.0.0.1:${brokerPort}`,
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
    restart: async () => {
      await kill();
      await launch();
    },
  };
}
