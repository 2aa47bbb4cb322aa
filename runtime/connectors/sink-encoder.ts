import { z } from 'zod';
import type { OutputBatch } from '../engine/contract';
import type { SinkMessage } from './sink';
import { parseConnectorProps } from './spec';
import { DataTemplate } from './template';

/**
 * eKuiper's common sink properties, valid on every action and applied by the host before the connector.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/overview.html#common-properties
 */
export const commonSinkSpec = {
  type: 'common sink',
  summary: 'Properties shared by all sinks',
  schema: z.object({
    sendSingle: z.boolean().default(false).describe('Send each row as its own message instead of the batch as a JSON array'),
    dataTemplate: z.string().optional().describe('Go-style template ({{.field}}, {{json .}}) applied to each message; @default JSON'),
    omitIfEmpty: z.boolean().default(false).describe('Skip empty batches'),
    fields: z.array(z.string()).optional().describe('Keep only these fields of each row; @default all'),
    bufferLength: z.number().int().positive().default(1024).describe('Messages waiting for the connector before new ones are dropped (counted as exceptions)'),
  }),
};

/** Parsed common sink properties. */
export type CommonSinkProps = z.output<typeof commonSinkSpec.schema>;

/** Turns emitted batches into sink messages under the common sink properties. */
export class SinkEncoder {
  private readonly template?: DataTemplate;

  /**
   * @throws ConnectorConfigError on invalid common properties; Error on an invalid dataTemplate.
   */
  constructor(
    readonly props: CommonSinkProps,
  ) {
    this.template = props.dataTemplate !== undefined ? DataTemplate.compile(props.dataTemplate) : undefined;
  }

  /** Parses the common properties of an action. @throws ConnectorConfigError naming the bad key. */
  static fromAction(props: unknown, where: string): SinkEncoder {
    return new SinkEncoder(parseConnectorProps(commonSinkSpec, props, where));
  }

  /** The messages for one batch: one per row under `sendSingle`, else one holding the array. */
  encode(batch: OutputBatch): SinkMessage[] {
    if (batch.length === 0 && this.props.omitIfEmpty) return [];
    const rows = this.props.fields ? batch.map((row) => pick(row, this.props.fields as string[])) : batch;
    if (this.props.sendSingle) return rows.map((row) => this.message(row, 1));
    return [this.message(rows, rows.length)];
  }

  private message(data: SinkMessage['data'], rowCount: number): SinkMessage {
    return { payload: this.template ? this.template.render(data) : JSON.stringify(data), data, rowCount };
  }
}

function pick(row: Readonly<Record<string, unknown>>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f in row) out[f] = row[f];
  return out;
}
