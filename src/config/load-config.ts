import { resolve } from 'node:path';
import { configSchema, RawConfig } from './config.schema';

/** Typed, validated configuration. Built once at start; nothing else reads process.env. */
export interface AppConfig {
  env: RawConfig['NODE_ENV'];
  isProduction: boolean;
  port: number;
  host: string;
  databaseUrl?: string;
  redisUrl?: string;
  meiliUrl?: string;
  meiliMasterKey?: string;
  /** Index names start with it, so several deployments (or test files) can share one Meilisearch. */
  meiliIndexPrefix: string;
  /** Absent in development until the launcher generates one under dataDir. */
  jwtSecret?: string;
  dataDir: string;
  logLevel: RawConfig['LOG_LEVEL'];
  /** Readable lines in development, JSON lines otherwise (LOG_FORMAT overrides). */
  logFormat: 'json' | 'pretty';
  corsOrigins: string[];
  /** The address people open (`https://maillage.example.org`): the web client's origin behind a proxy. */
  publicUrl?: string;
  /** `smtp://user:pass@host:port` (or smtps://); without it e-mails are written under dataDir/mail. */
  smtpUrl?: string;
  /** The sender of every e-mail, `Name <address>`; the display name gains the organisation's name. */
  mailFrom: string;
  /** Lifetime of an access token; 15 minutes unless a test shortens it. */
  accessTokenTtlSeconds: number;
  trustProxy: boolean;
  /** Password failures allowed per (account, IP), per account and per IP (see LoginThrottle). */
  loginLimits: { perAccountAndIp: number; perAccount: number; perIp: number };
  /** Multiplies every operation rate limit (not login): above 1 for load tests, below to tighten. */
  rateLimitScale: number;
  /** Personal data of people whose last membership ended longer ago than this is purged. */
  dataRetentionMonths: number;
  bootstrap?: { federationName: string; adminEmail: string; adminPassword: string };
  /** A routed question still unanswered after this many hours goes to 3 more people; after twice that, to managers and staff. */
  questionEscalationHours: number;
  /** The largest file `POST /files` accepts (MAX_UPLOAD_MB), in bytes. */
  maxUploadBytes: number;
  /** An S3-compatible object store for files; without it they live under dataDir/files. */
  s3?: { url: string; bucket: string; region: string; accessKeyId?: string; secretAccessKey?: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const BOOTSTRAP_KEYS = ['BOOTSTRAP_FEDERATION_NAME', 'BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD'] as const;

/** Validates an environment (process.env by default) and returns typed config, or throws ConfigError with one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings count as unset: docker-compose often passes `VAR=` through.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      problems.push(`${name} ${issue.message} (got ${JSON.stringify(present[name] ?? null)})`);
    }
    throw new ConfigError(problems);
  }
  const raw = parsed.data;
  if (raw.NODE_ENV === 'production' && !raw.JWT_SECRET) {
    problems.push('JWT_SECRET is required when NODE_ENV=production');
  }
  const givenBootstrap = BOOTSTRAP_KEYS.filter((key) => raw[key] !== undefined);
  if (givenBootstrap.length > 0 && givenBootstrap.length < BOOTSTRAP_KEYS.length) {
    for (const key of BOOTSTRAP_KEYS.filter((k) => raw[k] === undefined)) {
      problems.push(`${key} is required when ${givenBootstrap.join(', ')} is set`);
    }
  }
  if (raw.S3_URL && !raw.S3_BUCKET) problems.push('S3_BUCKET is required when S3_URL is set');
  if (raw.S3_BUCKET && !raw.S3_URL) problems.push('S3_URL is required when S3_BUCKET is set');
  if (Boolean(raw.S3_ACCESS_KEY_ID) !== Boolean(raw.S3_SECRET_ACCESS_KEY))
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither');
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: raw.NODE_ENV,
    isProduction: raw.NODE_ENV === 'production',
    port: raw.PORT,
    host: raw.HOST,
    databaseUrl: raw.DATABASE_URL,
    redisUrl: raw.REDIS_URL,
    meiliUrl: raw.MEILI_URL,
    meiliMasterKey: raw.MEILI_MASTER_KEY,
    meiliIndexPrefix: raw.MEILI_INDEX_PREFIX,
    jwtSecret: raw.JWT_SECRET,
    dataDir: resolve(raw.DATA_DIR),
    logLevel: raw.LOG_LEVEL,
    logFormat: raw.LOG_FORMAT ?? (raw.NODE_ENV === 'development' ? 'pretty' : 'json'),
    corsOrigins: raw.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    publicUrl: raw.PUBLIC_URL,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    accessTokenTtlSeconds: raw.ACCESS_TOKEN_TTL_SECONDS,
    trustProxy: raw.TRUST_PROXY === 'true',
    loginLimits: {
      perAccountAndIp: raw.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP,
      perAccount: raw.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perIp: raw.LOGIN_MAX_FAILURES_PER_IP,
    },
    rateLimitScale: raw.RATE_LIMIT_SCALE,
    dataRetentionMonths: raw.DATA_RETENTION_MONTHS,
    questionEscalationHours: raw.QUESTION_ESCALATION_HOURS,
    bootstrap:
      raw.BOOTSTRAP_FEDERATION_NAME && raw.BOOTSTRAP_ADMIN_EMAIL && raw.BOOTSTRAP_ADMIN_PASSWORD
        ? {
            federationName: raw.BOOTSTRAP_FEDERATION_NAME,
            adminEmail: raw.BOOTSTRAP_ADMIN_EMAIL.toLowerCase(),
            adminPassword: raw.BOOTSTRAP_ADMIN_PASSWORD,
          }
        : undefined,
    maxUploadBytes: raw.MAX_UPLOAD_MB * 1024 * 1024,
    s3:
      raw.S3_URL && raw.S3_BUCKET
        ? {
            url: raw.S3_URL,
            bucket: raw.S3_BUCKET,
            region: raw.S3_REGION,
            accessKeyId: raw.S3_ACCESS_KEY_ID,
            secretAccessKey: raw.S3_SECRET_ACCESS_KEY,
          }
        : undefined,
  };
}
