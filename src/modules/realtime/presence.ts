import type Redis from 'ioredis';
import type { RealtimeEvent } from '../../infra/realtime/realtime-publisher';

/**
 * Online = at least one connected device. Ephemeral: losing it loses nothing that matters.
 *
 * A change (first device in, last device out) is announced atomically with the change itself:
 * devices of one person come and go on different instances, and an announcement made after the
 * fact could overtake the next one (online published after offline while the person is gone).
 */
export interface PresenceStore {
  /** Adds a device; announces `online` when it is the person's first. Returns whether it was. */
  connect(userId: string, socketId: string, online: RealtimeEvent): Promise<boolean>;
  /** Removes a device; announces `offline` when it was the person's last. Returns whether it was. */
  disconnect(userId: string, socketId: string, offline: RealtimeEvent): Promise<boolean>;
  /** Keeps this instance's devices alive (Redis entries expire if an instance dies). */
  heartbeat(devices: { userId: string; socketId: string }[]): Promise<void>;
  /** Which of these people have a device connected now. */
  online(userIds: string[]): Promise<Set<string>>;
}

/** A single instance: the announcement is emitted in the same turn of the event loop. */
export class MemoryPresence implements PresenceStore {
  private readonly devices = new Map<string, Set<string>>();

  constructor(private readonly emit: (event: RealtimeEvent) => void) {}

  async connect(userId: string, socketId: string, online: RealtimeEvent): Promise<boolean> {
    const set = this.devices.get(userId) ?? new Set<string>();
    set.add(socketId);
    this.devices.set(userId, set);
    return this.announceIf(set.size === 1, online);
  }

  async disconnect(userId: string, socketId: string, offline: RealtimeEvent): Promise<boolean> {
    const set = this.devices.get(userId);
    if (!set?.delete(socketId)) return false;
    if (set.size > 0) return false;
    this.devices.delete(userId);
    return this.announceIf(true, offline);
  }

  async heartbeat(): Promise<void> {}

  async online(userIds: string[]): Promise<Set<string>> {
    return new Set(userIds.filter((id) => (this.devices.get(id)?.size ?? 0) > 0));
  }

  private announceIf(changed: boolean, event: RealtimeEvent): boolean {
    if (changed && event.userIds.length > 0) this.emit(event);
    return changed;
  }
}

const TTL_MS = 90_000;

// KEYS[1] the person's devices; ARGV: now, ttl, socket id, bus channel, announcement ('' for none).
const CONNECT_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if redis.call('ZCARD', KEYS[1]) ~= 1 then return 0 end
if ARGV[5] ~= '' then redis.call('PUBLISH', ARGV[4], ARGV[5]) end
return 1`;

const DISCONNECT_SCRIPT = `
local removed = redis.call('ZREM', KEYS[1], ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if removed ~= 1 or redis.call('ZCARD', KEYS[1]) ~= 0 then return 0 end
if ARGV[5] ~= '' then redis.call('PUBLISH', ARGV[4], ARGV[5]) end
return 1`;

/**
 * Devices per person in a Redis sorted set scored by expiry, shared by every instance. A change
 * and its announcement on the realtime bus are one Lua script, so the bus carries presence
 * changes in the order Redis made them, whichever instances they came from.
 */
export class RedisPresence implements PresenceStore {
  constructor(
    private readonly redis: Redis,
    private readonly bus: string,
  ) {}

  private key(userId: string) {
    return `presence:${userId}`;
  }

  connect(userId: string, socketId: string, online: RealtimeEvent): Promise<boolean> {
    return this.run(CONNECT_SCRIPT, userId, socketId, online);
  }

  disconnect(userId: string, socketId: string, offline: RealtimeEvent): Promise<boolean> {
    return this.run(DISCONNECT_SCRIPT, userId, socketId, offline);
  }

  async heartbeat(devices: { userId: string; socketId: string }[]): Promise<void> {
    if (devices.length === 0) return;
    const multi = this.redis.multi();
    for (const { userId, socketId } of devices) {
      multi.zadd(this.key(userId), 'XX', Date.now() + TTL_MS, socketId).pexpire(this.key(userId), TTL_MS);
    }
    await multi.exec();
  }

  async online(userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const now = Date.now();
    const multi = this.redis.multi();
    for (const id of userIds) multi.zcount(this.key(id), now, '+inf');
    const counts = (await multi.exec()) ?? [];
    return new Set(userIds.filter((_, i) => !counts[i]?.[0] && Number(counts[i]?.[1]) > 0));
  }

  private async run(script: string, userId: string, socketId: string, event: RealtimeEvent): Promise<boolean> {
    const announcement = event.userIds.length > 0 ? JSON.stringify(event) : '';
    const changed = await this.redis.eval(
      script,
      1,
      this.key(userId),
      Date.now(),
      TTL_MS,
      socketId,
      this.bus,
      announcement,
    );
    return changed === 1;
  }
}
