import { z } from 'zod';
import { EMAIL_PATTERN } from '../common/validation/email';

/**
 * Every environment variable Maillage reads, with its rule and default.
 * This schema is the single source of truth: `loadConfig` validates against it,
 * and the docker-compose test checks the app's environment against its keys.
 */
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .min(1)
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
    )
    .optional();

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const positiveInt = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  MEILI_URL: optionalUrl(['http:', 'https:']),
  MEILI_MASTER_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/, 'must be 1 to 40 characters among a-z, 0-9 and _')
    .default('maillage'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  CORS_ORIGINS: z.string().default(''),
  PUBLIC_URL: optionalUrl(['http:', 'https:']),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^[^<>]*<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$/, 'must be an address, or "Name <address>"')
    .default('Maillage <no-reply@localhost>'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(5, 'must be between 5 and 3600')
    .max(3600, 'must be between 5 and 3600')
    .default(900),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  DATA_RETENTION_MONTHS: positiveInt.default(24),
  RATE_LIMIT_SCALE: z.coerce.number({ message: 'must be a number' }).positive('must be above 0').default(1),
  LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: positiveInt.default(5),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt.default(10),
  LOGIN_MAX_FAILURES_PER_IP: positiveInt.default(100),
  BOOTSTRAP_FEDERATION_NAME: z.string().trim().min(1).max(200).optional(),
  BOOTSTRAP_ADMIN_EMAIL: z.string().trim().regex(EMAIL_PATTERN, 'must be an email address').optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  QUESTION_ESCALATION_HOURS: positiveInt.default(48),
  MAX_UPLOAD_MB: positiveInt.max(1024, 'must be at most 1024').default(25),
  S3_URL: optionalUrl(['http:', 'https:']),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name (3 to 63 characters among a-z, 0-9, . and -)')
    .optional(),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
});

export type RawConfig = z.infer<typeof configSchema>;
export const CONFIG_VARIABLES = Object.keys(configSchema.shape) as (keyof RawConfig)[];
