import type { Command } from 'commander';
import { type CliOutput, printResult } from '../output';
import { CliError, request, type RestTarget } from '../rest-client';

function ruleWord(word: string): void {
  if (word.toLowerCase() !== 'rule') throw new CliError(`expected "rule", got "${word}": e.g. start rule rule1`);
}

/**
 * Registers `start|stop|restart rule <id>`, `getstatus rule <id>` and `gettopo rule <id>` (eKuiper's verbs).
 *
 * @see https://ekuiper.org/docs/en/latest/api/cli/rules.html
 */
export function registerRuleControlCommands(program: Command, target: () => RestTarget, output: CliOutput): void {
  for (const verb of ['start', 'stop', 'restart'] as const) {
    program
      .command(verb)
      .description(`${verb} a rule: ${verb} rule <id>`)
      .argument('<rule>', 'the word "rule"')
      .argument('<id>', 'rule id')
      .action(async (word: string, id: string) => {
        ruleWord(word);
        printResult(output, await request(target(), 'POST', `/rules/${encodeURIComponent(id)}/${verb}`));
      });
  }
  for (const [verb, path] of [
    ['getstatus', 'status'],
    ['gettopo', 'topo'],
  ] as const) {
    program
      .command(verb)
      .description(`print a rule's ${path}: ${verb} rule <id>`)
      .argument('<rule>', 'the word "rule"')
      .argument('<id>', 'rule id')
      .action(async (word: string, id: string) => {
        ruleWord(word);
        printResult(output, await request(target(), 'GET', `/rules/${encodeURIComponent(id)}/${path}`));
      });
  }
}
