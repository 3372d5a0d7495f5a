import { Module } from '@nestjs/common';
import { PrivacyExportController } from './privacy-export.controller';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';

@Module({
  controllers: [PrivacyExportController],
  providers: [PrivacyService, PrivacyResolver],
  exports: [PrivacyService],
})
export class PrivacyModule {}
