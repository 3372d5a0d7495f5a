import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { UsersModule } from '../users/users.module';
import { FileEntity } from './file.entity';
import { FileLinks } from './file-links.service';
import { FilesCleanup } from './files-cleanup.service';
import { FilesController } from './files.controller';
import { FILES_PERSONAL_DATA } from './files.personal-data';
import { FileResolver, GroupDocumentsResolver, PostFilesResolver } from './files.resolver';
import { FilesService } from './files.service';
import { objectStoreProvider } from './storage/object-store.provider';

@Module({
  imports: [TypeOrmModule.forFeature([FileEntity]), UsersModule],
  controllers: [FilesController],
  providers: [
    objectStoreProvider,
    FilesService,
    FilesCleanup,
    FileLinks,
    FileResolver,
    PostFilesResolver,
    GroupDocumentsResolver,
  ],
  exports: [FilesService],
})
export class FilesModule {
  constructor(personalData: PersonalData) {
    personalData.declare(FILES_PERSONAL_DATA);
  }
}
