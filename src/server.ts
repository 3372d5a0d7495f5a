import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { Lifecycle } from './common/health/lifecycle';
import { originAllowed } from './common/auth/origin-policy';
import { bodyParserErrors, refuseOtherCharsets } from './common/http/body-parsing';
import { configureRootLogger, createLogger } from './common/logging/logger';
import { requestLogger } from './common/logging/request-logger';
import { NestPinoLogger } from './common/logging/nest-logger';
import { createValidationPipe } from './common/validation/validation.pipe';
import { AppConfig } from './config/load-config';
import { RuntimeConfig } from './config/runtime-config';
import { startBackingServices } from './infra/backing-services';
import { migrate } from './infra/database/data-source';
import { JobsService } from './infra/jobs/jobs.service';
import { adminBanner, BootstrapService } from './modules/bootstrap/bootstrap.service';
import { webClientMiddleware } from './modules/web-client/web-client.middleware';

export interface RunningServer {
  app: INestApplication;
  config: RuntimeConfig;
  url: string;
  close(): Promise<void>;
}

/**
 * Builds the Nest application on resolved services (no listening): shared by the server and the CLI.
 * Order matters: the security headers come first, so every answer carries them, even the body
 * parser's refusals (malformed JSON, 413, a foreign charset) which never reach a route.
 */
export async function createApp(config: RuntimeConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new NestPinoLogger(),
    abortOnError: false,
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  // The sandbox page needs inline scripts: the CSP is on in production, where the sandbox is off.
  app.use(helmet({ contentSecurityPolicy: config.isProduction ? undefined : false, crossOriginEmbedderPolicy: false }));
  app.use(requestLogger());
  app.enableCors((req, callback) =>
    callback(null, {
      origin: originAllowed(config, req.headers.origin, req),
      credentials: true,
    }),
  );
  // 1 MB bodies at most (413 beyond); malformed JSON is a 400; both with a fixed message.
  app.use(refuseOtherCharsets);
  app.useBodyParser('json', { limit: '1mb' });
  app.use(bodyParserErrors);
  // The web client at / (its files, and index.html for its routes); the API's paths pass through.
  app.use(webClientMiddleware(config));
  app.useGlobalPipes(createValidationPipe());
  return app;
}

/** Starts everything: backing services, migrations, first-start bootstrap, then HTTP. */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  configureRootLogger(config.logLevel, config.logFormat);
  const logger = createLogger('Server');
  const services = await startBackingServices(config);
  let app: NestExpressApplication | undefined;
  try {
    const applied = await migrate(services.config.databaseUrl);
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
    app = await createApp(services.config);
    app.enableShutdownHooks([]);
    await app.init();
    const outcome = await app.get(BootstrapService).ensureFederation(config.bootstrap);
    if (outcome.created && outcome.generatedPassword)
      process.stdout.write(adminBanner(outcome.adminEmail, outcome.generatedPassword));
    else if (outcome.created)
      logger.info({ adminEmail: outcome.adminEmail }, 'federation bootstrapped from configuration');
    // Background work starts once the app is complete (a CLI command builds the app but never starts it).
    await app.get(JobsService).start();
    await app.listen(config.port, config.host);
  } catch (err) {
    await app?.close().catch(() => undefined);
    await services.stop();
    throw err;
  }
  const started = app;
  const address = started.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  logger.info({ url, graphql: `${url}/graphql` }, `Maillage is listening on ${url}`);
  return {
    app: started,
    config: services.config,
    url,
    close: async () => {
      started.get(Lifecycle).shuttingDown = true;
      await started.close();
      await services.stop();
    },
  };
}
