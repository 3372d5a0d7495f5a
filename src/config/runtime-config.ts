import { AppConfig } from './load-config';

/** Config once backing services are resolved: database, search and JWT secret are always known here. */
export interface RuntimeConfig extends AppConfig {
  databaseUrl: string;
  jwtSecret: string;
  meiliUrl: string;
}

export const RUNTIME_CONFIG = Symbol('RUNTIME_CONFIG');
