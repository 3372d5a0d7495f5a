import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import helmet from 'helmet';
import pinoHttp from 'pino-http';
import { AppModule } from './app.module';
import { Lifecycle } from './common/health/lifecycle';
import { configureRootLogger, createLogger, rootLogger } from './common/logging/logger';
import { NestPinoLogger } from './common/logging/nest-logger';
import { createValidationPipe } from './common/validation/validation.pipe';
import { AppConfig } from './config/load-config';
import { RuntimeConfig } from './config/runtime-config';
import { startBackingServices } from './infra/backing-services';
import { migrate } from './infra/database/data-source';
import { adminBanner, BootstrapService } from './modules/bootstrap/bootstrap.service';
import { webClientMiddleware } from './modules/web-client/web-client.middleware';

export interface RunningServer {
  app: INestApplication;
  config: RuntimeConfig;
  url: string;
  close(): Promise<void>;
}

const REQUEST_ID = /^[\w-]{1,64}$/;

/** Builds the Nest application on resolved services (no listening): shared by the server and the CLI. */
export async function createApp(config: RuntimeConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new NestPinoLogger(),
    abortOnError: false,
    bodyParser: false,
  });
  app.set('trust proxy', config.trustProxy);
  // 1 MB bodies at most (413 beyond); malformed JSON is a 400 from the parser.
  app.useBodyParser('json', { limit: '1mb' });
  // The sandbox page needs inline scripts: the CSP is on in production, where the sandbox is off.
  app.use(helmet({ contentSecurityPolicy: config.isProduction ? undefined : false, crossOriginEmbedderPolicy: false }));
  app.enableCors({
    origin: (origin, callback) =>
      callback(
        null,
        !origin || (config.corsOrigins.length ? config.corsOrigins.includes(origin) : !config.isProduction),
      ),
    credentials: true,
  });
  app.use(
    pinoHttp({
      logger: rootLogger(),
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      },
    }),
  );
  // The web client at / (its files, and index.html for its routes); the API's paths pass through.
  app.use(webClientMiddleware(config));
  app.useGlobalPipes(createValidationPipe());
  return app;
}

/** Starts everything: backing services, migrations, first-start bootstrap, then HTTP. */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  configureRootLogger(config.logLevel);
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
    await app.listen(config.port, config.host);
  } catch (err) {
    await app?.close().catch(() => undefined);
    await services.stop();
    throw err;
  }
  const started = app;
  const address = started.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  logger.info({ url, graphql: `${url}/graphql` }, 'Maillage is listening');
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
