import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Authenticated } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { PrivacyService } from './privacy.service';

/** `exportMyData` as a file to save (RGPD portability): `GET /me/export.json` with the bearer token. */
@Authenticated()
@Controller('me')
export class PrivacyExportController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get('export.json')
  async export(@CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) res: Response) {
    const day = new Date().toISOString().slice(0, 10);
    res.setHeader('content-disposition', `attachment; filename="maillage-mes-donnees-${day}.json"`);
    res.setHeader('cache-control', 'no-store');
    return this.privacy.exportMyData(viewer.id);
  }
}
