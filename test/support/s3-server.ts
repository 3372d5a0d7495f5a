// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- s3rver ships no types; ts-jest needs the declaration named
/// <reference path="./s3rver.d.ts" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface S3Server {
  url: string;
  bucket: string;
  env: Record<string, string>;
  /** Objects stored, by key. */
  directory: string;
  stop(): Promise<void>;
}

/**
 * A real S3-compatible server in the test process (npm `s3rver`: the S3 REST API over the local
 * disk; MinIO has no npm binary). Path-style, static test credentials.
 */
export async function startS3Server(bucket = 'maillage-test'): Promise<S3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'maillage-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  const url = `http://127.0.0.1:${address.port}`;
  let stopped = false;
  return {
    url,
    bucket,
    directory,
    env: {
      S3_URL: url,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_REGION: 'us-east-1',
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.close();
    },
  };
}

/** Removes what a stopped server kept. */
export function removeS3Data(server: S3Server): void {
  rmSync(server.directory, { recursive: true, force: true });
}
