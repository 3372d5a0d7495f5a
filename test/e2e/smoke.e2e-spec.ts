import { loginAdmin } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('smoke', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('logs the bootstrap admin in and answers me', async () => {
    const admin = await loginAdmin(app);
    const res = await app.gql<{ me: { email: string } }>('{ me { email } }', {}, admin.accessToken);
    expect(res.data?.me.email).toBe(app.admin.email);
  });
});
