import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access-rules';
import { Lifecycle } from './lifecycle';

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

  /** The process can serve: not shutting down, and the database answers. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const database = await this.db
      .query('SELECT 1')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const ready = database === 'up' && !this.lifecycle.shuttingDown;
    res.status(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'unavailable', shuttingDown: this.lifecycle.shuttingDown, checks: { database } };
  }
}
