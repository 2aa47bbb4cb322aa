/**
 * Fleet-scale synthesis benchmark (not a test): generated fleets of 100, 500 and 2000 edge sites.
 * Each size runs in its own child process so its peak RSS is its own. Prints seconds, objects, files and peak
 * memory per size. Goal: 2000 sites in at most 60 s, growing linearly.
 *
 *   npx tsx bench/fleet.ts            # all sizes
 *   npx tsx bench/fleet.ts 500        # one size (what each child runs)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiObject, App, YamlOutputType } from 'cdk8s';
import { createFleetCharts } from '../lib/charts/fleet-charts';
import { EnvironmentSpec, Fleet, SiteSpec } from '../lib/inventory/fleet';
import { cloudEndpointFor, cloudSite, dataCenterSite, gatewaySite } from '../lib/inventory/site-profiles';

const SIZES = [100, 500, 2000];

/** A prod environment with one cloud site and `edgeSites` edge sites: every fourth a data center, the rest gateways. */
function generatedFleet(edgeSites: number): Fleet {
  const domain = 'bench.example.dev';
  const cloud = cloudEndpointFor(domain);
  const sites: SiteSpec[] = [cloudSite({ tier: 'prod', domain })];
  for (let i = 0; i < edgeSites; i++) {
    const id = `site${String(i).padStart(4, '0')}`;
    sites.push(i % 4 === 0 ? dataCenterSite({ id, tier: 'prod', cloud }) : gatewaySite({ id, tier: 'prod', cloud }));
  }
  const env: EnvironmentSpec = { name: 'bench', tier: 'prod', sites };
  return { environments: [env] };
}

function countFiles(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
}

/** Synthesizes one size into a temporary directory and prints one JSON line. */
function runOne(edgeSites: number): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgestack-bench-'));
  let peakRss = process.memoryUsage().rss;
  const sample = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
  const start = process.hrtime.bigint();
  const app = new App({ outdir, yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
  const charts = createFleetCharts(app, generatedFleet(edgeSites));
  sample();
  const built = process.hrtime.bigint();
  app.synth();
  sample();
  const end = process.hrtime.bigint();
  const objects = charts.reduce((n, c) => n + c.node.findAll().filter((x) => x instanceof ApiObject).length, 0);
  const files = countFiles(outdir);
  fs.rmSync(outdir, { recursive: true, force: true });
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({
    edgeSites, charts: charts.length, objects, files,
    constructSeconds: Number(built - start) / 1e9, synthSeconds: Number(end - built) / 1e9, totalSeconds: Number(end - start) / 1e9,
    peakRssMiB: Math.round(Math.max(peakRss, maxRssBytes) / 2 ** 20),
  }));
}

function main(): void {
  const arg = process.argv[2];
  if (arg !== undefined) {
    const n = Number(arg);
    if (!Number.isInteger(n) || n < 1) throw new Error(`bench/fleet.ts: size "${arg}" is not a positive integer; pass e.g. 500`);
    runOne(n);
    return;
  }
  console.log('edge sites | charts | objects | files  | total s | construct s | synth s | peak RSS MiB | s per 100 sites');
  for (const n of SIZES) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`bench/fleet.ts: size ${n} failed (exit ${child.status}): ${child.stderr}`);
    const r = JSON.parse(child.stdout.trim().split('\n').pop() as string);
    console.log([
      String(r.edgeSites).padStart(10), String(r.charts).padStart(6), String(r.objects).padStart(7), String(r.files).padStart(6),
      r.totalSeconds.toFixed(2).padStart(7), r.constructSeconds.toFixed(2).padStart(11), r.synthSeconds.toFixed(2).padStart(7),
      String(r.peakRssMiB).padStart(12), (r.totalSeconds / (n / 100)).toFixed(2).padStart(15),
    ].join(' | '));
  }
}

main();
