import { createHash } from 'node:crypto';
import { UserPasswords } from './credentials';

/** The crypt(3) base-64 alphabet. */
const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Default rounds of SHA-512-crypt; the hash is checked on every authenticated HTTP request. */
export const SHA512_CRYPT_DEFAULT_ROUNDS = 5000;

/** Byte order in which SHA-512-crypt encodes its 64-byte digest, three bytes (four characters) at a time. */
const ENCODING_ORDER: readonly (readonly [number, number, number])[] = [
  [0, 21, 42], [22, 43, 1], [44, 2, 23], [3, 24, 45], [25, 46, 4], [47, 5, 26], [6, 27, 48],
  [28, 49, 7], [50, 8, 29], [9, 30, 51], [31, 52, 10], [53, 11, 32], [12, 33, 54], [34, 55, 13],
  [56, 14, 35], [15, 36, 57], [37, 58, 16], [59, 17, 38], [18, 39, 60], [40, 61, 19], [62, 20, 41],
];

function sha512(...parts: Buffer[]): Buffer {
  const hash = createHash('sha512');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** `length` bytes of `block` repeated. */
function repeatTo(block: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += block.length) block.copy(out, i, 0, Math.min(block.length, length - i));
  return out;
}

function encode24(b2: number, b1: number, b0: number, chars: number): string {
  let w = (b2 << 16) | (b1 << 8) | b0;
  let out = '';
  for (let i = 0; i < chars; i++, w >>= 6) out += ITOA64[w & 0x3f];
  return out;
}

/**
 * SHA-512-crypt (`$6$`), the crypt(3) scheme of glibc and musl, which nginx's `auth_basic_user_file` (and so
 * ingress-nginx basic auth) verifies through crypt().
 *
 * @param password - plaintext password
 * @param salt - at most 16 characters of `[./0-9A-Za-z]` (longer salts are truncated, as crypt does)
 * @param rounds - rounds, 1000..999999999 @default 5000 (then omitted from the output, as crypt does)
 * @returns `$6$<salt>$<86 chars>` or `$6$rounds=<n>$<salt>$<86 chars>`
 * @throws Error when the salt has characters outside the alphabet or the rounds are out of range
 * @see https://www.akkadia.org/drepper/SHA-crypt.txt
 * @see https://nginx.org/en/docs/http/ngx_http_auth_basic_module.html#auth_basic_user_file
 */
export function sha512Crypt(password: string, salt: string, rounds = SHA512_CRYPT_DEFAULT_ROUNDS): string {
  if (!/^[./0-9A-Za-z]+$/.test(salt)) throw new Error(`Invalid SHA-512-crypt salt ${JSON.stringify(salt)}: use 1-16 characters of [./0-9A-Za-z]`);
  if (!Number.isInteger(rounds) || rounds < 1000 || rounds > 999_999_999) {
    throw new Error(`Invalid SHA-512-crypt rounds ${rounds}: use an integer from 1000 to 999999999`);
  }
  const p = Buffer.from(password, 'utf8');
  const s = Buffer.from(salt.slice(0, 16), 'ascii');
  const b = sha512(p, s, p);
  const aParts: Buffer[] = [p, s, repeatTo(b, p.length)];
  for (let n = p.length; n > 0; n >>= 1) aParts.push(n & 1 ? b : p);
  const a = sha512(...aParts);
  const pBytes = repeatTo(sha512(...Array<Buffer>(p.length).fill(p)), p.length);
  const sBytes = repeatTo(sha512(...Array<Buffer>(16 + a[0]).fill(s)), s.length);
  let c = a;
  for (let r = 0; r < rounds; r++) {
    const parts: Buffer[] = [r & 1 ? pBytes : c];
    if (r % 3) parts.push(sBytes);
    if (r % 7) parts.push(pBytes);
    parts.push(r & 1 ? c : pBytes);
    c = sha512(...parts);
  }
  const hash = ENCODING_ORDER.map(([x, y, z]) => encode24(c[x], c[y], c[z], 4)).join('') + encode24(0, 0, c[63], 2);
  const roundsField = rounds === SHA512_CRYPT_DEFAULT_ROUNDS ? '' : `rounds=${rounds}$`;
  return `$6$${roundsField}${s.toString('ascii')}$${hash}`;
}

/**
 * The salt of one user: 16 crypt characters from SHA-256(`edgestack/htpasswd`, scope, username). Deterministic
 * so that an unchanged user list yields an identical file (no diff on `pulumi up`); unique per stack and user.
 */
export function htpasswdSalt(scope: string, username: string): string {
  const digest = createHash('sha256').update(`edgestack/htpasswd\0${scope}\0${username}`).digest();
  return Array.from(digest.subarray(0, 16), (byte) => ITOA64[byte & 0x3f]).join('');
}

/**
 * An htpasswd file, `<user>:<sha512-crypt hash>` per line sorted by user name, for the `auth` key of an
 * ingress-nginx basic-auth Secret.
 * @param users - `{ "<username>": "<password>" }`; names must not contain `:`
 * @param scope - salt scope, the stack name
 * @throws Error when a user name contains `:` or a line break
 * @see https://kubernetes.github.io/ingress-nginx/examples/auth/basic/
 */
export function htpasswdFile(users: UserPasswords, scope: string): string {
  return Object.keys(users)
    .sort()
    .map((username) => {
      if (username === '' || /[:\r\n]/.test(username)) {
        throw new Error(`Invalid basic-auth user name ${JSON.stringify(username)}: it must be non-empty and contain no ':' or line break`);
      }
      return `${username}:${sha512Crypt(users[username], htpasswdSalt(scope, username))}\n`;
    })
    .join('');
}
