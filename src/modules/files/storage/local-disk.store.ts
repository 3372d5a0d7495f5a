import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ObjectMissingError, ObjectStore } from './object-store';

/**
 * Objects as files under `<DATA_DIR>/files/<2 chars>/<key>`. A write goes to a `.part` file
 * beside its target and is renamed once complete, so a reader never sees half an object and a
 * failed write leaves nothing.
 */
export class LocalDiskStore implements ObjectStore {
  readonly kind = 'local' as const;

  constructor(private readonly root: string) {}

  private path(key: string): string {
    if (!/^[a-z0-9-]+(\.[a-z0-9]+)?$/.test(key)) throw new Error(`bad object key ${key}`);
    return join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, body: Readable): Promise<void> {
    const target = this.path(key);
    await mkdir(join(target, '..'), { recursive: true });
    const partial = `${target}.${randomBytes(6).toString('hex')}.part`;
    try {
      await pipeline(body, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  }

  get(key: string): Promise<Readable> {
    const stream = createReadStream(this.path(key));
    return new Promise((resolve, reject) => {
      stream.once('open', () => resolve(stream));
      stream.once('error', (err: NodeJS.ErrnoException) =>
        reject(err.code === 'ENOENT' ? new ObjectMissingError(key) : err),
      );
    });
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(this.path(key), { force: true })));
  }
}
