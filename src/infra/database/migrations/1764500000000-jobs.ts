import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The job system (src/infra/jobs): one queue of named jobs and the schedules that feed it. The
 * search outbox becomes `search.index` jobs: its waiting rows move over, then it goes.
 */
export class Jobs1764500000000 implements MigrationInterface {
  name = 'Jobs1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE jobs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        -- Idempotency key: one job per (name, key) until finished jobs are purged.
        key text,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        run_at timestamptz NOT NULL DEFAULT now(),
        -- A running job's lease: the claim that holds it, until when.
        claim uuid,
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX jobs_name_key ON jobs (name, key) WHERE key IS NOT NULL`);
    await db.query(`CREATE INDEX jobs_due ON jobs (name, run_at, id) WHERE state = 'queued'`);
    await db.query(`CREATE INDEX jobs_running ON jobs (name, locked_until) WHERE state = 'running'`);
    await db.query(`CREATE INDEX jobs_finished ON jobs (finished_at) WHERE state IN ('done', 'failed')`);

    await db.query(`
      CREATE TABLE job_schedules (
        name text PRIMARY KEY,
        spec text NOT NULL,
        next_run_at timestamptz NOT NULL,
        last_run_at timestamptz
      )`);

    await db.query(`
      INSERT INTO jobs (name, payload, attempts, run_at, last_error, created_at)
      SELECT 'search.index', jsonb_build_object('kind', kind, 'id', entity_id), attempts, available_at, last_error, enqueued_at
        FROM search_outbox ORDER BY id`);
    await db.query(`DROP TABLE search_outbox`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE search_outbox (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('question', 'answer', 'post', 'group', 'person')),
        entity_id uuid NOT NULL,
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    await db.query(`CREATE INDEX search_outbox_available ON search_outbox (available_at, id)`);
    await db.query(`
      INSERT INTO search_outbox (kind, entity_id, attempts, available_at, last_error, enqueued_at)
      SELECT payload->>'kind', (payload->>'id')::uuid, attempts, run_at, last_error, created_at
        FROM jobs WHERE name = 'search.index' AND state IN ('queued', 'running') ORDER BY id`);
    await db.query(`DROP TABLE job_schedules`);
    await db.query(`DROP TABLE jobs`);
  }
}
