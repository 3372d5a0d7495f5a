import type { EmbeddedPostgres } from '../../src/infra/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const postgres = (globalThis as { __maillageTestPostgres?: EmbeddedPostgres }).__maillageTestPostgres;
  await postgres?.stop();
}
