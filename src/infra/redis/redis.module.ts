import { Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { createLogger } from '../../common/logging/logger';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';

/** The Redis connections of a multi-instance deployment; `null` without REDIS_URL (single instance, in-process). */
export interface RedisConnections {
  /** Rate limits and presence. Fails fast while Redis is away (no offline queue): callers fall back. */
  commands: Redis;
  /** The Socket.io adapter's publisher and subscriber. */
  pub: Redis;
  sub: Redis;
  /** Subscriber of the ordered realtime bus (see SocketServer). */
  events: Redis;
}

export const REDIS = Symbol('REDIS');

const logger = createLogger('Redis');

/** Every client gets an error handler: a Redis outage is logged (once per episode), never a crash. */
function connect(url: string, name: string, options: RedisOptions = {}): Redis {
  const client = new Redis(url, { connectionName: `maillage-${name}`, ...options });
  let down = false;
  client.on('error', (err: Error) => {
    if (!down) logger.warn({ client: name, err: err.message }, 'Redis unavailable; retrying');
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.info({ client: name }, 'Redis reconnected');
    down = false;
  });
  return client;
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [RUNTIME_CONFIG],
      useFactory: (config: RuntimeConfig): RedisConnections | null =>
        config.redisUrl
          ? {
              commands: connect(config.redisUrl, 'commands', { enableOfflineQueue: false, maxRetriesPerRequest: 1 }),
              pub: connect(config.redisUrl, 'pub', { maxRetriesPerRequest: 1 }),
              sub: connect(config.redisUrl, 'sub'),
              events: connect(config.redisUrl, 'events'),
            }
          : null,
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnModuleDestroy {
  constructor(@Inject(REDIS) private readonly redis: RedisConnections | null) {}

  async onModuleDestroy(): Promise<void> {
    if (!this.redis) return;
    for (const client of [this.redis.commands, this.redis.pub, this.redis.sub, this.redis.events]) client.disconnect();
  }
}
