import { randomInt } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode, GraphQLResponse } from '../support/graphql-client';
import { download, PDF, uploadOk } from '../support/file-fixtures';
import { addComment, addGroupMember, createGroup, createPost, feedIds } from '../support/group-fixtures';
import { eventually } from '../support/eventually';
import { searchIds } from '../support/search';
import { closeAllSockets, connectSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Commissions: a PRIVATE working group and a PUBLIC showcase, created together and linked; a
 * working post proposed by a member, published by a manager as a copy signed by the commission
 * (no author, no comments, no reactions), which then lives in the showcase like any post (feed,
 * post:new, search) while the original stays private.
 */
const CREATE = `mutation($input: CreateCommissionInput!) { createCommission(input: $input) {
  id name description organization { id }
  workingGroup { id visibility viewerRole commission { id } }
  showcaseGroup { id visibility viewerRole commission { id } } } }`;
const COMMISSION = `query($id: ID!) { commission(id: $id) { id name workingGroup { id } showcaseGroup { id } } }`;
const COMMISSIONS = `query($org: ID!) { commissions(organizationId: $org) { id name } }`;
const PROPOSE = `mutation($p: ID!) { proposePublication(postId: $p) { id publicationStatus } }`;
const PUBLISH = `mutation($p: ID!) { publishToShowcase(postId: $p) {
  id body group { id } author { id } publishedBy { id name } files { id name size url uploadedBy { id } } } }`;
const CREATE_POST = `mutation($input: CreatePostInput!) { createPost(input: $input) { id files { id url } } }`;
const POST = `query($id: ID!) { post(id: $id) {
  id body commentCount reactionCount author { id displayName } publishedBy { id name } publicationStatus group { id }
  comments(first: 10) { totalCount } } }`;
const REACT = `mutation($p: ID!) { react(postId: $p) { id } }`;
const FOLLOW = `mutation($g: ID!) { followGroup(groupId: $g) { id } }`;

interface Commission {
  id: string;
  name: string;
  workingGroup: { id: string; visibility: string; viewerRole: string | null; commission: { id: string } };
  showcaseGroup: { id: string; visibility: string; viewerRole: string | null; commission: { id: string } };
}
interface CopyPost {
  id: string;
  body: string;
  group: { id: string };
  author: { id: string } | null;
  publishedBy: { id: string; name: string } | null;
  files: { id: string; name: string; size: number; url: string; uploadedBy: { id: string } | null }[];
}

/** Objects in the local-disk store. */
const storedObjects = (app: TestApp) => {
  const dir = join(app.env.DATA_DIR, 'files');
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    : 0;
};

const uniqueWord = (prefix: string) =>
  prefix + Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join('');

describe('commissions', () => {
  let app: TestApp;
  let admin: Session;
  let club: string;
  let clubAdmin: Session;
  let president: Session;
  let moderator: Session;
  let member: Session;
  let outsider: Session;
  let follower: Session;
  let commission: Commission;
  let plainGroup: string;
  let elsewhere: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    club = await createOrganization(app, admin.accessToken, {
      name: 'Club de Brest',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    [clubAdmin, president, moderator, member, outsider, follower] = await Promise.all([
      newMember(app, admin.accessToken, club, 'ADMIN', 'Administratrice Brest'),
      newMember(app, admin.accessToken, club, 'MEMBER', 'Présidente Brest'),
      newMember(app, admin.accessToken, club, 'MEMBER', 'Modérateur Brest'),
      newMember(app, admin.accessToken, club, 'MEMBER', 'Rédactrice Brest'),
      newMember(app, admin.accessToken, club, 'MEMBER', 'Voisin Brest'),
      newMember(app, admin.accessToken, club, 'MEMBER', 'Lectrice Brest'),
    ]);
    commission = await run<Commission>(clubAdmin, CREATE, {
      input: { organizationId: club, name: '  Commission jeunesse ', description: 'Les jeunes du club.' },
    });
    // The creator owns both groups and hands the working group to the commission's people.
    await addGroupMember(app, clubAdmin.accessToken, commission.workingGroup.id, president.userId, 'OWNER');
    await addGroupMember(app, clubAdmin.accessToken, commission.workingGroup.id, moderator.userId, 'MODERATOR');
    await addGroupMember(app, clubAdmin.accessToken, commission.workingGroup.id, member.userId);
    await run(follower, FOLLOW, { g: commission.showcaseGroup.id });
    plainGroup = await createGroup(app, president.accessToken, {
      organizationId: club,
      name: 'Bureau',
      visibility: 'PRIVATE',
    });
    await addGroupMember(app, president.accessToken, plainGroup, member.userId);
    // Also the first write Meilisearch indexes (it takes seconds over its first ones).
    elsewhere = await createPost(app, member.accessToken, plainGroup, 'Ordre du jour du bureau.');
  });
  afterAll(async () => {
    closeAllSockets();
    await app.close();
  });

  const call = <T = Record<string, unknown>>(who: Session, query: string, variables: Record<string, unknown> = {}) =>
    app.gql<T>(query, variables, who.accessToken);
  async function run<T = Record<string, unknown>>(who: Session, query: string, variables: Record<string, unknown>) {
    const res = await call(who, query, variables);
    if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return Object.values(res.data)[0] as T;
  }
  const reason = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.reason;

  describe('createCommission', () => {
    it('creates a PRIVATE working group and a PUBLIC showcase, linked, owned by the creator', async () => {
      expect(commission).toMatchObject({
        name: 'Commission jeunesse',
        workingGroup: { visibility: 'PRIVATE', viewerRole: 'OWNER', commission: { id: commission.id } },
        showcaseGroup: { visibility: 'PUBLIC', viewerRole: 'OWNER', commission: { id: commission.id } },
      });
      expect(await run(outsider, COMMISSION, { id: commission.id })).toMatchObject({
        name: 'Commission jeunesse',
        workingGroup: { id: commission.workingGroup.id },
        showcaseGroup: { id: commission.showcaseGroup.id },
      });
      expect(await run(outsider, COMMISSIONS, { org: club })).toEqual([
        { id: commission.id, name: 'Commission jeunesse' },
      ]);
    });

    it("is for the organisation's admins and those above; members are refused, bad input named", async () => {
      const refused = await call(president, CREATE, { input: { organizationId: club, name: 'Commission sport' } });
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(reason(refused)).toBe('NOT_ORGANIZATION_ADMIN');
      const above = await run<Commission>(admin, CREATE, { input: { organizationId: club, name: 'Commission sport' } });
      expect(above.workingGroup.viewerRole).toBe('OWNER');
      const blank = await call(clubAdmin, CREATE, { input: { organizationId: club, name: '   ' } });
      expect(errorCode(blank)).toBe('BAD_USER_INPUT');
      expect(blank.errors?.[0]?.extensions?.fields).toEqual(['name']);
      const missing = await call(admin, COMMISSION, { id: '00000000-0000-4000-8000-00000000abcd' });
      expect(reason(missing)).toBe('COMMISSION_NOT_FOUND');
      // Nothing half-made: the refused attempt left no group behind.
      const [{ count }] = await app.sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM groups WHERE name LIKE 'Commission sport%'`,
      );
      expect(count).toBe(2);
    });
  });

  describe('proposing and publishing', () => {
    let word: string;
    let original: string;
    let copy: CopyPost;

    beforeAll(async () => {
      word = uniqueWord('vitrine');
      const fileId = await uploadOk(app, member.accessToken, 'Compte rendu été.pdf', PDF);
      const created = await run<{ id: string }>(member, CREATE_POST, {
        input: { groupId: commission.workingGroup.id, body: `Compte rendu ${word} du mois.`, fileIds: [fileId] },
      });
      original = created.id;
      await addComment(app, moderator.accessToken, original, 'Relu par le modérateur.');
      await run(president, REACT, { p: original });
    });

    it('lets a member propose (idempotent); an outsider gets NOT_FOUND; a post of another group is refused', async () => {
      expect(await run(member, PROPOSE, { p: original })).toEqual({ id: original, publicationStatus: 'PROPOSED' });
      expect(await run(moderator, PROPOSE, { p: original })).toEqual({ id: original, publicationStatus: 'PROPOSED' });
      expect(errorCode(await call(outsider, PROPOSE, { p: original }))).toBe('NOT_FOUND');
      const refused = await call(member, PROPOSE, { p: elsewhere });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(reason(refused)).toBe('NOT_COMMISSION_POST');
      expect(refused.errors?.[0]?.extensions?.fields).toEqual(['postId']);
    });

    it('refuses publishing to a plain member (FORBIDDEN) and to an outsider (NOT_FOUND)', async () => {
      const refused = await call(member, PUBLISH, { p: original });
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(reason(refused)).toBe('NOT_GROUP_MANAGER');
      expect(errorCode(await call(outsider, PUBLISH, { p: original }))).toBe('NOT_FOUND');
    });

    it('lets a moderator publish: a copy in the showcase, signed by the commission, announced to followers', async () => {
      const socket = await connectSocket(app.url, follower.accessToken);
      copy = await run<CopyPost>(moderator, PUBLISH, { p: original });
      expect(copy).toMatchObject({
        body: `Compte rendu ${word} du mois.`,
        group: { id: commission.showcaseGroup.id },
        author: null,
        publishedBy: { id: commission.id, name: 'Commission jeunesse' },
      });
      expect(copy.id).not.toBe(original);
      // The attachment comes along: the same stored file, linked to the copy, with no uploader named.
      expect(copy.files).toEqual([
        expect.objectContaining({ name: 'Compte rendu été.pdf', size: PDF.length, uploadedBy: null }),
      ]);
      await socket.next('post:new', (p: { postId: string }) => p.postId === copy.id);
      expect(await run(member, POST, { id: original })).toMatchObject({
        publicationStatus: 'PUBLISHED',
        commentCount: 1,
      });
    });

    it('answers CONFLICT to a second publication', async () => {
      const again = await call(president, PUBLISH, { p: original });
      expect(errorCode(again)).toBe('CONFLICT');
      expect(reason(again)).toBe('ALREADY_PUBLISHED');
      const [{ count }] = await app.sql<{ count: number }>(
        'SELECT count(*)::int AS count FROM posts WHERE group_id = $1',
        [commission.showcaseGroup.id],
      );
      expect(count).toBe(1);
    });

    it("shows the copy to an outsider and in a follower's feed, without comments, reactions or names", async () => {
      const seen = await run<Record<string, unknown>>(outsider, POST, { id: copy.id });
      expect(seen).toEqual({
        id: copy.id,
        body: `Compte rendu ${word} du mois.`,
        commentCount: 0,
        reactionCount: 0,
        author: null,
        publishedBy: { id: commission.id, name: 'Commission jeunesse' },
        publicationStatus: null,
        group: { id: commission.showcaseGroup.id },
        comments: { totalCount: 0 },
      });
      const text = JSON.stringify(seen);
      for (const name of ['Rédactrice', 'Modérateur', 'Présidente', 'Administratrice'])
        expect(text).not.toContain(name);
      expect(await feedIds(app, follower.accessToken)).toContain(copy.id);
      expect(await feedIds(app, follower.accessToken)).not.toContain(original);
    });

    it("keeps the working post NOT_FOUND to outsiders; the copy's file downloads for them", async () => {
      expect(errorCode(await call(outsider, POST, { id: original }))).toBe('NOT_FOUND');
      expect(errorCode(await call(follower, POST, { id: original }))).toBe('NOT_FOUND');
      const seen = await run<{ files: { url: string }[] }>(
        outsider,
        `query($id: ID!) { post(id: $id) { files { url } } }`,
        {
          id: copy.id,
        },
      );
      const got = await download(app, seen.files[0].url);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(PDF)).toBe(true);
      // One stored object for both: linked, not copied.
      const [{ count }] = await app.sql<{ count: number }>(
        'SELECT count(DISTINCT storage_key)::int AS count FROM files WHERE post_id = ANY($1::uuid[])',
        [[original, copy.id]],
      );
      expect(count).toBe(1);
    });

    it('lets search find the copy for an outsider, never the original, and signs it with the commission', async () => {
      const hits = await eventually(
        async () => {
          const ids = await searchIds(app, outsider.accessToken, word, { types: ['POST'] });
          expect(ids).toContain(copy.id);
          return ids;
        },
        { timeoutMs: 30_000 },
      );
      expect(hits).not.toContain(original);
      // Members of the working group find both.
      await eventually(async () =>
        expect(await searchIds(app, member.accessToken, word, { types: ['POST'] })).toEqual(
          expect.arrayContaining([copy.id, original]),
        ),
      );
      // Signed by the commission, not by the member who wrote it.
      const scope = { types: ['POST' as const], groupId: commission.showcaseGroup.id };
      expect(await searchIds(app, outsider.accessToken, 'jeunesse', scope)).toContain(copy.id);
      expect(await searchIds(app, outsider.accessToken, 'Rédactrice', scope)).not.toContain(copy.id);
    });

    it('may publish again once the copy was deleted', async () => {
      // The showcase's owner (the commission's creator) removes the copy.
      await run(clubAdmin, `mutation($id: ID!) { deletePost(id: $id) }`, { id: copy.id });
      expect(await run(member, POST, { id: original })).toMatchObject({ publicationStatus: 'PROPOSED' });
      const second = await run<CopyPost>(president, PUBLISH, { p: original });
      expect(second.publishedBy?.id).toBe(commission.id);
    });

    it("keeps the copy's file when its uploader erases their account", async () => {
      const other = await uploadOk(app, member.accessToken, 'brouillon.txt', Buffer.from('à effacer\n'));
      await run(member, CREATE_POST, {
        input: { groupId: commission.workingGroup.id, body: 'Brouillon.', fileIds: [other] },
      });
      const objects = storedObjects(app);
      const erased = await call(member, `mutation($p: String!) { deleteMyAccount(password: $p) }`, {
        p: member.password,
      });
      expect(erased.errors).toBeUndefined();
      // The draft's object goes (after the erasure commits); the copy's stays.
      await eventually(() => expect(storedObjects(app)).toBe(objects - 1));
      const [live] = await app.sql<{ id: string }>(
        `SELECT copy_post_id AS id FROM commission_publications WHERE post_id = $1`,
        [original],
      );
      const seen = await run<{ author: null; files: { url: string }[] }>(
        outsider,
        `query($id: ID!) { post(id: $id) { author { id } files { url } } }`,
        { id: live.id },
      );
      expect(seen.author).toBeNull();
      const got = await download(app, seen.files[0].url);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(PDF)).toBe(true);
    });
  });
});
