import type { Readable } from 'node:stream';

/**
 * Where file contents live: local disk or an S3-compatible store, invisible to clients. Keys are
 * ours (random ids), never a user's file name. `put` is all or nothing: a failed or cut write
 * leaves no object behind.
 */
export interface ObjectStore {
  readonly kind: 'local' | 's3';
  put(key: string, body: Readable, size: number, contentType: string): Promise<void>;
  /** The object's bytes; `ObjectMissingError` when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the objects; keys without an object are ignored. */
  delete(keys: string[]): Promise<void>;
}

export const OBJECT_STORE = Symbol('OBJECT_STORE');

/** The store cannot be reached (S3 down): uploads answer 503, nothing half-written. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The object store is unavailable', { cause });
    this.name = 'StorageUnavailableError';
  }
}

export class ObjectMissingError extends Error {
  constructor(key: string) {
    super(`No object ${key}`);
    this.name = 'ObjectMissingError';
  }
}
