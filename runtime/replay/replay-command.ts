/**
 * The `replay` sub-command: `edgestack replay --streams <file.sql> --rule <rule.json> --input <events.jsonl>
 * [--start-time <ms>]`. Each input line is either `{"stream": "demo", "ts": 1700000000000, "data": {...}, "meta":
 * {...}}` or a bare payload object (stream = the rule's FROM stream, arrival time = its `ts` field). Prints one JSON
 * line per emitted batch.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { replay, type ReplayEvent } from './replay';

/**
 * Parses JSON Lines events.
 * @throws Error naming the line number for a line that is not a JSON object
 */
export function parseEventLines(text: string): ReplayEvent[] {
  const events: ReplayEvent[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new Error(`input line ${i + 1}: not JSON (${(e as Error).message})`);
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(`input line ${i + 1}: expected a JSON object`);
    const o = v as Record<string, unknown>;
    if (o.data !== null && typeof o.data === 'object' && !Array.isArray(o.data)) {
      events.push({
        stream: typeof o.stream === 'string' ? o.stream : undefined,
        ts: typeof o.ts === 'number' ? o.ts : undefined,
        data: o.data as Record<string, unknown>,
        meta: typeof o.meta === 'object' && o.meta !== null ? (o.meta as Record<string, unknown>) : undefined,
      });
    } else {
      events.push({ ts: typeof o.ts === 'number' ? o.ts : undefined, data: o });
    }
  });
  return events;
}

/** Options of the replay command. */
export interface ReplayCommandOptions {
  readonly streams: string;
  readonly rule: string;
  readonly input: string;
  readonly startTime?: string;
}

/**
 * Runs the replay command and writes one JSON line per batch to `write`.
 * @throws Error, SqlSyntaxError or PlanError on bad files
 */
export function runReplayCommand(opts: ReplayCommandOptions, write: (line: string) => void): number {
  const rule = JSON.parse(readFileSync(opts.rule, 'utf8'));
  const startTime = opts.startTime !== undefined ? Number(opts.startTime) : undefined;
  if (startTime !== undefined && !Number.isFinite(startTime)) throw new Error(`--start-time must be ms since epoch, got ${opts.startTime}`);
  const batches = replay({
    streamsSql: readFileSync(opts.streams, 'utf8'),
    rule,
    events: parseEventLines(readFileSync(opts.input, 'utf8')),
    startTime,
  });
  for (const b of batches) write(JSON.stringify(b));
  return batches.length;
}

/**
 * Adds `replay --streams <file.sql> --rule <rule.json> --input <events.jsonl> [--start-time <ms>]` to a commander
 * program.
 */
export function registerReplayCommand(program: Command): Command {
  return program
    .command('replay')
    .description('replay recorded events (JSON Lines) through a rule with a simulated clock; prints one JSON line per emitted batch')
    .requiredOption('--streams <file.sql>', 'CREATE STREAM / CREATE TABLE statements separated by ;')
    .requiredOption('--rule <rule.json>', 'eKuiper rule JSON {id, sql, options}')
    .requiredOption('--input <events.jsonl>', 'one event per line: {"stream","ts","data","meta"} or a bare payload with a ts field')
    .option('--start-time <ms>', 'rule start time in ms since epoch (default: the first event time)')
    .action((opts: ReplayCommandOptions) => {
      try {
        runReplayCommand(opts, (line) => process.stdout.write(line + '\n'));
      } catch (e) {
        process.stderr.write(`replay: ${(e as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
