import {
  clubName,
  COMMISSIONS,
  DEMO_EMAIL_DOMAIN,
  INTERESTS,
  MEN,
  PROJECTS,
  REGIONS,
  SKILLS,
  SURNAMES,
  TITLES,
  Topic,
  TOPIC_GROUPS,
  WOMEN,
} from './demo-catalog';
import { fold, TextContext } from './demo-content';
import type { DemoRng } from './demo-rng';

export type OrgRef =
  { kind: 'FEDERATION' } | { kind: 'REGION'; index: number } | { kind: 'ASSOCIATION'; index: number };
export type OrgRole = 'ADMIN' | 'STAFF' | 'MEMBER';
export type GroupRole = 'OWNER' | 'MODERATOR' | 'MEMBER';

export interface PlannedOrg {
  id: string;
  name: string;
  kind: 'REGION' | 'ASSOCIATION';
  region: number;
  town?: string;
  description: string;
}

export interface PlannedPerson {
  id: string;
  email: string;
  displayName: string;
  jobTitle: string;
  bio: string;
  skills: string[];
  interests: string[];
  org: OrgRef;
  role: OrgRole;
  /** Index of their region (-1 at the federation) and association (-1 above associations). */
  region: number;
  club: number;
  /** What the printed login says about this person. */
  login?: string;
}

export interface PlannedGroup {
  id: string;
  name: string;
  description: string;
  visibility: 'PUBLIC' | 'PRIVATE';
  topics: string[];
  topic: Topic;
  org: OrgRef;
  context: TextContext;
  members: Map<number, GroupRole>;
  followers: number[];
  posts: number;
  questions: number;
}

export interface DemoPlan {
  regions: PlannedOrg[];
  associations: PlannedOrg[];
  people: PlannedPerson[];
  groups: PlannedGroup[];
}

/** People whose logins `seed:demo` prints: one of each role, in the same places on every run. */
const FIXED = {
  federationPresident: { first: 'Claire', last: 'Martin', female: true },
  subsidiesOfficer: { first: 'Julien', last: 'Moreau', female: false },
  bretagnePresident: { first: 'Yann', last: 'Le Goff', female: false },
  quimperPresident: { first: 'Sophie', last: 'Kerbrat', female: true },
  marseilleTreasurer: { first: 'Karim', last: 'Haddad', female: false },
  quimperVolunteer: { first: 'Léa', last: 'Dubois', female: true },
};

