import { AppConfig } from './load-config';

/** Config once backing services are resolved: the database URL and JWT secret are always known here. */
export interface RuntimeConfig extends AppConfig {
  databaseUrl: string;
  jwtSecret: string;
}

export const RUNTIME_CONFIG = Symbol('RUNTIME_CONFIG');
