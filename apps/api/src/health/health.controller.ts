import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { RedisHealthIndicator } from '@question-desk/operations';
import { QueueHealthIndicator, WorkerHealthIndicator } from '../admin/queue-health';
import { Public } from '../http/public.decorator';

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly queues: QueueHealthIndicator,
    private readonly worker: WorkerHealthIndicator,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Is the desk up: 200 when PostgreSQL and Redis answer, 503 when one does not',
    description:
      "Also reports the job queues (waiting, active, failed, delayed per queue) and the worker's heartbeat. The worker is informational: " +
      'a missing or stale worker shows as info.worker.heartbeat "missing" or "stale" but does not make the answer 503, as the API serves without it.',
  })
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      () => this.redis.check('redis'),
      () => this.queues.check('queues'),
      () => this.worker.check('worker'),
    ]);
  }
}
