import { federationId, loginAdmin, newMember } from '../support/fixtures';
import { startTestApp } from '../support/test-app';
it('debug', async () => {
  const app = await startTestApp();
  try {
    const admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    await newMember(app, admin.accessToken, fed, 'MEMBER', 'X');
  } catch (e) {
    console.log(String(e));
    console.log(app.server.output().split('\n').filter((l) => /"level":5/.test(l)).join('\n'));
  }
  await app.close();
});
