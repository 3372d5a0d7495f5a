import { ConfigError, loadConfig } from './load-config';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs with no configuration at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, env: 'development', isProduction: false, databaseUrl: undefined });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'not a url'],
    ['MEILI_URL', 'ftp://meili'],
    ['JWT_SECRET', 'short'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
    ['BOOTSTRAP_ADMIN_PASSWORD', 'short'],
    ['PUBLIC_URL', 'maillage.example.org'],
    ['ACCESS_TOKEN_TTL_SECONDS', '2'],
    ['ACCESS_TOKEN_TTL_SECONDS', '86400'],
  ])('names %s when it is %j', (name, value) => {
    const found = problems({ [name]: value });
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found[0].startsWith(`${name} `)).toBe(true);
  });

  it('keeps access tokens 15 minutes unless told otherwise', () => {
    expect(loadConfig({}).accessTokenTtlSeconds).toBe(900);
    expect(loadConfig({ ACCESS_TOKEN_TTL_SECONDS: '10' }).accessTokenTtlSeconds).toBe(10);
    expect(loadConfig({ PUBLIC_URL: 'https://maillage.example.org' }).publicUrl).toBe('https://maillage.example.org');
  });

  it('gives one line per bad variable', () => {
    expect(problems({ PORT: 'x', JWT_SECRET: 'y' })).toHaveLength(2);
  });

  it('requires JWT_SECRET in production', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual(['JWT_SECRET is required when NODE_ENV=production']);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).isProduction).toBe(true);
  });

  it('wants all three bootstrap variables or none', () => {
    expect(problems({ BOOTSTRAP_ADMIN_EMAIL: 'a@b.fr' })).toEqual([
      'BOOTSTRAP_FEDERATION_NAME is required when BOOTSTRAP_ADMIN_EMAIL is set',
      'BOOTSTRAP_ADMIN_PASSWORD is required when BOOTSTRAP_ADMIN_EMAIL is set',
    ]);
    const config = loadConfig({
      BOOTSTRAP_FEDERATION_NAME: 'Fédération',
      BOOTSTRAP_ADMIN_EMAIL: 'Admin@Localhost',
      BOOTSTRAP_ADMIN_PASSWORD: 'long-enough-password',
    });
    expect(config.bootstrap).toEqual({
      federationName: 'Fédération',
      adminEmail: 'admin@localhost',
      adminPassword: 'long-enough-password',
    });
  });
});
