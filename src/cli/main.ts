import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/load-config';
import { configureRootLogger } from '../common/logging/logger';
import { startBackingServices } from '../infra/backing-services';
import { migrate } from '../infra/database/data-source';
import { AppError } from '../common/errors/app-error';
import { BootstrapService } from '../modules/bootstrap/bootstrap.service';
import { SearchReindexer } from '../modules/search/search-reindexer';
import { PrivacyService } from '../modules/privacy/privacy.service';
import { createApp } from '../server';
import { DataSource } from 'typeorm';
import { demoBanner, seedDemo } from './demo/demo-seed';

const USAGE = `Usage: npm run cli -- <command>
  bootstrap --federation NAME --email EMAIL --password PASSWORD
      Creates the federation and its first admin when the database holds no organisation yet.
  reindex
      Rebuilds every search index from the database, without a window of empty results.
  retention
      Purges now the personal data of people whose last membership ended more than DATA_RETENTION_MONTHS ago.
`;

/** Runs `task` with the app wired to the configured (or embedded) services, then stops them. */
async function withApp<T>(task: (app: Awaited<ReturnType<typeof createApp>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  configureRootLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, config.logFormat);
  const services = await startBackingServices(config);
  try {
    await migrate(services.config.databaseUrl);
    const app = await createApp(services.config);
    await app.init();
    try {
      return await task(app);
    } finally {
      await app.close();
    }
  } finally {
    await services.stop();
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'bootstrap': {
      const { values } = parseArgs({
        args: rest,
        options: { federation: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } },
      });
      if (!values.federation || !values.email || !values.password) {
        process.stderr.write(`bootstrap needs --federation, --email and --password\n${USAGE}\n`);
        return 2;
      }
      const request = { federationName: values.federation, adminEmail: values.email, adminPassword: values.password };
      const outcome = await withApp((app) => app.get(BootstrapService).ensureFederation(request));
      process.stdout.write(
        outcome.created
          ? `Created the federation "${values.federation}" with admin ${outcome.adminEmail}.\n`
          : 'The database already holds a federation: nothing changed.\n',
      );
      return 0;
    }
    case 'reindex': {
      const counts = await withApp((app) => app.get(SearchReindexer).reindexAll());
      process.stdout.write(
        `Reindexed: ${Object.entries(counts)
          .map(([kind, n]) => `${n} ${kind}`)
          .join(', ')}.\n`,
      );
      return 0;
    }
    case 'retention': {
      const { purged } = await withApp((app) => app.get(PrivacyService).applyRetention());
      process.stdout.write(`Retention: ${purged} former member(s) erased.\n`);
      return 0;
    }
    case 'seed:demo': {
      const outcome = await withApp((app) => seedDemo(app.get(DataSource)));
      process.stdout.write(demoBanner(outcome));
      return 0;
    }
    default:
      process.stderr.write(`${command ? `Unknown command: ${command}\n` : ''}${USAGE}\n`);
      return 2;
  }
}

run(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    if (err instanceof ConfigError)
      for (const problem of err.problems) process.stderr.write(`Invalid configuration: ${problem}\n`);
    else if (err instanceof AppError) process.stderr.write(`${err.code}: ${err.message}\n`);
    else process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
