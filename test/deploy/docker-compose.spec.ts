import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES } from '../../src/config/config.schema';
import { loadConfig } from '../../src/config/load-config';

/** Static checks of the deployment files: no Docker engine is needed to run them. */
const ROOT = join(__dirname, '..', '..');

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number | boolean | null>;
  volumes?: string[];
  healthcheck?: { test?: string[] | string };
  depends_on?: Record<string, { condition?: string }>;
  restart?: string;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as ComposeFile;
const services = compose.services;
const app = services.app;

/** Compose interpolation, defaults only: `${VAR:-default}` gives the default, `${VAR:?message}` a 16-character test value. */
function interpolate(value: string): string {
  return value.replace(/\$\{(\w+)(?::?([-?])([^}]*))?\}/g, (_match, _name: string, op?: string, arg?: string) => {
    if (op === '-') return arg ?? '';
    if (op === '?') return 'test-value-16chr';
    return '';
  });
}

describe('docker-compose.yml', () => {
  it('declares exactly the app, the three official backing services, Mailpit and MinIO (with its bucket)', () => {
    expect(Object.keys(services).sort()).toEqual([
      'app',
      'mailpit',
      'meilisearch',
      'minio',
      'minio-bucket',
      'postgres',
      'redis',
    ]);
    expect(services.minio.image).toMatch(/^minio\/minio:/);
    expect(services.mailpit.image).toMatch(/^axllent\/mailpit:/);
    expect(app.environment?.SMTP_URL).toBe('${SMTP_URL:-smtp://mailpit:1025}');
    expect(app.build).toBe('.');
    expect(services.postgres.image).toBe('postgres:17');
    expect(services.redis.image).toBe('redis:7');
    expect(services.meilisearch.image).toBe('getmeili/meilisearch:v1.21');
  });

  it.each(['app', 'postgres', 'redis', 'meilisearch'])(
    '%s has a healthcheck, a named volume and a restart policy',
    (name) => {
      const service = services[name];
      expect(service.healthcheck?.test).toBeDefined();
      expect(service.restart).toBe('unless-stopped');
      const sources = (service.volumes ?? []).map((volume) => volume.split(':')[0]);
      expect(sources.some((source) => Object.keys(compose.volumes ?? {}).includes(source))).toBe(true);
    },
  );

  it('starts the app only once its dependencies are healthy', () => {
    for (const dependency of ['postgres', 'redis', 'meilisearch']) {
      expect(app.depends_on?.[dependency]?.condition).toBe('service_healthy');
    }
  });

  it('passes the app only variables the config knows', () => {
    const keys = Object.keys(app.environment ?? {});
    expect(keys.length).toBeGreaterThan(0);
    const known: readonly string[] = CONFIG_VARIABLES;
    expect(keys.filter((key) => !known.includes(key))).toEqual([]);
  });

  it('gives the app an environment that loadConfig accepts as production', () => {
    const resolved: NodeJS.ProcessEnv = Object.fromEntries(
      Object.entries(app.environment ?? {}).map(([key, value]) => [key, interpolate(String(value ?? ''))]),
    );
    expect(() => loadConfig(resolved)).not.toThrow();
    const config = loadConfig(resolved);
    expect(config.isProduction).toBe(true);
    expect(config.databaseUrl).toMatch(/^postgres:\/\/maillage:.+@postgres:5432\/maillage$/);
    expect(config.redisUrl).toBe('redis://redis:6379');
    expect(config.meiliUrl).toBe('http://meilisearch:7700');
    expect(config.bootstrap).toBeDefined();
  });
});

describe('Dockerfile', () => {
  // Join continuation lines, drop comments and blanks, keep the instructions of the last stage.
  const instructions = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const lastFrom = instructions.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true);
  const finalStage = instructions.slice(lastFrom);
  const argumentOf = (keyword: string): string | undefined =>
    finalStage
      .filter((line) => line.toUpperCase().startsWith(`${keyword} `))
      .pop()
      ?.slice(keyword.length)
      .trim();

  it('runs on node:22-slim, as a non-root user, with dist/main.js', () => {
    expect(lastFrom).toBeGreaterThan(0); // multi-stage: the build stage comes first
    expect(argumentOf('FROM')?.split(/\s+/)[0]).toBe('node:22-slim');
    const user = argumentOf('USER');
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user?.split(':')[0]);
    const cmd = JSON.parse(argumentOf('CMD') ?? '[]') as string[];
    expect(cmd).toEqual(['node', 'dist/main.js']);
  });
});
