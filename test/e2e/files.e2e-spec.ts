import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { eventually } from '../support/eventually';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { cutUpload, download, EXECUTABLE, jpegWithGps, PDF, upload, uploadOk } from '../support/file-fixtures';
import { addGroupMember, createGroup } from '../support/group-fixtures';
import { removeS3Data, S3Server, startS3Server } from '../support/s3-server';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Files through the real server: uploads judged by content and size, images without their EXIF,
 * attachments, a group's documents, downloads that follow the post's access (404 otherwise), on
 * the local disk and on a real S3-compatible server (npm s3rver) that is stopped mid-test.
 */
const CREATE_POST = `mutation($input: CreatePostInput!) { createPost(input: $input) {
  id files { id name mimeType size url thumbnailUrl uploadedBy { id } } } }`;
const POST_FILES = `query($id: ID!) { post(id: $id) { id files { id name url thumbnailUrl } } }`;
const DOCUMENTS = `query($g: ID!, $search: String) { group(id: $g) { documents(search: $search, first: 20) {
  totalCount edges { node { id name size url uploadedBy { id } } } } } }`;
const FOLLOW = `mutation($g: ID!) { followGroup(groupId: $g) { id } }`;

interface PostAnswer {
  createPost: {
    id: string;
    files: { id: string; name: string; mimeType: string; size: number; url: string; thumbnailUrl: string | null }[];
  };
}
type Files = { post: { files: { id: string; name: string; url: string; thumbnailUrl: string | null }[] } | null };
type Documents = { group: { documents: { totalCount: number; edges: { node: { id: string; name: string } }[] } } };

