/**
 * A KeyValueStore that keeps one JSON file per key under a folder (the preview uses
 * .preview-data/), so the preview's settings and reports survive a restart. Writes go
 * through a temporary file and a rename so a crash never leaves half a value.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { STORE_PAGE_SIZE, type KeyValueStore } from '../../src/forge/deps';
import { serialiseForKvs } from '../../src/forge/storage/kvs-limits';

const SUFFIX = '.json';

// Keys hold ':' and '/' (e.g. "report:project:HR"); encode them into safe file names.
const fileNameOf = (key: string) => encodeURIComponent(key).replace(/\*/g, '%2A') + SUFFIX;
const keyOf = (file: string) => decodeURIComponent(file.slice(0, -SUFFIX.length));

export function createFileStore(dir: string): KeyValueStore {
  let ready: Promise<unknown> | undefined;
  const ensureDir = () => (ready ??= fs.mkdir(dir, { recursive: true }));
  let counter = 0;

  async function readFile<T>(file: string): Promise<T | undefined> {
    try {
      return JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as T;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  return {
    async get<T>(key: string) {
      await ensureDir();
      return readFile<T>(fileNameOf(key));
    },
    async set<T>(key: string, value: T) {
      await ensureDir();
      const target = path.join(dir, fileNameOf(key));
      const tmp = `${target}.${process.pid}.${++counter}.tmp`;
      await fs.writeFile(tmp, serialiseForKvs(key, value), 'utf8');
      await fs.rename(tmp, target);
    },
    async createIfAbsent<T>(key: string, value: T) {
      await ensureDir();
      try {
        // 'wx' fails when the file exists: the file system makes the claim atomic.
        await fs.writeFile(path.join(dir, fileNameOf(key)), serialiseForKvs(key, value), { encoding: 'utf8', flag: 'wx' });
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e;
      }
    },
    async delete(key: string) {
      await ensureDir();
      await fs.rm(path.join(dir, fileNameOf(key)), { force: true });
    },
    async list<T>(prefix: string) {
      await ensureDir();
      const files = (await fs.readdir(dir)).filter((f) => f.endsWith(SUFFIX)).sort();
      const out: { key: string; value: T }[] = [];
      for (const file of files) {
        const key = keyOf(file);
        if (!key.startsWith(prefix)) continue;
        const value = await readFile<T>(file);
        if (value !== undefined) out.push({ key, value });
      }
      return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
    async listPage<T>(prefix: string, cursor?: string) {
      await ensureDir();
      // The cursor is the last key of the page before.
      const keys = (await fs.readdir(dir))
        .filter((f) => f.endsWith(SUFFIX))
        .map(keyOf)
        .filter((k) => k.startsWith(prefix) && (cursor === undefined || k > cursor))
        .sort();
      const page = keys.slice(0, STORE_PAGE_SIZE);
      const entries: { key: string; value: T }[] = [];
      for (const key of page) {
        const value = await readFile<T>(fileNameOf(key));
        if (value !== undefined) entries.push({ key, value });
      }
      return keys.length > page.length ? { entries, cursor: page[page.length - 1]! } : { entries };
    },
  };
}
