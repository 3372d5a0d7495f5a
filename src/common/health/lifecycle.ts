import { Injectable } from '@nestjs/common';

/** Readiness turns false as soon as shutdown begins, so a load balancer stops sending work. */
@Injectable()
export class Lifecycle {
  shuttingDown = false;
}