const filesDir = (app: TestApp) => join(app.env.DATA_DIR, 'files');
const tempDir = (app: TestApp) => join(app.env.DATA_DIR, 'uploads-in-progress');
const storedObjects = (app: TestApp) =>
  existsSync(filesDir(app))
    ? readdirSync(filesDir(app), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    : 0;

describe('files', () => {
  let app: TestApp;
  let admin: Session;
  let owner: Session;
  let member: Session;
  let follower: Session;
  let outsider: Session;
  let publicGroup: string;
  let privateGroup: string;

  beforeAll(async () => {
    app = await startTestApp({ MAX_UPLOAD_MB: '25' });
    admin = await loginAdmin(app);
    const club = await createOrganization(app, admin.accessToken, {
      name: 'Club de Lyon',
      kind: 'ASSOCIATION',
      parentId: await federationId(app, admin.accessToken),
    });
    owner = await newMember(app, admin.accessToken, club, 'MEMBER', 'Présidente Lyon');
    member = await newMember(app, admin.accessToken, club, 'MEMBER', 'Adhérent Lyon');
    follower = await newMember(app, admin.accessToken, club, 'MEMBER', 'Abonnée Lyon');
    outsider = await newMember(app, admin.accessToken, club, 'MEMBER', 'Voisin Lyon');
    publicGroup = await createGroup(app, owner.accessToken, {
      organizationId: club,
      name: 'Vie du club',
      visibility: 'PUBLIC',
    });
    privateGroup = await createGroup(app, owner.accessToken, {
      organizationId: club,
      name: 'Bureau',
      visibility: 'PRIVATE',
    });
    for (const group of [publicGroup, privateGroup]) await addGroupMember(app, owner.accessToken, group, member.userId);
    await app.gql(FOLLOW, { g: publicGroup }, follower.accessToken);
  });
  afterAll(() => app.close());

  async function post(who: Session, groupId: string, fileIds: string[], body = 'Pièces jointes') {
    return app.gql<PostAnswer>(CREATE_POST, { input: { groupId, body, fileIds } }, who.accessToken);
  }

  it('keeps a PDF with its accented name and serves it as an attachment, nosniff, private', async () => {
    const name = 'Compte-rendu été 2025.pdf';
    const answer = await upload(app, member.accessToken, name, PDF, 'text/html');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ name, mimeType: 'application/pdf', size: PDF.length, thumbnailUrl: null });
    const created = await post(member, publicGroup, [answer.body.id!]);
    const file = created.data!.createPost.files[0];
    expect(file).toMatchObject({ id: answer.body.id, name, mimeType: 'application/pdf' });
    const got = await download(app, file.url);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(PDF)).toBe(true);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="Compte-rendu ete 2025.pdf"; filename*=UTF-8''Compte-rendu%20%C3%A9t%C3%A9%202025.pdf`,
    );
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('cache-control')).toMatch(/^private/);
  });

  it('re-encodes a photo without its EXIF (GPS gone) and gives it a thumbnail', async () => {
    const photo = await jpegWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const answer = await upload(app, member.accessToken, 'sortie.jpg', photo);
    expect(answer.status).toBe(201);
    expect(answer.body.mimeType).toBe('image/jpeg');
    const stored = await download(app, answer.body.url!);
    const metadata = await sharp(stored.bytes).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(metadata.exif).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([640, 480]);
    const thumbnail = await download(app, answer.body.thumbnailUrl!);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(thumbnail.bytes).metadata()).width).toBeLessThanOrEqual(480);
  });

  it('refuses by content: an executable named .pdf and an SVG are 415, and nothing is kept', async () => {
    const before = storedObjects(app);
    const exe = await upload(app, member.accessToken, 'facture.pdf', EXECUTABLE, 'application/pdf');
    expect(exe).toEqual({ status: 415, body: { error: expect.objectContaining({ reason: 'FILE_TYPE_REFUSED' }) } });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await upload(app, member.accessToken, 'logo.txt', svg)).status).toBe(415);
    const csv = await upload(app, member.accessToken, 'adhérents.csv', Buffer.from('nom;ville\nÉlodie;Lyon\n'));
    expect(csv.body.mimeType).toBe('text/csv');
    expect(storedObjects(app)).toBe(before + 1);
  });

  it('refuses 26 MB with 413 and keeps nothing, on disk or in the database', async () => {
    const before = await app.sql<{ count: number }>('SELECT count(*)::int AS count FROM files');
    const objects = storedObjects(app);
    const answer = await upload(app, member.accessToken, 'gros.pdf', Buffer.alloc(26 * 1024 * 1024, 0x25));
    expect(answer).toEqual({ status: 413, body: { error: expect.objectContaining({ reason: 'FILE_TOO_LARGE' }) } });
    expect(await app.sql('SELECT count(*)::int AS count FROM files')).toEqual(before);
    expect(storedObjects(app)).toBe(objects);
    expect(readdirSync(tempDir(app))).toEqual([]);
  });

  it('leaves nothing behind when an upload is cut halfway', async () => {
    const before = await app.sql('SELECT count(*)::int AS count FROM files');
    await cutUpload(app, member.accessToken, 3 * 1024 * 1024);
    await eventually(() => expect(readdirSync(tempDir(app))).toEqual([]));
    expect(await app.sql('SELECT count(*)::int AS count FROM files')).toEqual(before);
  });

  it('needs a token to upload', async () => {
    expect((await upload(app, undefined, 'a.pdf', PDF)).status).toBe(401);
  });

  it('follows the access of the post: PUBLIC and PRIVATE groups, member, follower, outsider, admin above', async () => {
    const publicFile = await uploadOk(app, member.accessToken, 'programme.pdf', PDF);
    const privateFile = await uploadOk(app, member.accessToken, 'budget confidentiel.pdf', PDF);
    const publicPost = (await post(member, publicGroup, [publicFile])).data!.createPost.id;
    const privatePost = (await post(member, privateGroup, [privateFile])).data!.createPost.id;
    const readers: [string, Session, boolean, boolean][] = [
      ['member', member, true, true],
      ['follower', follower, true, false],
      ['outsider', outsider, true, false],
      ['admin above', admin, true, true],
    ];
    for (const [who, session, readsPublic, readsPrivate] of readers) {
      for (const [postId, fileId, allowed] of [
        [publicPost, publicFile, readsPublic],
        [privatePost, privateFile, readsPrivate],
      ] as const) {
        const seen = await app.gql<Files>(POST_FILES, { id: postId }, session.accessToken);
        const files = seen.data?.post?.files ?? [];
        expect([who, files.map((f) => f.id)]).toEqual([who, allowed ? [fileId] : []]);
        if (allowed) expect([who, (await download(app, files[0].url)).status]).toEqual([who, 200]);
        const documents = await app.gql<Documents>(
          DOCUMENTS,
          { g: postId === publicPost ? publicGroup : privateGroup },
          session.accessToken,
        );
        if (allowed) expect(documents.data?.group.documents.edges.map((e) => e.node.id)).toContain(fileId);
        else expect(documents.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    }
    // A link is the viewer's own: tampered, or replayed for another file, it is a 404 like a missing file.
    const memberView = await app.gql<Files>(POST_FILES, { id: privatePost }, member.accessToken);
    const link = new URL(memberView.data!.post!.files[0].url, app.url);
    const forged = new URL(link);
    forged.searchParams.set('t', link.searchParams.get('t')!.replace(member.userId, outsider.userId));
    expect((await download(app, forged.toString())).status).toBe(404);
    const otherFile = new URL(link);
    otherFile.pathname = `/files/${publicFile}/programme.pdf`;
    expect((await download(app, otherFile.toString())).status).toBe(404);
    expect((await download(app, `/files/${privateFile}/x.pdf`)).status).toBe(404);
    // Once the member leaves the private group, the link they had stops working.
    await app.gql(
      'mutation($g: ID!, $u: ID!) { removeGroupMember(groupId: $g, userId: $u) }',
      { g: privateGroup, u: member.userId },
      owner.accessToken,
    );
    expect((await download(app, link.toString())).status).toBe(404);
    await addGroupMember(app, owner.accessToken, privateGroup, member.userId);
    // A deleted post takes its files with it.
    await app.gql('mutation($id: ID!) { deletePost(id: $id) }', { id: privatePost }, member.accessToken);
    expect((await download(app, link.toString())).status).toBe(404);
  });

  it('lets only the uploader see an unattached file, and attach it once', async () => {
    const answer = await upload(app, member.accessToken, 'brouillon.txt', Buffer.from('Ordre du jour\n'));
    expect((await download(app, answer.body.url!)).status).toBe(200);
    const stolen = await post(owner, publicGroup, [answer.body.id!]);
    expect(stolen.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'FILE_NOT_ATTACHABLE',
      fields: ['fileIds'],
    });
    expect((await post(member, publicGroup, [answer.body.id!])).data?.createPost.files).toHaveLength(1);
    const again = await post(member, publicGroup, [answer.body.id!]);
    expect(again.errors?.[0]?.extensions?.reason).toBe('FILE_NOT_ATTACHABLE');
  });

  it("lists a group's documents by name, accents ignored, and finds them in search (DOCUMENT)", async () => {
    const id = await uploadOk(app, owner.accessToken, 'Procès-verbal assemblée générale.pdf', PDF);
    await post(owner, publicGroup, [id]);
    const found = await app.gql<Documents>(
      DOCUMENTS,
      { g: publicGroup, search: 'proces verbal' },
      outsider.accessToken,
    );
    expect(found.data?.group.documents.edges.map((e) => e.node.name)).toEqual(['Procès-verbal assemblée générale.pdf']);
    const hidden = await uploadOk(app, member.accessToken, 'procès secret.pdf', PDF);
    await post(member, privateGroup, [hidden]);
    const SEARCH = `query($q: String!) { search(query: $q, types: [DOCUMENT]) { hits { type id title groupId } } }`;
    await eventually(async () => {
      const hits = (await app.gql<{ search: { hits: { id: string }[] } }>(SEARCH, { q: 'procès' }, member.accessToken))
        .data?.search.hits;
      expect(hits?.map((h) => h.id).sort()).toEqual([id, hidden].sort());
    });
    const outsiderHits = await app.gql<{ search: { hits: { id: string }[] } }>(
      SEARCH,
      { q: 'procès' },
      outsider.accessToken,
    );
    expect(outsiderHits.data?.search.hits.map((h) => h.id)).toEqual([id]);
  });

  it('removes uploads never attached after a day, objects included', async () => {
    const orphan = await uploadOk(app, outsider.accessToken, 'oublié.pdf', PDF);
    const objects = storedObjects(app);
    await app.sql(`UPDATE files SET created_at = now() - interval '25 hours' WHERE id = $1`, [orphan]);
    await app.sql(`INSERT INTO jobs (name, payload) VALUES ('files.purge-orphans', '{}')`);
    await app.sql(`SELECT pg_notify('maillage_jobs', 'files.purge-orphans')`);
    await eventually(async () => expect(await app.sql('SELECT id FROM files WHERE id = $1', [orphan])).toEqual([]));
    expect(storedObjects(app)).toBe(objects - 1);
  });

  it("exports one's files and erases them with the account", async () => {
    const leaving = await newMember(
      app,
      admin.accessToken,
      (await app.sql<{ id: string }>(`SELECT organization_id AS id FROM groups WHERE id = $1`, [publicGroup]))[0].id,
      'MEMBER',
      'Partante Lyon',
    );
    await addGroupMember(app, owner.accessToken, publicGroup, leaving.userId);
    const id = await uploadOk(app, leaving.accessToken, 'mes notes.txt', Buffer.from('à garder\n'));
    await post(leaving, publicGroup, [id]);
    const exported = await app.gql<{ exportMyData: { files: { name: string; size: number }[] } }>(
      '{ exportMyData }',
      {},
      leaving.accessToken,
    );
    expect(exported.data?.exportMyData.files).toEqual([
      expect.objectContaining({ id, name: 'mes notes.txt', mimeType: 'text/plain', size: 10 }),
    ]);
    const objects = storedObjects(app);
    const erased = await app.gql(
      'mutation($p: String!) { deleteMyAccount(password: $p) }',
      { p: leaving.password },
      leaving.accessToken,
    );
    expect(erased.errors).toBeUndefined();
    expect(await app.sql('SELECT id FROM files WHERE id = $1', [id])).toEqual([]);
    await eventually(() => expect(storedObjects(app)).toBe(objects - 1));
  });

  describe('on an S3-compatible store', () => {
    let s3: S3Server;
    let s3app: TestApp;
    let s3member: Session;
    let s3group: string;

    beforeAll(async () => {
      s3 = await startS3Server();
      s3app = await startTestApp(s3.env);
      const s3admin = await loginAdmin(s3app);
      s3member = await newMember(
        s3app,
        s3admin.accessToken,
        await federationId(s3app, s3admin.accessToken),
        'MEMBER',
        'Membre S3',
      );
      s3group = await createGroup(s3app, s3member.accessToken, {
        organizationId: await federationId(s3app, s3admin.accessToken),
        name: 'Archives',
        visibility: 'PRIVATE',
      });
    });
    afterAll(async () => {
      await s3app?.close();
      await s3?.stop();
      if (s3) removeS3Data(s3);
    });

    it('stores, serves and thumbnails files there, nothing on the local disk', async () => {
      const big = Buffer.concat([PDF, Buffer.alloc(9 * 1024 * 1024, 0x20)]);
      const pdf = await upload(s3app, s3member.accessToken, 'Rapport annuel.pdf', big);
      expect(pdf.status).toBe(201);
      const photo = await upload(s3app, s3member.accessToken, 'photo.jpg', await jpegWithGps());
      const created = await s3app.gql<PostAnswer>(
        CREATE_POST,
        { input: { groupId: s3group, body: 'Archives', fileIds: [pdf.body.id, photo.body.id] } },
        s3member.accessToken,
      );
      const [file, image] = created.data!.createPost.files;
      const got = await download(s3app, file.url);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(big)).toBe(true);
      expect((await sharp((await download(s3app, image.url)).bytes).metadata()).exif).toBeUndefined();
      expect((await download(s3app, image.thumbnailUrl!)).status).toBe(200);
      expect(storedObjects(s3app)).toBe(0);
    });

    it('answers 503 when S3 is down, keeps nothing, while a local-disk instance still serves its files', async () => {
      const localFile = await upload(app, member.accessToken, 'toujours là.pdf', PDF);
      await s3.stop();
      const refused = await upload(s3app, s3member.accessToken, 'pendant la panne.pdf', PDF);
      expect(refused).toEqual({
        status: 503,
        body: { error: expect.objectContaining({ reason: 'STORAGE_UNAVAILABLE' }) },
      });
      expect(await s3app.sql(`SELECT id FROM files WHERE name = 'pendant la panne.pdf'`)).toEqual([]);
      expect(readdirSync(tempDir(s3app))).toEqual([]);
      expect((await download(app, localFile.body.url!)).status).toBe(200);
    });
  });
});
