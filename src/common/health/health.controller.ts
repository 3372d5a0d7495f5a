import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access-rules';
import { CheckResult, Lifecycle } from './lifecycle';

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    private readonly lifecycle: Lifecycle,
  ) {}

  /** The process is up. */
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /** The process can serve: not shutting down, the database answers, no registered check is down. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const database: CheckResult = await this.db
      .query('SELECT 1')
      .then((): CheckResult => ({ status: 'up' }))
      .catch((): CheckResult => ({ status: 'down' }));
    const checks: Record<string, CheckResult> = { database };
    for (const [name, check] of this.lifecycle.checks) {
      checks[name] = await check().catch((err: unknown): CheckResult => ({
        status: 'down',
        detail: { error: String(err) },
      }));
    }
    const ready = !this.lifecycle.shuttingDown && Object.values(checks).every((check) => check.status !== 'down');
    const degraded = Object.values(checks).some((check) => check.status === 'degraded');
    res.status(ready ? 200 : 503);
    return {
      status: ready ? (degraded ? 'degraded' : 'ok') : 'unavailable',
      shuttingDown: this.lifecycle.shuttingDown,
      checks: Object.fromEntries(Object.entries(checks).map(([name, check]) => [name, check.status])),
      details: Object.fromEntries(
        Object.entries(checks)
          .filter(([, c]) => c.detail)
          .map(([name, check]) => [name, check.detail]),
      ),
    };
  }
}
