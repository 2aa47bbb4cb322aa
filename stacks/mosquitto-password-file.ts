import { createHash, pbkdf2Sync } from 'node:crypto';
import { UserPasswords } from './credentials';

/** PBKDF2 iterations `mosquitto_passwd` 2.x uses by default (its `-I` option). */
export const MOSQUITTO_PBKDF2_ITERATIONS = 101;

/** Salt length of `mosquitto_passwd` 2.x, in bytes. */
export const MOSQUITTO_SALT_BYTES = 12;

/** Length of a SHA-512 digest, in bytes: the PBKDF2 output length mosquitto uses. */
const SHA512_BYTES = 64;

/**
 * One line of a Mosquitto 2.x password file: `<username>:$7$<iterations>$<base64 salt>$<base64 hash>`, where the
 * hash is PBKDF2-HMAC-SHA512(password, salt, iterations) with a 64-byte output (the `sha512-pbkdf2` hash type,
 * the default of `mosquitto_passwd` since 2.0).
 *
 * @param username - user name; must not contain `:`
 * @param password - plaintext password
 * @param salt - salt bytes (mosquitto uses 12)
 * @param iterations - PBKDF2 iterations @default 101
 * @throws Error when the username is empty or contains `:` or a line break
 * @see https://mosquitto.org/man/mosquitto_passwd-1.html
 * @see https://mosquitto.org/man/mosquitto-conf-5.html (`password_file`)
 */
export function mosquittoPasswordLine(username: string, password: string, salt: Buffer, iterations = MOSQUITTO_PBKDF2_ITERATIONS): string {
  if (username === '' || /[:\r\n]/.test(username)) {
    throw new Error(`Invalid Mosquitto user name ${JSON.stringify(username)}: it must be non-empty and contain no ':' or line break`);
  }
  const hash = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, SHA512_BYTES, 'sha512');
  return `${username}:$7$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/**
 * The salt of one user: the first 12 bytes of SHA-256(`edgestack/mosquitto_passwd`, scope, username).
 *
 * Deterministic on purpose: an unchanged user list gives a byte-identical password file, so `pulumi up` shows no
 * diff and the broker is not restarted. The salt stays unique per site (`scope` is the stack name) and user, which
 * is what a salt is for; it does not need to be secret.
 */
export function mosquittoSalt(scope: string, username: string): Buffer {
  return createHash('sha256').update(`edgestack/mosquitto_passwd\0${scope}\0${username}`).digest().subarray(0, MOSQUITTO_SALT_BYTES);
}

/**
 * A complete Mosquitto password file for `users`, one line per user sorted by user name, ending in a newline.
 * @param users - `{ "<username>": "<password>" }`
 * @param scope - salt scope, the stack name (e.g. `prod-dc24`)
 * @param iterations - PBKDF2 iterations @default 101
 * @throws Error when a user name is invalid (see {@link mosquittoPasswordLine})
 */
export function mosquittoPasswordFile(users: UserPasswords, scope: string, iterations = MOSQUITTO_PBKDF2_ITERATIONS): string {
  return Object.keys(users)
    .sort()
    .map((username) => mosquittoPasswordLine(username, users[username], mosquittoSalt(scope, username), iterations))
    .map((line) => `${line}\n`)
    .join('');
}
