import { htpasswdFile, htpasswdSalt, sha512Crypt } from '../../stacks/htpasswd';

/** Hashes printed by `openssl passwd -6 -salt <salt> <password>` (OpenSSL 3, Debian bookworm). */
const OPENSSL_VECTORS = [
  { password: 'hello', salt: 'saltsalt', rounds: undefined, hash: '$6$saltsalt$YTeBOLnmm3CoeJTzBuijUEtOEWCqrw/nQ8/AeMmON4LGp3k0ZiMjC1OdqzWFUAfDQBvYkOch9BWtQTBcZ1E/p0' },
  { password: 'correct horse', salt: 'abc', rounds: undefined, hash: '$6$abc$dv7vAygfDghQeO8lNAuLv4y4HAQXw9d6a14dcjFGfTijFc0S6MgzM7g53hZv6MaGDXhNpGxhpXakWuTlqHtzn.' },
  {
    password: 'Hello world!',
    salt: 'saltstring',
    rounds: 10000,
    hash: '$6$rounds=10000$saltstring$buk9gc9MDdd3Z11.ZzxK8sKnFNbxNdTnCf.XHjjiTHcgFuFgkKvBQPLIaUn4Ixl3TLN8ZgCk52MPgbWjATwhH0',
  },
  { password: 'pw', salt: 'toolongsaltstring0123', rounds: undefined, hash: '$6$toolongsaltstrin$HVORu0hdHsOheLM1WO9hf3tacVjHKywcUz1aTsZ5hYxepcv6cJl00D6EYvHRP50Nvzlq8DxhE70/.e8qOYWuN/' },
];

describe('sha512Crypt', () => {
  it.each(OPENSSL_VECTORS)('matches openssl passwd -6 for salt $salt', ({ password, salt, rounds, hash }) => {
    expect(sha512Crypt(password, salt, rounds)).toBe(hash);
  });

  it('rejects a salt outside the crypt alphabet and out-of-range rounds', () => {
    expect(() => sha512Crypt('pw', 'a$b')).toThrow('Invalid SHA-512-crypt salt "a$b": use 1-16 characters of [./0-9A-Za-z]');
    expect(() => sha512Crypt('pw', 'ab', 999)).toThrow('Invalid SHA-512-crypt rounds 999: use an integer from 1000 to 999999999');
  });
});

describe('htpasswdFile', () => {
  it('writes one sorted line per user with a per-stack, per-user salt, and no plaintext', () => {
    const file = htpasswdFile({ zoe: 'zoe-password-1', ops: 'ops-password-1' }, 'prod-cloud');
    const lines = file.trimEnd().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual(['ops', 'zoe']);
    expect(lines[0]).toBe(`ops:${sha512Crypt('ops-password-1', htpasswdSalt('prod-cloud', 'ops'))}`);
    expect(htpasswdSalt('prod-cloud', 'ops')).toMatch(/^[./0-9A-Za-z]{16}$/);
    expect(htpasswdSalt('dev-cloud', 'ops')).not.toBe(htpasswdSalt('prod-cloud', 'ops'));
    expect(file).not.toContain('password');
  });

  it('rejects a user name with the field separator', () => {
    expect(() => htpasswdFile({ 'a:b': 'x' }, 's')).toThrow(`Invalid basic-auth user name "a:b": it must be non-empty and contain no ':' or line break`);
  });
});
