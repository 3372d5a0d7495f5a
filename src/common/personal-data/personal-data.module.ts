import { Global, Injectable, Module } from '@nestjs/common';
import { PersonalDataRegistry } from './personal-data.registry';

/** The app's registry: each feature module declares its tables in its module class's constructor. */
@Injectable()
export class PersonalData extends PersonalDataRegistry {}

@Global()
@Module({ providers: [PersonalData], exports: [PersonalData] })
export class PersonalDataModule {}
