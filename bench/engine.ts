/**
 * Engine throughput benchmark (not a test): 1M events per rule, from parsed objects and from raw JSON strings.
 * Prints events/s and heap MB for each. Run with `npx tsx bench/engine.ts [events]`.
 *
 * Rules: (a) `SELECT * FROM demo WHERE temperature > 50` (target >= 2M events/s from objects);
 * (b) `SELECT deviceId, avg(temperature), max(humidity) FROM demo GROUP BY deviceId, TUMBLINGWINDOW(ss, 10)` with
 * 1000 device ids (target >= 1M events/s from objects); (c) a sliding-window rule.
 */
import { Engine, ManualClock } from '../runtime/engine';

const N = Number(process.argv[2] ?? 1_000_000);
const DEVICES = 1000;
/** Simulated arrival spacing: 10 µs per event, so 1M events span 10 s of processing time. */
const EVENTS_PER_MS = 100;

function makeEvents(n: number): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = { deviceId: `dev-${i % DEVICES}`, temperature: (i * 7919) % 100 + 0.5, humidity: (i * 104729) % 100 };
  }
  return out;
}

interface Case {
  readonly name: string;
  readonly sql: string;
}

const CASES: readonly Case[] = [
  { name: '(a) filter', sql: 'SELECT * FROM demo WHERE temperature > 50' },
  { name: '(b) tumbling avg/max by 1000 devices', sql: 'SELECT deviceId, avg(temperature), max(humidity) FROM demo GROUP BY deviceId, TUMBLINGWINDOW(ss, 10)' },
  { name: '(c) sliding 10 ms, WHEN-triggered', sql: 'SELECT count(*) AS c, avg(temperature) AS t, max(humidity) AS h FROM demo GROUP BY SLIDINGWINDOW(ms, 10) OVER (WHEN temperature > 99)' },
];

function run(c: Case, payloads: ReadonlyArray<Record<string, unknown> | string>, label: string): void {
  const start = 1_700_000_000_000;
  const clock = new ManualClock(start);
  const engine = new Engine({ clock });
  engine.createStream('CREATE STREAM demo () WITH (DATASOURCE="demo", FORMAT="json")');
  const rule = engine.createRule({ id: 'bench', sql: c.sql, actions: [{ nop: {} }] });
  let batches = 0;
  let rows = 0;
  rule.onOutput((b) => {
    batches++;
    rows += b.length;
  });
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  let now = start;
  for (let i = 0; i < payloads.length; i++) {
    if (i % EVENTS_PER_MS === 0) now++;
    rule.ingest('demo', payloads[i], undefined, now);
  }
  rule.flush();
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  const eps = payloads.length / secs;
  console.log(`${c.name.padEnd(40)} ${label.padEnd(8)} ${(eps / 1e6).toFixed(2).padStart(6)} M events/s  ${secs.toFixed(2)} s  heap +${heapMb.toFixed(1)} MB  (${batches} batches, ${rows} rows)`);
}

function main(): void {
  const objects = makeEvents(N);
  const strings = objects.map((o) => JSON.stringify(o));
  console.log(`engine bench: ${N} events, ${DEVICES} device ids, node ${process.version}`);
  for (const c of CASES) {
    run(c, objects.slice(0, Math.min(N, 20_000)), 'warmup');
    run(c, objects, 'objects');
    run(c, strings, 'json');
  }
}

main();
