import { Provider } from '@nestjs/common';
import { join } from 'node:path';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../../config/runtime-config';
import { LocalDiskStore } from './local-disk.store';
import { OBJECT_STORE, ObjectStore } from './object-store';
import { S3Store } from './s3.store';

/** S3 when S3_URL and S3_BUCKET are set; the local disk under DATA_DIR/files otherwise. */
export const objectStoreProvider: Provider = {
  provide: OBJECT_STORE,
  inject: [RUNTIME_CONFIG],
  useFactory: (config: RuntimeConfig): ObjectStore =>
    config.s3 ? new S3Store(config.s3) : new LocalDiskStore(join(config.dataDir, 'files')),
};
