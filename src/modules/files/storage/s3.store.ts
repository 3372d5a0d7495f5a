import { DeleteObjectCommand, GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { ObjectMissingError, ObjectStore, StorageUnavailableError } from './object-store';

export interface S3Settings {
  url: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/**
 * Objects in an S3-compatible bucket (AWS, MinIO, Scaleway, OVH…), path-style. Uploads stream in
 * 8 MB parts (lib-storage); a failed multipart upload is aborted, so no half object remains.
 * Timeouts are short and retries few: when the store is down, an upload fails in seconds with 503
 * rather than hanging.
 */
export class S3Store implements ObjectStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      endpoint: settings.url,
      region: settings.region,
      forcePathStyle: true,
      maxAttempts: 2,
      // Checksums only where S3 requires them: since 2025 the SDK otherwise sends streamed bodies
      // in aws-chunked encoding with trailers, which many S3-compatible stores do not understand.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 60_000 },
      ...(settings.accessKeyId && settings.secretAccessKey
        ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
        : {}),
    });
  }

  async put(key: string, body: Readable, size: number, contentType: string): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.settings.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: size },
      partSize: 8 * 1024 * 1024,
      queueSize: 2,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (err) {
      body.destroy();
      throw new StorageUnavailableError(err);
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      if (!(answer.Body instanceof Readable)) throw new Error('S3 answered without a body stream');
      return answer.Body;
    } catch (err) {
      if (err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404))
        throw new ObjectMissingError(key);
      throw new StorageUnavailableError(err);
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      try {
        await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      } catch (err) {
        if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404) continue;
        throw new StorageUnavailableError(err);
      }
    }
  }
}
