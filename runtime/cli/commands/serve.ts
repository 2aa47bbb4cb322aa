import type { Command } from 'commander';
import { builtinConnectors } from '../../connectors/builtin';
import { loadConfig } from '../../config/load-config';
import { startService } from '../../main';
import type { CliOutput } from '../output';

/**
 * Registers `serve`: runs the service until SIGTERM or SIGINT, configured by `EDGESTACK_CONFIG` (YAML, or
 * `--config`) and the environment.
 */
export function registerServeCommand(program: Command, output: CliOutput): void {
  program
    .command('serve')
    .description('run the rule engine service (REST API on 127.0.0.1:9081 by default)')
    .option('-c, --config <file>', 'YAML config file (default: $EDGESTACK_CONFIG)')
    .action(async (opts: { config?: string }) => {
      const config = loadConfig(process.env, builtinConnectors(), opts.config ?? process.env.EDGESTACK_CONFIG);
      const service = await startService(config);
      output.err(`edgestack serving on ${service.url}`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          void service.close().then(resolve, resolve);
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
    });
}
