import { randomUUID } from 'node:crypto';
import { ok } from '../support/adversarial';
import { startConversation } from '../support/conversations';
import { createOrganization, federationId, invite, loginAdmin, newMember, Session } from '../support/fixtures';
import { createGroup, createPost, joinGroup } from '../support/group-fixtures';
import { GraphQLResponse } from '../support/graphql-client';
import { closeAllSockets, connectSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Errors a client can translate: each carries `extensions.code` (unchanged) and
 * `extensions.reason`, one of the catalogue in src/common/errors/reasons.ts, over GraphQL and in
 * socket acknowledgements, as the French client would meet them.
 */
describe('error reasons', () => {
  let app: TestApp;
  let admin: Session;
  let club: string;
  let owner: Session;
  let member: Session;
  let outsider: Session;
  let privateGroup: string;
  let publicGroup: string;

  const extensionsOf = (res: GraphQLResponse<unknown>) => {
    expect(res.errors).toHaveLength(1);
    return res.errors![0].extensions as { code: string; reason: string; fields?: string[]; retryAfter?: number };
  };
  const as = (who: Session | undefined, query: string, variables: Record<string, unknown> = {}) =>
    app.gql(query, variables, who?.accessToken);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    club = await createOrganization(app, admin.accessToken, {
      name: 'Club de Rennes',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    owner = await newMember(app, admin.accessToken, club, 'MEMBER', 'Olga Owner');
    member = await newMember(app, admin.accessToken, club, 'MEMBER', 'Marc Member');
    outsider = await newMember(app, admin.accessToken, club, 'MEMBER', 'Oscar Outsider');
    privateGroup = await createGroup(app, owner.accessToken, {
      organizationId: club,
      name: 'Bureau',
      visibility: 'PRIVATE',
    });
    publicGroup = await createGroup(app, owner.accessToken, {
      organizationId: club,
      name: 'Vie du club',
      visibility: 'PUBLIC',
    });
    await joinGroup(app, member.accessToken, publicGroup);
  });

  afterAll(async () => {
    closeAllSockets();
    await app.close();
  });

  it('says why access is refused, keeping the code', async () => {
    const posts = 'query($g: ID!) { group(id: $g) { posts(first: 5) { edges { node { id } } } } }';
    expect(extensionsOf(await as(outsider, posts, { g: privateGroup }))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'GROUP_PRIVATE',
    });
    const post = await createPost(app, owner.accessToken, publicGroup, 'Réunion jeudi');
    expect(
      extensionsOf(await as(member, 'mutation($p: ID!) { updatePost(id: $p, body: "Non") { id } }', { p: post })),
    ).toEqual({ code: 'FORBIDDEN', reason: 'NOT_AUTHOR' });
    expect(extensionsOf(await as(member, 'mutation($p: ID!) { deletePost(id: $p) }', { p: post }))).toEqual({
      code: 'FORBIDDEN',
      reason: 'NOT_AUTHOR_OR_MODERATOR',
    });
    expect(
      extensionsOf(
        await as(
          member,
          'mutation($g: ID!, $u: ID!) { addGroupMember(groupId: $g, userId: $u, role: MODERATOR) { id } }',
          {
            g: publicGroup,
            u: outsider.userId,
          },
        ),
      ),
    ).toEqual({ code: 'FORBIDDEN', reason: 'NOT_GROUP_OWNER' });
    expect(
      extensionsOf(
        await as(outsider, 'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }', {
          input: { groupId: publicGroup, body: 'Bonjour' },
        }),
      ),
    ).toEqual({ code: 'FORBIDDEN', reason: 'NOT_GROUP_MEMBER' });
    expect(
      extensionsOf(
        await as(member, 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }', {
          input: { organizationId: club, email: 'x@club.test', role: 'MEMBER' },
        }),
      ),
    ).toEqual({ code: 'FORBIDDEN', reason: 'NOT_ORGANIZATION_ADMIN' });
  });

  it('tells unreadable content and absence apart from nothing: the same NOT_FOUND reason', async () => {
    const hidden = await createPost(app, owner.accessToken, privateGroup, 'Confidentiel');
    const query = 'query($p: ID!) { post(id: $p) { id } }';
    const unreadable = extensionsOf(await as(outsider, query, { p: hidden }));
    const absent = extensionsOf(await as(outsider, query, { p: randomUUID() }));
    expect(unreadable).toEqual({ code: 'NOT_FOUND', reason: 'POST_NOT_FOUND' });
    expect(absent).toEqual(unreadable);
  });

  it('names the rule a conflict breaks', async () => {
    expect(extensionsOf(await as(owner, 'mutation($g: ID!) { leaveGroup(groupId: $g) }', { g: publicGroup }))).toEqual({
      code: 'CONFLICT',
      reason: 'LAST_OWNER',
    });
    const fed = await federationId(app, admin.accessToken);
    expect(
      extensionsOf(
        await as(admin, 'mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }', {
          o: fed,
          u: admin.userId,
        }),
      ),
    ).toEqual({ code: 'CONFLICT', reason: 'LAST_FEDERATION_ADMIN' });
  });

  it('says what is wrong with an invitation token: expired, used, revoked or unknown', async () => {
    const accept = (token: string) =>
      as(undefined, 'mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { accessToken } }', {
        i: { token, displayName: 'Nouvelle Personne', password: 'a-long-enough-password' },
      });
    const expired = await invite(app, admin.accessToken, club, `expiree.${randomUUID()}@club.test`);
    await app.sql(`UPDATE invitations SET expires_at = now() - interval '1 day' WHERE id = $1`, [expired.id]);
    const revoked = await invite(app, admin.accessToken, club, `retiree.${randomUUID()}@club.test`);
    ok(await as(admin, 'mutation($id: ID!) { revokeInvitation(id: $id) }', { id: revoked.id }));
    const used = await invite(app, admin.accessToken, club, `utilisee.${randomUUID()}@club.test`);
    ok(await accept(used.token));
    const cases: [string, string][] = [
      [expired.token, 'INVITATION_EXPIRED'],
      [revoked.token, 'INVITATION_REVOKED'],
      [used.token, 'INVITATION_USED'],
      ['x'.repeat(43), 'INVITATION_UNKNOWN'],
    ];
    for (const [token, reason] of cases) {
      expect(extensionsOf(await accept(token))).toEqual({ code: 'BAD_USER_INPUT', reason, fields: ['token'] });
    }
  });

  it('gives input, password, query and authentication errors their reasons', async () => {
    expect(extensionsOf(await as(member, 'query { groups(first: 101) { edges { node { id } } } }'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      fields: ['first'],
    });
    expect(
      extensionsOf(
        await as(
          member,
          'mutation { changePassword(currentPassword: "a-long-enough-password", newPassword: "court") }',
        ),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', reason: 'PASSWORD_TOO_WEAK', fields: ['newPassword'] });
    expect(extensionsOf(await as(member, 'query { nothingHere }'))).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'INVALID_QUERY',
    });
    expect(extensionsOf(await as(undefined, 'query { me { id } }'))).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'AUTHENTICATION_REQUIRED',
    });
    expect(
      extensionsOf(
        await as(
          undefined,
          'mutation { login(email: "personne@club.test", password: "pas-le-bon-mot") { accessToken } }',
        ),
      ),
    ).toEqual({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
  });

  it('puts the reason in socket acknowledgements too', async () => {
    const conversation = (await startConversation(app, owner.accessToken, [member.userId])).id;
    const socket = await connectSocket(app.url, outsider.accessToken);
    const ack = await socket.ack('message:send', { conversationId: conversation, body: 'Coucou', clientId: 'c-1' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: 'CONVERSATION_NOT_FOUND' } });
    const bad = await socket.ack('message:send', { conversationId: 'pas-un-uuid', body: 'x', clientId: 'c-2' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' } });
  });
});
