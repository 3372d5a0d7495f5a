import type Redis from 'ioredis';

/** Online = at least one connected device. Ephemeral: losing it loses nothing that matters. */
export interface PresenceStore {
  /** Returns true when this device made the user go online. */
  connect(userId: string, socketId: string): Promise<boolean>;
  /** Returns true when this was the user's last device. */
  disconnect(userId: string, socketId: string): Promise<boolean>;
  /** Keeps this instance's devices alive (Redis entries expire if an instance dies). */
  heartbeat(devices: { userId: string; socketId: string }[]): Promise<void>;
}

export class MemoryPresence implements PresenceStore {
  private readonly devices = new Map<string, Set<string>>();

  async connect(userId: string, socketId: string): Promise<boolean> {
    const set = this.devices.get(userId) ?? new Set<string>();
    set.add(socketId);
    this.devices.set(userId, set);
    return set.size === 1;
  }

  async disconnect(userId: string, socketId: string): Promise<boolean> {
    const set = this.devices.get(userId);
    if (!set?.delete(socketId)) return false;
    if (set.size > 0) return false;
    this.devices.delete(userId);
    return true;
  }

  async heartbeat(): Promise<void> {}
}

const TTL_MS = 90_000;

/** Devices per user in a Redis sorted set scored by expiry, shared by every instance. */
export class RedisPresence implements PresenceStore {
  constructor(private readonly redis: Redis) {}

  private key(userId: string) {
    return `presence:${userId}`;
  }

  async connect(userId: string, socketId: string): Promise<boolean> {
    const now = Date.now();
    const results = await this.redis
      .multi()
      .zremrangebyscore(this.key(userId), '-inf', now)
      .zadd(this.key(userId), now + TTL_MS, socketId)
      .zcard(this.key(userId))
      .pexpire(this.key(userId), TTL_MS)
      .exec();
    return Number(results?.[2]?.[1]) === 1;
  }

  async disconnect(userId: string, socketId: string): Promise<boolean> {
    const results = await this.redis
      .multi()
      .zrem(this.key(userId), socketId)
      .zremrangebyscore(this.key(userId), '-inf', Date.now())
      .zcard(this.key(userId))
      .exec();
    return Number(results?.[0]?.[1]) === 1 && Number(results?.[2]?.[1]) === 0;
  }

  async heartbeat(devices: { userId: string; socketId: string }[]): Promise<void> {
    if (devices.length === 0) return;
    const multi = this.redis.multi();
    for (const { userId, socketId } of devices) {
      multi.zadd(this.key(userId), 'XX', Date.now() + TTL_MS, socketId).pexpire(this.key(userId), TTL_MS);
    }
    await multi.exec();
  }
}
