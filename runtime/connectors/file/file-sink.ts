import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import type { ConnectorContext } from '../context';
import type { Sink, SinkMessage } from '../sink';
import type { ConnectorSpec } from '../spec';

/**
 * File sink spec: eKuiper's property names (`rollingInterval` in ms).
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/builtin/file.html
 */
export const fileSinkSpec = {
  type: 'file',
  summary: 'Appends results to a file, as lines or a JSON array, rolling by count or time',
  schema: z.object({
    path: z.string().min(1).describe('File to write; its directory is created when missing'),
    fileType: z.enum(['lines', 'json']).default('lines').describe('lines: one message per line; json: the file is one JSON array'),
    rollingInterval: z.number().int().min(0).default(0).describe('Roll the file after this long, in ms; 0 never'),
    rollingCount: z.number().int().min(0).default(0).describe('Roll the file after this many messages; 0 never'),
    rollingNamePattern: z.enum(['prefix', 'suffix']).default('prefix').describe('Where a rolled file gets its timestamp'),
  }),
} satisfies ConnectorSpec;

/** Parsed file sink properties. */
export type FileSinkProps = z.output<typeof fileSinkSpec.schema>;

/**
 * Appends messages to `path`. A rolled file is renamed to `<ts>-<name>` (prefix) or `<stem>-<ts><ext>` (suffix),
 * `ts` in ms since epoch. A `json` file is closed with `]` when it rolls or the sink closes.
 */
export class FileSink implements Sink {
  private count = 0;
  private openedAt = 0;

  constructor(private readonly props: FileSinkProps) {}

  async connect(): Promise<void> {
    await mkdir(dirname(this.props.path), { recursive: true });
    const existing = await stat(this.props.path).catch(() => undefined);
    if (existing && existing.size > 0) await this.roll();
  }

  async collect(message: SinkMessage): Promise<void> {
    const now = Date.now();
    if (this.count > 0 && this.props.rollingInterval > 0 && now - this.openedAt >= this.props.rollingInterval) await this.roll();
    if (this.count === 0) this.openedAt = now;
    const text = this.props.fileType === 'json' ? `${this.count === 0 ? '[' : ','}${message.payload}` : `${message.payload}\n`;
    await appendFile(this.props.path, text);
    this.count++;
    if (this.props.rollingCount > 0 && this.count >= this.props.rollingCount) await this.roll();
  }

  async close(): Promise<void> {
    if (this.count > 0 && this.props.fileType === 'json') await appendFile(this.props.path, ']');
    this.count = 0;
  }

  private async roll(): Promise<void> {
    await this.close();
    const ts = Date.now();
    const name = basename(this.props.path);
    const ext = extname(name);
    const rolled = this.props.rollingNamePattern === 'prefix' ? `${ts}-${name}` : `${name.slice(0, name.length - ext.length)}-${ts}${ext}`;
    await rename(this.props.path, join(dirname(this.props.path), rolled)).catch(() => undefined);
  }
}

/** Factory registered as sink type `file`. */
export function createFileSink(props: FileSinkProps, _ctx: ConnectorContext): Sink {
  return new FileSink(props);
}