export function planDemo(rng: DemoRng): DemoPlan {
  const regions: PlannedOrg[] = REGIONS.map((r, i) => ({
    id: rng.uuid(),
    name: r.name,
    kind: 'REGION',
    region: i,
    description: `La ligue régionale ${r.short} : ses clubs, ses compétitions, ses formations.`,
  }));
  const associations: PlannedOrg[] = [];
  REGIONS.forEach((r, ri) =>
    r.towns.forEach((town) => {
      const name = clubName(associations.length, town);
      associations.push({
        id: rng.uuid(),
        name,
        kind: 'ASSOCIATION',
        region: ri,
        town,
        description: `Club omnisports associatif à ${town} : ${40 + rng.int(400)} licenciés, de l’école de sport aux vétérans.`,
      });
    }),
  );

  const people: PlannedPerson[] = [];
  const names = new Set<string>();
  const emails = new Set<string>();
  const person = (
    spec: { org: OrgRef; role: OrgRole; region: number; club: number; titles: readonly [string, string] },
    fixed?: { first: string; last: string; female: boolean },
    login?: string,
  ): number => {
    let female = fixed?.female ?? rng.chance(0.5);
    let first = fixed?.first ?? rng.pick(female ? WOMEN : MEN);
    let last = fixed?.last ?? rng.pick(SURNAMES);
    while (!fixed && names.has(`${first} ${last}`)) {
      female = rng.chance(0.5);
      first = rng.pick(female ? WOMEN : MEN);
      last = rng.pick(SURNAMES);
    }
    names.add(`${first} ${last}`);
    let email = `${fold(first)}.${fold(last)}@${DEMO_EMAIL_DOMAIN}`;
    for (let n = 2; emails.has(email); n++) email = `${fold(first)}.${fold(last)}${n}@${DEMO_EMAIL_DOMAIN}`;
    emails.add(email);
    const jobTitle = spec.titles[female ? 0 : 1];
    const where =
      spec.club >= 0 ? associations[spec.club].name : spec.region >= 0 ? regions[spec.region].name : 'la fédération';
    people.push({
      id: rng.uuid(),
      email,
      displayName: `${first} ${last}`,
      jobTitle,
      bio: `${jobTitle} — ${where}. Bénévole depuis ${2 + rng.int(20)} ans.`,
      skills: rng.sample(SKILLS, 2 + rng.int(3)),
      interests: rng.sample(INTERESTS, 2 + rng.int(2)),
      org: spec.org,
      role: spec.role,
      region: spec.region,
      club: spec.club,
      login,
    });
    return people.length - 1;
  };

  const federation: OrgRef = { kind: 'FEDERATION' };
  const president = person(
    { org: federation, role: 'ADMIN', region: -1, club: -1, titles: TITLES.federationPresident },
    FIXED.federationPresident,
    'federation admin',
  );
  const staff = TITLES.federationStaff.map((titles, i) =>
    i === 0
      ? person(
          { org: federation, role: 'STAFF', region: -1, club: -1, titles },
          FIXED.subsidiesOfficer,
          'federation staff, moderates "Subventions nationales"',
        )
      : person({ org: federation, role: 'STAFF', region: -1, club: -1, titles }),
  );
  const regionPresidents = regions.map((_, ri) =>
    person(
      { org: { kind: 'REGION', index: ri }, role: 'ADMIN', region: ri, club: -1, titles: TITLES.regionPresident },
      REGIONS[ri].short === 'Bretagne' ? FIXED.bretagnePresident : undefined,
      REGIONS[ri].short === 'Bretagne' ? 'league admin (Ligue de Bretagne)' : undefined,
    ),
  );
  const regionStaff = regions.map((_, ri) =>
    person({ org: { kind: 'REGION', index: ri }, role: 'STAFF', region: ri, club: -1, titles: TITLES.regionStaff }),
  );
  const clubPeople: number[][] = associations.map(() => []);
  associations.forEach((club, ci) => {
    const org: OrgRef = { kind: 'ASSOCIATION', index: ci };
    const at = { org, region: club.region, club: ci };
    const quimper = club.town === 'Quimper';
    const marseille = club.town === 'Marseille';
    clubPeople[ci].push(
      person(
        { ...at, role: 'ADMIN', titles: TITLES.clubPresident },
        quimper ? FIXED.quimperPresident : undefined,
        quimper ? `association admin (${club.name})` : undefined,
      ),
      person(
        { ...at, role: 'STAFF', titles: TITLES.clubTreasurer },
        marseille ? FIXED.marseilleTreasurer : undefined,
        marseille ? `association staff (${club.name})` : undefined,
      ),
    );
    const extra = 2 + (ci % 2) + (rng.chance(0.2) ? 1 : 0);
    for (let k = 0; k < extra; k++) {
      const fixed = quimper && k === 0 ? FIXED.quimperVolunteer : undefined;
      const titles = fixed ? TITLES.clubMembers[3] : rng.pick(TITLES.clubMembers);
      clubPeople[ci].push(
        person({ ...at, role: 'MEMBER', titles }, fixed, fixed ? `member (${club.name})` : undefined),
      );
    }
  });

  const everyone = people.map((_, i) => i);
  const groups: PlannedGroup[] = [];
  const nationalContext = (): TextContext => {
    const club = rng.pick(associations);
    return { town: club.town ?? '', club: club.name, region: REGIONS[club.region].short };
  };
  const group = (
    spec: Omit<PlannedGroup, 'id' | 'members' | 'followers'>,
    owner: number,
    moderators: number[],
    members: number[],
    followers: number[],
  ) => {
    const roles = new Map<number, GroupRole>();
    roles.set(owner, 'OWNER');
    for (const m of moderators) if (!roles.has(m)) roles.set(m, 'MODERATOR');
    for (const m of members) if (!roles.has(m)) roles.set(m, 'MEMBER');
    groups.push({ ...spec, id: rng.uuid(), members: roles, followers: followers.filter((f) => !roles.has(f)) });
  };

  TOPIC_GROUPS.forEach((t, i) => {
    const owner = staff[i % staff.length];
    const members = rng.sample(everyone, 45 + rng.int(50));
    // The printed logins see a living feed: they belong to a few topic groups each.
    if (i < 4)
      members.push(
        president,
        people.findIndex((p) => p.login?.startsWith('member')),
      );
    if (i % 2 === 0)
      members.push(regionPresidents[2], clubPeople[associations.findIndex((a) => a.town === 'Quimper')][0]);
    group(
      {
        name: t.name,
        description: t.description,
        visibility: 'PUBLIC',
        topics: t.topics,
        topic: t.topic,
        org: federation,
        context: nationalContext(),
        posts: 80,
        questions: 24,
      },
      owner,
      [rng.pick(regionPresidents)],
      members,
      rng.sample(everyone, 20 + rng.int(30)),
    );
  });
  COMMISSIONS.forEach((c, i) => {
    const lead = i === 0 ? staff[4] : rng.pick(regionPresidents);
    const workers = rng.sample([...regionPresidents, ...staff, ...clubPeople.map((cp) => cp[0])], 6 + rng.int(4));
    group(
      {
        name: `${c.name} — groupe de travail`,
        description: `Groupe de travail de la ${c.name.toLowerCase()} (privé). ${c.description}`,
        visibility: 'PRIVATE',
        topics: [c.topic],
        topic: c.topic,
        org: federation,
        context: nationalContext(),
        posts: 30,
        questions: 3,
      },
      lead,
      [president],
      workers,
      [],
    );
    group(
      {
        name: c.name,
        description: `${c.description} Informations et questions ouvertes à tous les membres.`,
        visibility: 'PUBLIC',
        topics: [c.topic],
        topic: c.topic,
        org: federation,
        context: nationalContext(),
        posts: 40,
        questions: 14,
      },
      lead,
      workers.slice(0, 2),
      rng.sample(everyone, 30 + rng.int(30)),
      rng.sample(everyone, 15 + rng.int(20)),
    );
  });
  regions.forEach((r, ri) => {
    const clubsHere = associations.map((a, ci) => ({ a, ci })).filter(({ a }) => a.region === ri);
    const town = clubsHere[0]?.a.town ?? REGIONS[ri].towns[0];
    group(
      {
        name: `Réseau des clubs — ${REGIONS[ri].short}`,
        description: `L’entraide des clubs de la ${r.name} : réunions, calendrier, bonnes pratiques.`,
        visibility: 'PUBLIC',
        topics: ['ligue', REGIONS[ri].short],
        topic: 'reseau',
        org: { kind: 'REGION', index: ri },
        context: { town, club: rng.pick(clubsHere).a.name, region: REGIONS[ri].short },
        posts: 40,
        questions: 0,
      },
      regionPresidents[ri],
      [regionStaff[ri]],
      clubsHere.flatMap(({ ci }) => clubPeople[ci]),
      [],
    );
  });
  PROJECTS.forEach((p) => {
    const ci = associations.findIndex((a) => a.town === p.town);
    const club = associations[ci];
    group(
      {
        name: p.name,
        description: `Le groupe projet du ${club.name}.`,
        visibility: p.visibility,
        topics: ['projet'],
        topic: 'projet',
        org: { kind: 'ASSOCIATION', index: ci },
        context: { town: p.town, club: club.name, region: REGIONS[club.region].short },
        posts: 40,
        questions: 0,
      },
      clubPeople[ci][0],
      [clubPeople[ci][1]],
      [...clubPeople[ci], regionPresidents[club.region]],
      p.visibility === 'PUBLIC' ? rng.sample(everyone, 10) : [],
    );
  });
  return { regions, associations, people, groups };
}
