import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, IntrospectionQuery, printSchema } from 'graphql';
import { startTestApp, TestApp } from '../support/test-app';

const SCHEMA_FILE = join(__dirname, '..', '..', 'schema.gql');

/** schema.gql is the committed contract: it must be exactly what the running server serves. `npm run schema` rewrites it. */
describe('schema.gql', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('matches the schema the server generates', async () => {
    const res = await app.gql<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true }));
    const generated = `${printSchema(buildClientSchema(res.data!))}\n`;
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});
