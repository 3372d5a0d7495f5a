import { randomBytes } from 'node:crypto';

/** The shared test Meilisearch (started by global-setup), with an index prefix of one's own. */
export function searchEnv(): Record<string, string> {
  const url = process.env.MAILLAGE_TEST_MEILI_URL;
  if (!url) throw new Error('MAILLAGE_TEST_MEILI_URL is not set: run specs through jest (global-setup).');
  return {
    MEILI_URL: url,
    MEILI_MASTER_KEY: process.env.MAILLAGE_TEST_MEILI_KEY ?? '',
    MEILI_INDEX_PREFIX: `t${randomBytes(5).toString('hex')}`,
  };
}
