import type { CliOutput } from '../../runtime/cli/output';
import { runCli } from '../../runtime/cli/program';

/** Runs the edgestack CLI in-process against `host`; returns the exit code and what it printed. */
export async function cli(host: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const output: CliOutput = { out: (t) => void (out += t.endsWith('\n') ? t : `${t}\n`), err: (t) => void (err += t.endsWith('\n') ? t : `${t}\n`) };
  const code = await runCli(['node', 'edgestack', '--host', host, ...args], output, {});
  return { code, out, err };
}
