#!/usr/bin/env node
/**
 * Entry of the `edgestack` command (`bin/edgestack` loads this file): `edgestack serve`, eKuiper's CLI verbs over
 * REST, and `replay`.
 */
import { processOutput } from './output';
import { runCli } from './program';

void runCli(process.argv, processOutput).then((code) => {
  process.exitCode = code;
});
