import { ok } from '../support/adversarial';
import { eventually } from '../support/eventually';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { searchIds } from '../support/search';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Directory consent has one answer everywhere (the User fields, the directory's text and skill
 * filters, the people search index): a consent stored before a field existed, which does not
 * mention it, gives that field its default (job title, skills and interests shown; e-mail and
 * phone hidden). Before, the search index read a missing key as "hidden" while the API showed it.
 */
describe('directory consent, one answer for every reader', () => {
  let app: TestApp;
  let admin: Session;
  let club: string;
  let viewer: Session;

  const PROFILE = 'query($id: ID!) { user(id: $id) { jobTitle skills interests phone email } }';
  const PEOPLE =
    'query($search: String, $skill: String) { people(search: $search, skill: $skill) { edges { node { id } } } }';
  const profileSeenBy = async (who: Session, id: string) =>
    ok(
      await app.gql<{
        user: { jobTitle: string | null; skills: string[]; phone: string | null; email: string | null };
      }>(PROFILE, { id }, who.accessToken),
    ).user;
  const directory = async (args: { search?: string; skill?: string }) =>
    ok(
      await app.gql<{ people: { edges: { node: { id: string } }[] } }>(PEOPLE, args, viewer.accessToken),
    ).people.edges.map((edge) => edge.node.id);
  const update = async (who: Session, input: Record<string, unknown>) =>
    ok(
      await app.gql(
        'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }',
        { i: input },
        who.accessToken,
      ),
    );

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    club = await createOrganization(app, admin.accessToken, {
      name: 'Club de Vannes',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    viewer = await newMember(app, admin.accessToken, club, 'MEMBER', 'Vera Voisine');
  });

  afterAll(() => app.close());

  it('shows, finds and indexes a field that a stored consent does not mention, as its default says', async () => {
    const word = `tresoriere${Math.random().toString(36).slice(2, 8).replace(/\d/g, 'q')}`;
    const person = await newMember(app, admin.accessToken, club, 'MEMBER', 'Odile Ancienne');
    await update(person, { jobTitle: `Trésorière ${word}`, skills: [`compta${word}`], phone: '+33 6 12 34 56 78' });
    // A consent saved before job title, skills and phone were asked about: only e-mail is mentioned.
    await app.sql(`UPDATE users SET profile_visibility = '{"email": false}' WHERE id = $1`, [person.userId]);
    await update(person, { bio: 'Bénévole depuis 2010' }); // any change re-derives the directory text and the index

    expect(await profileSeenBy(viewer, person.userId)).toEqual({
      jobTitle: `Trésorière ${word}`,
      skills: [`compta${word}`],
      interests: [],
      phone: null,
      email: null,
    });
    expect(await directory({ search: word })).toEqual([person.userId]);
    expect(await directory({ skill: `compta${word}` })).toEqual([person.userId]);
    await eventually(
      async () =>
        expect(await searchIds(app, viewer.accessToken, word, { types: ['PERSON'] })).toEqual([person.userId]),
      { timeoutMs: 30_000 },
    );
  });

  it('hides what the person hides, from the fields, the directory’s filters and search alike', async () => {
    const word = `secretaire${Math.random().toString(36).slice(2, 8).replace(/\d/g, 'q')}`;
    const person = await newMember(app, admin.accessToken, club, 'MEMBER', 'Hector Discret');
    await update(person, {
      jobTitle: `Secrétaire ${word}`,
      skills: [`archives${word}`],
      profileVisibility: { jobTitle: false, skills: false },
    });
    expect(await profileSeenBy(viewer, person.userId)).toMatchObject({ jobTitle: null, skills: [] });
    expect(await profileSeenBy(person, person.userId)).toMatchObject({ jobTitle: `Secrétaire ${word}` });
    expect(await directory({ search: word })).toEqual([]);
    // The skill filter used to ignore consent: a hidden skill found its owner.
    expect(await directory({ skill: `archives${word}` })).toEqual([]);
    // Indexed (their name is searchable), but not by what they hide.
    await eventually(
      async () =>
        expect(await searchIds(app, viewer.accessToken, 'Hector Discret', { types: ['PERSON'] })).toContain(
          person.userId,
        ),
      { timeoutMs: 30_000 },
    );
    expect(await searchIds(app, viewer.accessToken, word, { types: ['PERSON'] })).toEqual([]);
  });

  it('leaves a person who does not consent to be listed out of the directory and people search, not off their profile', async () => {
    const word = `discrete${Math.random().toString(36).slice(2, 8).replace(/\d/g, 'q')}`;
    const person = await newMember(app, admin.accessToken, club, 'MEMBER', `Irène ${word}`);
    await eventually(
      async () =>
        expect(await searchIds(app, viewer.accessToken, word, { types: ['PERSON'] })).toEqual([person.userId]),
      { timeoutMs: 30_000 },
    );
    expect(await directory({ search: word })).toEqual([person.userId]);

    await update(person, { profileVisibility: { listed: false } });
    expect(await directory({ search: word })).toEqual([]);
    await eventually(
      async () => expect(await searchIds(app, viewer.accessToken, word, { types: ['PERSON'] })).toEqual([]),
      { timeoutMs: 30_000 },
    );
    expect(await profileSeenBy(viewer, person.userId)).toMatchObject({ email: null });
    const own = ok(
      await app.gql<{ me: { profileVisibility: { listed: boolean } } }>(
        '{ me { profileVisibility { listed } } }',
        {},
        person.accessToken,
      ),
    );
    expect(own.me.profileVisibility.listed).toBe(false);

    await update(person, { profileVisibility: { listed: true } });
    expect(await directory({ search: word })).toEqual([person.userId]);
  });
});
