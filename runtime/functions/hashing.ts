/**
 * Hashing functions: lower-case hex digests of the UTF-8 string form of the argument (bytes are hashed as is).
 * A null argument gives null.
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/hashing_functions.html
 */
import { createHash } from 'node:crypto';
import { scalar } from './define';
import type { FunctionDef, Value } from './types';
import { toStringAlways } from './values';

function bytesOf(v: Value): Buffer {
  return v instanceof Uint8Array ? Buffer.from(v) : Buffer.from(toStringAlways(v), 'utf8');
}

function digest(name: string, algorithm: string): FunctionDef {
  return scalar(name, 1, 1, (a) => createHash(algorithm).update(bytesOf(a[0])).digest('hex'), {
    result: 'string',
    doc: `${algorithm} digest as lower-case hex.`,
  });
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, the polynomial of Go `hash/crc32.ChecksumIEEE`) of bytes. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Hashing functions. */
export const hashingFunctions: readonly FunctionDef[] = [
  digest('md5', 'md5'),
  digest('sha1', 'sha1'),
  digest('sha224', 'sha224'),
  digest('sha256', 'sha256'),
  digest('sha384', 'sha384'),
  digest('sha512', 'sha512'),
  scalar('crc32', 1, 1, (a) => crc32(bytesOf(a[0])).toString(16).padStart(8, '0'), {
    result: 'string',
    doc: 'CRC-32 (IEEE) checksum as 8 lower-case hex digits.',
  }),
];
