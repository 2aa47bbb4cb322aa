/** Where the CLI writes: stdout and stderr by default, buffers in tests. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/** Process stdout/stderr. */
export const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Prints a response as eKuiper's CLI does: text as is, JSON indented by 2. */
export function printResult(output: CliOutput, result: unknown): void {
  output.out(typeof result === 'string' ? result : JSON.stringify(result, null, 2));
}
