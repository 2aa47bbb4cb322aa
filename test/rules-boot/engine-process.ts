import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A running `edgestack serve` child process. */
export interface EngineProcess {
  /** REST base URL, `http://127.0.0.1:<port>`. */
  readonly rest: string;
  /** Everything the process wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Stops the process (its own process group, by pid) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * The service's command line: `bin/edgestack serve` when present, else `tsx runtime/cli/main.ts serve` (the
 * package's `edgestack` script).
 * @throws Error naming both entry points when neither exists
 */
export function serveCommand(): { command: string; args: string[] } {
  const bin = join(ROOT, 'bin', 'edgestack');
  if (existsSync(bin)) return { command: bin, args: ['serve'] };
  const main = join(ROOT, 'runtime', 'cli', 'main.ts');
  if (existsSync(main)) return { command: join(ROOT, 'node_modules', '.bin', 'tsx'), args: [main, 'serve'] };
  throw new Error('the engine service is missing: neither bin/edgestack nor runtime/cli/main.ts exists (issue 4, `edgestack serve`)');
}

/**
 * Starts `edgestack serve` with eKuiper-style environment configuration.
 * @param env extra environment variables (EDGESTACK_DEFINITIONS, MQTT_SOURCE__DEFAULT__SERVERS, ...)
 */
export function startEngine(restPort: number, env: Readonly<Record<string, string>>): EngineProcess {
  const { command, args } = serveCommand();
  let log = '';
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, EDGESTACK_REST_BIND: '127.0.0.1', EDGESTACK_REST_PORT: String(restPort), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const append = (d: Buffer): void => {
    log = (log + d.toString()).slice(-20000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return {
    rest: `http://127.0.0.1:${restPort}`,
    output: () => log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(-child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
