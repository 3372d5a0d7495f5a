import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Authenticated, Public } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { sendHttpError } from '../../common/errors/http-error';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { Inject } from '@nestjs/common';
import { createLogger } from '../../common/logging/logger';
import { FileEntity } from './file.entity';
import { contentDisposition, FileVariant, verifyFileToken } from './file-links';
import { FileLinks } from './file-links.service';
import { UploadAnswer } from './file.model';
import { FilesService } from './files.service';
import { ObjectMissingError, StorageUnavailableError } from './storage/object-store';
import { UploadRefusedError } from './upload-receiver';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How long a client should wait before retrying while the object store is away. */
const STORAGE_RETRY_AFTER_S = 30;

/**
 * `POST /files` (multipart field `file`, bearer token) and the downloads. A download link carries
 * a token bound to the viewer (see file-links.ts); access is checked again on every download, and
 * anything the viewer may not read is a 404, exactly like a file that does not exist.
 */
@Controller('files')
export class FilesController {
  private readonly logger = createLogger(FilesController.name);

  constructor(
    private readonly files: FilesService,
    private readonly links: FileLinks,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  @Authenticated()
  @Post()
  @HttpCode(201)
  async upload(@CurrentViewer() viewer: Viewer, @Req() req: Request, @Res() res: Response): Promise<void> {
    let file: FileEntity;
    try {
      file = await this.files.upload(viewer.id, req);
    } catch (err) {
      if (err instanceof UploadRefusedError) {
        if (err.status === 413) sendHttpError(res, 413, 'PAYLOAD_TOO_LARGE', err.message, { reason: 'FILE_TOO_LARGE' });
        else if (err.status === 415)
          sendHttpError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', err.message, { reason: 'FILE_TYPE_REFUSED' });
        else sendHttpError(res, 400, 'BAD_USER_INPUT', err.message, { reason: 'INVALID_INPUT', fields: ['file'] });
        return;
      }
      if (err instanceof StorageUnavailableError) {
        this.logger.warn({ err: err.cause }, 'upload refused: the object store is unavailable');
        sendHttpError(res, 503, 'SERVICE_UNAVAILABLE', 'File storage is unavailable for a moment; retry shortly', {
          reason: 'STORAGE_UNAVAILABLE',
          retryAfter: STORAGE_RETRY_AFTER_S,
        });
        return;
      }
      throw err;
    }
    const answer: UploadAnswer = {
      id: file.id,
      name: file.name,
      mimeType: file.mimeType,
      size: file.size,
      url: this.links.url(file, viewer.id),
      thumbnailUrl: file.thumbnailKey ? this.links.thumbnailUrl(file, viewer.id) : null,
    };
    res.status(201).setHeader('cache-control', 'no-store');
    res.json(answer);
  }

  // Declared before `:id/:name`, which would otherwise take it.
  @Public()
  @Get('thumbnails/:id')
  async thumbnail(@Param('id') id: string, @Query('t') token: unknown, @Res() res: Response): Promise<void> {
    await this.send(id, token, 'thumbnail', res);
  }

  @Public()
  @Get(':id/:name')
  async download(@Param('id') id: string, @Query('t') token: unknown, @Res() res: Response): Promise<void> {
    await this.send(id, token, 'original', res);
  }

  private async send(id: string, token: unknown, variant: FileVariant, res: Response): Promise<void> {
    const viewerId =
      UUID.test(id) && typeof token === 'string' ? verifyFileToken(this.config.jwtSecret, id, variant, token) : null;
    const file = viewerId ? await this.files.readable(viewerId, id) : null;
    const key = variant === 'thumbnail' ? file?.thumbnailKey : file?.storageKey;
    if (!file || !key) return notFound(res);
    let body: Readable;
    try {
      body = await this.files.store.get(key);
    } catch (err) {
      if (err instanceof ObjectMissingError) return notFound(res);
      if (err instanceof StorageUnavailableError) {
        sendHttpError(res, 503, 'SERVICE_UNAVAILABLE', 'File storage is unavailable for a moment; retry shortly', {
          reason: 'STORAGE_UNAVAILABLE',
          retryAfter: STORAGE_RETRY_AFTER_S,
        });
        return;
      }
      throw err;
    }
    const thumbnail = variant === 'thumbnail';
    const type = thumbnail ? 'image/webp' : file.mimeType;
    res.status(200);
    res.setHeader('content-type', type.startsWith('text/') ? `${type}; charset=utf-8` : type);
    if (!thumbnail) res.setHeader('content-length', String(file.size));
    // Thumbnails are shown in pages; everything else is saved, never rendered by the browser.
    res.setHeader(
      'content-disposition',
      contentDisposition(thumbnail ? 'inline' : 'attachment', thumbnail ? `${file.name}.webp` : file.name),
    );
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, max-age=3600');
    res.setHeader('content-security-policy', "default-src 'none'; sandbox");
    res.setHeader('referrer-policy', 'no-referrer');
    try {
      await pipeline(body, res);
    } catch (err) {
      // The client went away, or the store failed mid-way (the response is then cut short).
      this.logger.debug({ err, fileId: id }, 'download ended early');
    }
  }
}

function notFound(res: Response): void {
  sendHttpError(res, 404, 'NOT_FOUND', 'File not found', { reason: 'FILE_NOT_FOUND' });
}
