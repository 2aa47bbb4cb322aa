import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** Splits a Dockerfile into instructions (comments dropped, `\` continuations joined) and stages. */
function parseDockerfile(text: string): Instruction[][] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  const stages: Instruction[][] = [];
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [keyword, ...rest] = line.split(/\s+/);
    const ins = { keyword: (keyword as string).toUpperCase(), args: rest.join(' ') };
    if (ins.keyword === 'FROM') stages.push([]);
    stages[stages.length - 1]?.push(ins);
  }
  return stages;
}

const root = join(__dirname, '../../..');
const stages = parseDockerfile(readFileSync(join(root, 'runtime/Dockerfile'), 'utf8'));
const final = stages[stages.length - 1] as Instruction[];
const find = (keyword: string) => final.filter((i) => i.keyword === keyword);

describe('runtime/Dockerfile', () => {
  it('is multi-stage on a pinned Node 20 image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect((stage[0] as Instruction).args).toMatch(/^node:20\.\d+\.\d+-[a-z-]+( AS \w+)?$/);
  });

  it('runs as the non-root uid 10001', () => {
    expect(find('USER').map((i) => i.args)).toEqual(['10001:10001']);
  });

  it('exposes the REST port 9081 and declares the data volume', () => {
    expect(find('EXPOSE').map((i) => i.args)).toEqual(['9081']);
    expect(find('VOLUME').map((i) => JSON.parse(i.args))).toEqual([['/var/lib/edgestack']]);
    expect(find('ENV').map((i) => i.args).join(' ')).toContain('EDGESTACK_DATA_DIR=/var/lib/edgestack');
  });

  it('starts node on the compiled CLI with CMD serve', () => {
    const entrypoint = JSON.parse((find('ENTRYPOINT')[0] as Instruction).args) as string[];
    expect(entrypoint).toEqual(['node', '/app/build/runtime/cli/main.js']);
    expect(JSON.parse((find('CMD')[0] as Instruction).args)).toEqual(['serve']);
    // tsc -p tsconfig.build.json emits runtime/cli/main.ts as build/runtime/cli/main.js
    expect(existsSync(join(root, 'runtime/cli/main.ts'))).toBe(true);
  });

  it('has a HEALTHCHECK on /ping', () => {
    const health = find('HEALTHCHECK');
    expect(health).toHaveLength(1);
    expect((health[0] as Instruction).args).toMatch(/CMD \[.*\/ping/);
  });

  it('keeps writes to the data volume (read-only root filesystem)', () => {
    const runs = find('RUN').map((i) => i.args);
    expect(runs).toEqual(['mkdir -p /var/lib/edgestack && chown 10001:10001 /var/lib/edgestack']);
  });
});
