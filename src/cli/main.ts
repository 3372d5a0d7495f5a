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
import { JobsService } from '../infra/jobs/jobs.service';
import { PersonalData } from '../common/personal-data/personal-data.module';
import { uncoveredColumns } from '../common/personal-data/personal-data.registry';
import { userColumns } from '../common/personal-data/user-columns';
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
  personal-data [--check]
      What each module holds about a person: per table, the columns that point at them, what
      erasure does with each, and what the export shows. --check: fail (exit 1) when a column of
      the database that references people is declared by no module.
  jobs:status
      Background jobs waiting and failed, per name.
  jobs:run NAME
      Queues one run of a scheduled job (e.g. privacy.retention) for the running servers.
  jobs:retry NAME
      Tries the failed jobs of that name again.
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
      const { purged } = await withApp((app) =>
        app.get(DataSource).transaction((manager) => app.get(PrivacyService).applyRetention(manager)),
      );
      process.stdout.write(`Retention: ${purged} former member(s) erased.\n`);
      return 0;
    }
    case 'personal-data': {
      const check = rest.includes('--check');
      const outcome = await withApp(async (app) => {
        const tables = app.get(PersonalData).tables();
        const schema = await userColumns(app.get(DataSource).manager);
        return {
          tables,
          ...uncoveredColumns(
            tables.map(({ table }) => ({ table: table.table, columns: Object.keys(table.columns) })),
            schema,
          ),
        };
      });
      for (const { module, table } of outcome.tables) {
        const columns = Object.entries(table.columns).map(([column, action]) => `${column}: ${action}`);
        const exported = 'key' in table.export ? `export: ${table.export.key}` : `not exported: ${table.export.none}`;
        process.stdout.write(
          `${module.padEnd(14)} ${table.table.padEnd(26)} ${columns.join(', ').padEnd(40)} ${exported}\n`,
        );
      }
      if (!check) return 0;
      for (const column of outcome.undeclared) process.stderr.write(`undeclared: ${column} references people\n`);
      for (const column of outcome.stale)
        process.stderr.write(`stale: ${column} is declared but not in the database\n`);
      return outcome.undeclared.length || outcome.stale.length ? 1 : 0;
    }
    case 'jobs:status': {
      const counts = await withApp((app) => app.get(JobsService).allCounts());
      const lines = [...counts].map(([name, c]) => `${name}: ${c.waiting} waiting, ${c.failed} failed`);
      process.stdout.write(`${lines.length ? lines.join('\n') : 'No job waiting or failed.'}\n`);
      return 0;
    }
    case 'jobs:run': {
      const [name] = rest;
      const queued = await withApp((app) => app.get(JobsService).runNow(name ?? ''));
      if (!queued) {
        process.stderr.write(`${name ?? '(none)'} is not a scheduled job (see the README's job list)\n`);
        return 2;
      }
      process.stdout.write(`Queued ${name}: a running server will run it.\n`);
      return 0;
    }
    case 'jobs:retry': {
      const [name] = rest;
      const count = await withApp((app) => app.get(JobsService).requeueFailed(name ?? ''));
      process.stdout.write(`${count} failed ${name} job(s) queued again.\n`);
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
