import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file holding the pid of the process that owns a data directory. */
export const OWNER_FILE = 'edgestack.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims `dataDir` for this process and clears the lock a killed owner left behind.
 *
 * node-sqlite3-wasm locks a database by creating the directory `<file>.lock`; a process killed with `kill -9`
 * leaves it, and every later open would get "database is locked". The owner pid file tells a stale lock (owner
 * gone, or our own pid after a container restart) from a live one. A hot rollback journal left by the killed
 * process is then rolled back by SQLite itself on the first read.
 *
 * @throws Error naming the pid when another live process owns the directory.
 */
export function claimDataDir(dataDir: string, dbFile: string): void {
  const ownerPath = join(dataDir, OWNER_FILE);
  let owner = 0;
  try {
    owner = Number(readFileSync(ownerPath, 'utf8').trim());
  } catch {
    owner = 0;
  }
  if (owner > 0 && owner !== process.pid && alive(owner)) {
    throw new Error(`data directory "${dataDir}" is in use by process ${owner}; stop it or set EDGESTACK_DATA_DIR to another directory`);
  }
  rmSync(`${join(dataDir, dbFile)}.lock`, { recursive: true, force: true });
  writeFileSync(ownerPath, `${process.pid}\n`);
}

/** Releases the claim if this process holds it. */
export function releaseDataDir(dataDir: string): void {
  const ownerPath = join(dataDir, OWNER_FILE);
  try {
    if (Number(readFileSync(ownerPath, 'utf8').trim()) === process.pid) rmSync(ownerPath, { force: true });
  } catch {
    // nothing to release
  }
}
