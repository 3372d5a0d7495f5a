import { Injectable } from '@nestjs/common';

export interface CheckResult {
  /** `down` makes the instance unready; `degraded` is reported but still ready (e.g. search catching up). */
  status: 'up' | 'degraded' | 'down';
  detail?: Record<string, unknown>;
}

/**
 * Readiness: false as soon as shutdown begins, so a load balancer stops sending work; plus the
 * checks that modules register (search, later realtime) for `/health/ready`.
 */
@Injectable()
export class Lifecycle {
  shuttingDown = false;
  readonly checks = new Map<string, () => Promise<CheckResult>>();

  registerCheck(name: string, check: () => Promise<CheckResult>): void {
    this.checks.set(name, check);
  }
}
