import { ConfigError, loadConfig } from './config/load-config';
import { createLogger } from './common/logging/logger';
import { RunningServer, startServer } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const problem of err.problems) process.stderr.write(`Invalid configuration: ${problem}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger('Main');
  // A library promise nobody awaited (e.g. a Redis publish during an outage) is logged, never fatal.
  process.on('unhandledRejection', (reason: unknown) => logger.error({ err: reason }, 'unhandled promise rejection'));
  const running: { server?: RunningServer } = {};
  let stopping = false;
  const close = (running: RunningServer) =>
    running
      .close()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'unclean shutdown');
        process.exit(1);
      });
  // Listened to from the start: a signal that arrives while the embedded services are starting
  // stops them once they are up, rather than killing this process and orphaning them.
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    if (running.server) void close(running.server);
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  running.server = await startServer(config).catch((err: unknown) => {
    logger.fatal({ err }, 'Maillage failed to start');
    process.exit(1);
  });
  if (stopping) void close(running.server);
}

void main();
