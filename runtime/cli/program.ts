import { Command } from 'commander';
import { registerReplayCommand } from '../replay';
import { registerQueryCommand } from './commands/query';
import { registerResourceCommands } from './commands/resources';
import { registerRuleControlCommands } from './commands/rule-control';
import { registerServeCommand } from './commands/serve';
import type { CliOutput } from './output';
import { resolveTarget } from './rest-client';

/**
 * Builds the `edgestack` CLI (commander): `serve`, eKuiper's verbs over the REST API (`create`, `show`,
 * `describe`, `drop`, `start`, `stop`, `restart`, `getstatus`, `gettopo`, `query`) and `replay`.
 * Global options: `--host <url>` (@default `$EDGESTACK_HOST` or `http://127.0.0.1:9081`) and
 * `--token-file <file>` (@default `$EDGESTACK_REST_TOKEN_FILE`).
 *
 * @see https://ekuiper.org/docs/en/latest/api/cli/overview.html
 */
export function buildProgram(output: CliOutput, env: NodeJS.ProcessEnv = process.env): Command {
  const program = new Command('edgestack')
    .description('edgestack: an eKuiper-compatible stream rule engine for the edge')
    .option('--host <url>', 'REST API base URL (default: $EDGESTACK_HOST or http://127.0.0.1:9081)')
    .option('--token-file <file>', 'file holding the bearer token (default: $EDGESTACK_REST_TOKEN_FILE)')
    .configureOutput({ writeOut: (s) => output.out(s), writeErr: (s) => output.err(s) });
  const target = () => resolveTarget(program.opts<{ host?: string; tokenFile?: string }>(), env);
  registerServeCommand(program, output);
  registerResourceCommands(program, target, output);
  registerRuleControlCommands(program, target, output);
  registerQueryCommand(program, target, output);
  registerReplayCommand(program);
  return program;
}

/**
 * Runs the CLI with `argv` (as `process.argv`). Returns the exit code: 0, or 1 after printing the error.
 */
export async function runCli(argv: readonly string[], output: CliOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const program = buildProgram(output, env).exitOverride();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    const e = err as { code?: string; exitCode?: number; message: string };
    if (e.code?.startsWith('commander.')) return e.exitCode ?? 1;
    output.err(`Error: ${e.message}`);
    return 1;
  }
}
