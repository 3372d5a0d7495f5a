import type { Page, Response, WebSocketRoute } from 'playwright-core';
import { eventually } from '../support/eventually';
import { federationId, login, loginAdmin, newMember, Session } from '../support/fixtures';
import { addComment, addGroupMember, createGroup, createPost } from '../support/group-fixtures';
import { loginThroughUi, webSpec } from '../support/web';

/** Access tokens live 10 s here (15 min in production), so a test can outlive several of them. */
const TTL_SECONDS = 10;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every /auth/refresh and /graphql answer the page receives, in order. */
function recordAnswers(page: Page): { path: string; status: number; unauthenticated: boolean }[] {
  const answers: { path: string; status: number; unauthenticated: boolean }[] = [];
  page.on('response', (response: Response) => {
    const path = new URL(response.url()).pathname;
    if (path !== '/auth/refresh' && path !== '/graphql') return;
    const entry = { path, status: response.status(), unauthenticated: false };
    answers.push(entry);
    if (path === '/graphql')
      void response.text().then(
        (body) => (entry.unauthenticated = body.includes('"UNAUTHENTICATED"')),
        () => undefined,
      );
  });
  return answers;
}

/** The session contract's client side: refresh before expiry, and on UNAUTHENTICATED once, then retry. */
describe('web: a session outlives its access tokens', () => {
  const web = webSpec({ ACCESS_TOKEN_TTL_SECONDS: String(TTL_SECONDS) });
  let member: Session;
  // Each test counts its own notifications: one person each.
  let secondMember: Session;
  let neighbour: Session;
  let groupId: string;

  // Tokens of the API calls below expire as fast as the page's: each call logs in afresh.
  const token = async (person: Session) => (await login(web.app, person.email, person.password)).accessToken;
  const commentOnPostOf = async (author: Session, commenter: Session, body: string, comment: string) => {
    const postId = await createPost(web.app, await token(author), groupId, body);
    await addComment(web.app, await token(commenter), postId, comment);
  };

  beforeAll(async () => {
    // A fresh admin token for each call: on a loaded machine this setup outlasts one 10-s token.
    const adminToken = async () => (await loginAdmin(web.app)).accessToken;
    const federation = await federationId(web.app, await adminToken());
    member = await newMember(web.app, await adminToken(), federation, 'MEMBER', 'Inès Garnier');
    secondMember = await newMember(web.app, await adminToken(), federation, 'MEMBER', 'Maël Roussel');
    neighbour = await newMember(web.app, await adminToken(), federation, 'MEMBER', 'Yanis Perrin');
    groupId = await createGroup(web.app, await adminToken(), {
      organizationId: federation,
      name: 'Bénévoles',
      visibility: 'PUBLIC',
    });
    for (const person of [member, secondMember, neighbour])
      await addGroupMember(web.app, await adminToken(), groupId, person.userId);
  });

  it('refreshes before expiry: the page and its live connection go on without the person noticing', async () => {
    const { page } = await web.open();
    const answers = recordAnswers(page);
    await loginThroughUi(page, member.email, member.password, '/groupes');
    const statusTexts = new Set<string>();
    const deadline = Date.now() + (TTL_SECONDS * 2 + 6) * 1000;
    // Past two token lifetimes and at least one server sweep (every 15 s) of expired sockets.
    while (Date.now() < deadline) {
      statusTexts.add((await page.getByRole('status').textContent()) ?? '');
      await wait(250);
    }
    expect([...statusTexts].filter(Boolean)).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/groupes');
    expect(answers.filter((a) => a.path === '/auth/refresh' && a.status === 200).length).toBeGreaterThanOrEqual(2);

    // The live connection still delivers, and the GraphQL query it triggers is accepted.
    await commentOnPostOf(member, neighbour, 'Réunion de rentrée le 12 septembre', 'Je serai là.');
    await page.getByRole('link', { name: 'Notifications (1)' }).waitFor({ timeout: 10_000 });
    expect(answers.filter((a) => a.unauthenticated)).toEqual([]);
  });

  it('on UNAUTHENTICATED, refreshes once and retries the request', async () => {
    const { page } = await web.open();
    const answers = recordAnswers(page);
    // The page never hears that the server cut its expired socket: that notice would refresh the
    // session before the request below does.
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((message) => {
        if (!String(message).includes('auth:expired') && !String(message).startsWith('41')) ws.send(message);
      });
      server.onClose(() => undefined);
      // The page's "5" completes Socket.io's upgrade from long-polling to this WebSocket.
      ws.onMessage((message) => {
        server.send(message);
        if (message === '5') sockets.push(ws);
      });
    });
    await page.clock.install();
    await loginThroughUi(page, secondMember.email, secondMember.password, '/groupes');
    await page.getByRole('button', { name: 'Mon compte' }).click();
    await page.getByText('Maël Roussel').waitFor();
    await eventually(() => expect(sockets.length).toBeGreaterThan(0), { timeoutMs: 10_000 });
    // The page's clock stops: no timer will refresh the token, which the page still thinks is fresh.
    await page.clock.pauseAt(new Date(Date.now() + 1_000));
    await wait((TTL_SECONDS + 2) * 1000);
    const before = answers.length;

    // Coming back to the tab asks the server for the shell's figures with the expired token.
    await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))");
    await commentOnPostOf(
      secondMember,
      neighbour,
      'Compte rendu de l’assemblée générale',
      'Merci pour le compte rendu.',
    );
    await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))");
    await page.getByRole('link', { name: 'Notifications (1)' }).waitFor({ timeout: 10_000 });

    const after = answers.slice(before);
    const refused = after.findIndex((a) => a.path === '/graphql' && a.unauthenticated);
    expect(refused).toBeGreaterThanOrEqual(0);
    const refreshed = after.findIndex((a, i) => i > refused && a.path === '/auth/refresh' && a.status === 200);
    expect(refreshed).toBeGreaterThan(refused);
    expect(after.slice(refreshed + 1).some((a) => a.path === '/graphql' && !a.unauthenticated)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/groupes');
  });
});
