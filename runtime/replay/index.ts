/**
 * Deterministic replay: the `replay()` function and the CLI sub-command.
 */
export { replay, splitStatements, seeded, type ReplayEvent, type ReplayInput } from './replay';
export { registerReplayCommand, runReplayCommand, parseEventLines, type ReplayCommandOptions } from './replay-command';
