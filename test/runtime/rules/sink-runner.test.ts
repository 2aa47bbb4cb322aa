import type { Sink, SinkMessage } from '../../../runtime/connectors/sink';
import { SinkEncoder } from '../../../runtime/connectors/sink-encoder';
import { SinkRunner } from '../../../runtime/rules/sink-runner';
import { statusText } from '../../../runtime/rules/rule-state';

/** A connector whose writes complete only when the test releases them, recording the order of calls. */
class GatedSink implements Sink {
  readonly started: string[] = [];
  private readonly gates: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  constructor(readonly maxInflight: number) {}
  async connect(): Promise<void> {}
  collect(message: SinkMessage): Promise<void> {
    this.started.push(message.payload);
    return new Promise((resolve, reject) => this.gates.push({ resolve, reject }));
  }
  /** Writes not yet released. */
  get pending(): number {
    return this.gates.length;
  }
  release(error?: Error): void {
    const gate = this.gates.shift();
    if (error) gate?.reject(error);
    else gate?.resolve();
  }
  async close(): Promise<void> {}
}

const row = (n: number) => [{ n }];

describe('SinkRunner', () => {
  it('writes one message at a time by default, in order, counting rows in and out', async () => {
    const sink = new GatedSink(1);
    const runner = new SinkRunner('sink_log_0', sink, SinkEncoder.fromAction({}, 'a'));
    runner.write(row(1));
    runner.write(row(2));
    expect(sink.started).toEqual(['[{"n":1}]']);
    expect(runner.metrics()).toMatchObject({ sink_log_0_0_records_in_total: 2, sink_log_0_0_buffer_length: 2, sink_log_0_0_records_out_total: 0 });
    sink.release();
    await new Promise((r) => setImmediate(r));
    expect(sink.started).toEqual(['[{"n":1}]', '[{"n":2}]']);
    sink.release(new Error('broker said no'));
    await runner.flushed();
    expect(runner.metrics()).toMatchObject({
      sink_log_0_0_records_out_total: 1,
      sink_log_0_0_exceptions_total: 1,
      sink_log_0_0_last_exception: 'broker said no',
      sink_log_0_0_buffer_length: 0,
    });
  });

  it('closes the connector after the drain timeout when writes never complete (broker down), counting dropped messages', async () => {
    const sink = new GatedSink(1);
    let closed = false;
    // as mqtt.js end(true): closing fails the pending writes
    sink.close = async () => {
      closed = true;
      while (sink.pending > 0) sink.release(new Error('connection closed'));
    };
    const runner = new SinkRunner('sink_mqtt_0', sink, SinkEncoder.fromAction({}, 'a'), 20);
    runner.write(row(1));
    runner.write(row(2));
    runner.write(row(3));
    await runner.close();
    await new Promise((r) => setImmediate(r));
    expect(closed).toBe(true);
    expect(sink.started).toEqual(['[{"n":1}]']);
    expect(runner.metrics()).toMatchObject({
      sink_mqtt_0_0_records_in_total: 3,
      sink_mqtt_0_0_records_out_total: 0,
      sink_mqtt_0_0_exceptions_total: 3,
      sink_mqtt_0_0_buffer_length: 0,
      sink_mqtt_0_0_last_exception: 'connection closed',
    });
  });

  it('keeps up to maxInflight writes pending', () => {
    const sink = new GatedSink(3);
    const runner = new SinkRunner('sink_mqtt_0', sink, SinkEncoder.fromAction({}, 'a'));
    for (let i = 0; i < 5; i++) runner.write(row(i));
    expect(sink.started).toHaveLength(3);
  });

  it('drops messages beyond bufferLength and counts each as an exception', () => {
    const sink = new GatedSink(1);
    const runner = new SinkRunner('sink_rest_0', sink, SinkEncoder.fromAction({ bufferLength: 2 }, 'a'));
    for (let i = 0; i < 5; i++) runner.write(row(i));
    expect(runner.metrics()).toMatchObject({
      sink_rest_0_0_records_in_total: 5,
      sink_rest_0_0_exceptions_total: 2,
      sink_rest_0_0_last_exception: 'buffer full (2 messages): message dropped',
    });
  });
});

describe('rule status text (GET /rules)', () => {
  it("uses eKuiper's brief texts", () => {
    expect(statusText('running', '')).toBe('Running');
    expect(statusText('stopped', 'canceled manually')).toBe('Stopped: canceled manually.');
    expect(statusText('stopped by error', 'kafka sink "t": connection refused.')).toBe('Stopped: kafka sink "t": connection refused.');
  });
});
