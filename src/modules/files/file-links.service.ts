import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { signFileToken } from './file-links';

/** The download links of a file for one viewer (absolute when PUBLIC_URL is set). */
@Injectable()
export class FileLinks {
  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  url(file: { id: string; name: string }, viewerId: string): string {
    const token = signFileToken(this.config.jwtSecret, file.id, 'original', viewerId);
    return `${this.base()}/files/${file.id}/${encodeURIComponent(file.name)}?t=${token}`;
  }

  thumbnailUrl(file: { id: string }, viewerId: string): string {
    const token = signFileToken(this.config.jwtSecret, file.id, 'thumbnail', viewerId);
    return `${this.base()}/files/thumbnails/${file.id}?t=${token}`;
  }

  private base(): string {
    return (this.config.publicUrl ?? '').replace(/\/$/, '');
  }
}
