import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type CliOutput, printResult } from '../output';
import { CliError, request, type RestTarget } from '../rest-client';

const KINDS = ['stream', 'table', 'rule'] as const;
type Kind = (typeof KINDS)[number];

function kindOf(word: string): Kind {
  const kind = word.toLowerCase().replace(/s$/, '') as Kind;
  if (!KINDS.includes(kind)) throw new CliError(`unknown kind "${word}": use stream, table or rule`);
  return kind;
}

/**
 * Registers eKuiper's resource verbs over REST:
 * `create stream <name> '<ddl>'`, `create table <name> '<ddl>'`, `create rule <id> ['<json>' | -f rule.json]`,
 * `show streams|tables|rules`, `describe stream|table|rule <name>`, `drop stream|table|rule <name>`.
 *
 * @see https://ekuiper.org/docs/en/latest/api/cli/streams.html
 * @see https://ekuiper.org/docs/en/latest/api/cli/rules.html
 */
export function registerResourceCommands(program: Command, target: () => RestTarget, output: CliOutput): void {
  program
    .command('create')
    .description("create a stream, table or rule: create stream demo '(temperature float) WITH (DATASOURCE=\"t\")'")
    .argument('<kind>', 'stream, table or rule')
    .argument('<name>', 'stream or table name, or rule id')
    .argument('[definition]', 'the DDL after the name, or the rule JSON')
    .option('-f, --file <file>', 'read the rule JSON (or the full DDL) from a file')
    .action(async (kindWord: string, name: string, definition: string | undefined, opts: { file?: string }) => {
      const kind = kindOf(kindWord);
      const text = opts.file ? readFileSync(opts.file, 'utf8') : definition;
      if (text === undefined) throw new CliError(`create ${kind} ${name}: give the definition as an argument or with -f <file>`);
      if (kind === 'rule') {
        let rule: Record<string, unknown>;
        try {
          rule = JSON.parse(text) as Record<string, unknown>;
        } catch (err) {
          throw new CliError(`rule ${name}: the rule is not valid JSON: ${(err as Error).message}`);
        }
        printResult(output, await request(target(), 'POST', '/rules', { ...rule, id: name }));
        return;
      }
      const sql = /^\s*create\s/i.test(text) ? text : `CREATE ${kind.toUpperCase()} ${name} ${text}`;
      printResult(output, await request(target(), 'POST', `/${kind}s`, { sql }));
    });
  program
    .command('show')
    .description('list streams, tables or rules')
    .argument('<kinds>', 'streams, tables or rules')
    .action(async (kindWord: string) => printResult(output, await request(target(), 'GET', `/${kindOf(kindWord)}s`)));
  program
    .command('describe')
    .description('print the definition of a stream, table or rule')
    .argument('<kind>', 'stream, table or rule')
    .argument('<name>', 'name or id')
    .action(async (kindWord: string, name: string) => printResult(output, await request(target(), 'GET', `/${kindOf(kindWord)}s/${encodeURIComponent(name)}`)));
  program
    .command('drop')
    .description('drop a stream, table or rule')
    .argument('<kind>', 'stream, table or rule')
    .argument('<name>', 'name or id')
    .action(async (kindWord: string, name: string) => printResult(output, await request(target(), 'DELETE', `/${kindOf(kindWord)}s/${encodeURIComponent(name)}`)));
}
