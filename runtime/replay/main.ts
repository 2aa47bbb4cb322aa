/**
 * Stand-alone entry of the replay command: `npx tsx runtime/replay/main.ts replay --streams s.sql --rule r.json
 * --input e.jsonl`.
 */
import { Command } from 'commander';
import { registerReplayCommand } from './replay-command';

const program = new Command('edgestack');
registerReplayCommand(program);
program.parse(process.argv);
