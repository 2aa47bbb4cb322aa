import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { CliOutput } from '../output';
import { CliError, type RestTarget } from '../rest-client';

/**
 * Streams the rows of one query to `output` until `signal` aborts.
 * @throws CliError with the server's message when the query is rejected.
 */
export async function streamQuery(target: RestTarget, sql: string, output: CliOutput, signal: AbortSignal): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${target.host}/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) },
      body: JSON.stringify({ sql }),
      signal,
    });
  } catch (err) {
    if (signal.aborted) return;
    throw new CliError(`cannot reach edgestack at ${target.host}: ${(err as Error).message}`);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    throw new CliError(body.message ?? `HTTP ${res.status}`, res.status);
  }
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line) output.out(line);
    }
  } catch (err) {
    if (!signal.aborted) throw err;
  }
}

/**
 * Registers `query`: an interactive SQL prompt. Each SELECT runs until Ctrl-C, printing rows as they arrive;
 * `exit` or Ctrl-D leaves.
 *
 * @see https://ekuiper.org/docs/en/latest/api/cli/overview.html
 */
export function registerQueryCommand(program: Command, target: () => RestTarget, output: CliOutput): void {
  program
    .command('query')
    .description('interactive SQL prompt: run a SELECT and print results as they arrive (Ctrl-C stops it)')
    .action(async () => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'edgestack > ' });
      let running: AbortController | undefined;
      rl.on('SIGINT', () => {
        if (running) running.abort();
        else rl.close();
      });
      rl.prompt();
      for await (const line of rl) {
        const sql = line.trim();
        if (sql === 'exit' || sql === 'quit') break;
        if (sql) {
          running = new AbortController();
          output.err('query is running; press Ctrl-C to stop it');
          try {
            await streamQuery(target(), sql, output, running.signal);
          } catch (err) {
            output.err((err as Error).message);
          }
          running = undefined;
        }
        rl.prompt();
      }
      rl.close();
    });
}
