import { DataSource, EntityManager } from 'typeorm';
import { Locks, lockForTransaction } from '../../infra/database/advisory-locks';
import { enqueueSearchWork, SearchWork } from '../../infra/search/search-work';
import { hashPassword } from '../../modules/auth/passwords';
import { DEFAULT_BOOTSTRAP } from '../../modules/bootstrap/bootstrap.service';
import { slugify } from '../../modules/organizations/slug';
import { directoryText } from '../../modules/users/users.service';
import { planActivity, Row } from './demo-activity';
import { DEMO_FEDERATION, DEMO_PASSWORD } from './demo-catalog';
import { DemoPlan, OrgRef, planDemo } from './demo-plan';
import { createRng } from './demo-rng';

const DAY = 86_400_000;

export interface DemoLogin {
  email: string;
  displayName: string;
  jobTitle: string;
  what: string;
}

export interface DemoOutcome {
  created: boolean;
  federationName: string;
  /** The bootstrap federation was renamed, or an existing one kept its name. */
  federationNote?: string;
  counts: Record<string, number>;
  logins: DemoLogin[];
  password: string;
}

/**
 * `npm run cli -- seed:demo`: the demo federation in one transaction, or nothing when it is there
 * already (its first person's account is the marker). Deterministic: a seeded RNG draws every
 * name, id and text; only the dates follow today's date, so the demo always looks current.
 */
export async function seedDemo(db: DataSource, now = Date.now()): Promise<DemoOutcome> {
  const rng = createRng(20_260_101);
  const plan = planDemo(rng);
  const activity = planActivity(plan, rng, now);
  const logins = plan.people
    .filter((p) => p.login)
    .map((p) => ({ email: p.email, displayName: p.displayName, jobTitle: p.jobTitle, what: p.login as string }));
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (m): Promise<DemoOutcome> => {
    // Concurrent `seed:demo` runs queue here; the second finds the demo and changes nothing.
    await lockForTransaction(m, Locks.demoSeed);
    const [present] = (await m.query('SELECT 1 FROM users WHERE lower(email) = $1', [logins[0].email])) as unknown[];
    if (present) {
      const [federation] = (await m.query(
        `SELECT name FROM organizations WHERE kind = 'FEDERATION' ORDER BY created_at LIMIT 1`,
      )) as { name: string }[];
      return {
        created: false,
        federationName: federation?.name ?? DEMO_FEDERATION.name,
        logins,
        password: DEMO_PASSWORD,
        counts: {},
      };
    }
    const federation = await ensureFederation(m, createRng(1).uuid(), now);
    const base = { federationName: federation.name, logins, password: DEMO_PASSWORD };

    const slugs = new Set(
      ((await m.query('SELECT slug FROM organizations UNION ALL SELECT slug FROM groups')) as { slug: string }[]).map(
        (r) => r.slug,
      ),
    );
    const unique = (name: string) => {
      const base = slugify(name);
      let slug = base;
      for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
      slugs.add(slug);
      return slug;
    };
    const orgId = (ref: OrgRef) =>
      ref.kind === 'FEDERATION'
        ? federation.id
        : ref.kind === 'REGION'
          ? plan.regions[ref.index].id
          : plan.associations[ref.index].id;
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();

    await insert(m, 'organizations', [
      ...plan.regions.map((r) => ({
        id: r.id,
        name: r.name,
        slug: unique(r.name),
        kind: 'REGION',
        description: r.description,
        parent_id: federation.id,
        ancestor_ids: [federation.id],
        created_at: at(420),
      })),
      ...plan.associations.map((a) => {
        const region = plan.regions[a.region].id;
        return {
          id: a.id,
          name: a.name,
          slug: unique(a.name),
          kind: 'ASSOCIATION',
          description: a.description,
          parent_id: region,
          ancestor_ids: [federation.id, region],
          created_at: at(400),
        };
      }),
    ]);
    await insert(
      m,
      'users',
      plan.people.map((p, i) => ({
        id: p.id,
        email: p.email,
        password_hash: passwordHash,
        display_name: p.displayName,
        job_title: p.jobTitle,
        bio: p.bio,
        skills: p.skills,
        interests: p.interests,
        directory_text: directoryText(p),
        created_at: at(380 - i / 2),
      })),
    );
    await insert(
      m,
      'organization_memberships',
      plan.people.map((p, i) => ({
        organization_id: orgId(p.org),
        user_id: p.id,
        role: p.role,
        created_at: at(380 - i / 2),
      })),
    );
    await insert(m, 'organization_follows', organizationFollows(plan, federation.id));
    await insert(
      m,
      'groups',
      plan.groups.map((g) => ({
        id: g.id,
        organization_id: orgId(g.org),
        name: g.name,
        slug: unique(g.name),
        description: g.description,
        visibility: g.visibility,
        topics: g.topics,
        created_by: plan.people[[...g.members].find(([, role]) => role === 'OWNER')?.[0] ?? 0].id,
        created_at: at(190),
      })),
    );
    await insert(
      m,
      'group_memberships',
      plan.groups.flatMap((g) =>
        [...g.members].map(([p, role]) => ({ group_id: g.id, user_id: plan.people[p].id, role, created_at: at(185) })),
      ),
    );
    await insert(
      m,
      'group_follows',
      plan.groups.flatMap((g) =>
        g.followers.map((p) => ({ group_id: g.id, user_id: plan.people[p].id, created_at: at(180) })),
      ),
    );
    await insert(m, 'posts', activity.posts);
    await insert(m, 'comments', activity.comments);
    await insert(m, 'reactions', activity.reactions);
    // The accepted answer is named once the answers exist (a foreign key points at them).
    await insert(
      m,
      'questions',
      activity.questions.map((q) => ({ ...q, accepted_answer_id: null })),
    );
    await insert(m, 'answers', activity.answers);
    await insert(m, 'answer_votes', activity.votes);
    const accepted = activity.questions.filter((q) => q.accepted_answer_id);
    await m.query(
      `UPDATE questions q SET accepted_answer_id = t.answer FROM unnest($1::uuid[], $2::uuid[]) AS t(question, answer) WHERE q.id = t.question`,
      [accepted.map((q) => q.id), accepted.map((q) => q.accepted_answer_id)],
    );
    await insert(m, 'conversations', activity.conversations);
    await insert(m, 'conversation_participants', activity.participants);
    await insert(m, 'messages', activity.messages);
    await insert(m, 'notifications', activity.notifications);

    // Everything searchable goes through the outbox: the running server's indexer drains it.
    const work: SearchWork[] = [
      ...plan.people.map((p) => ({ kind: 'person' as const, id: p.id })),
      ...plan.groups.map((g) => ({ kind: 'group' as const, id: g.id })),
      ...activity.questions.map((q) => ({ kind: 'question' as const, id: String(q.id) })),
      ...activity.answers.map((a) => ({ kind: 'answer' as const, id: String(a.id) })),
      ...activity.posts.map((p) => ({ kind: 'post' as const, id: String(p.id) })),
    ];
    await enqueueSearchWork(m, work);

    return {
      ...base,
      created: true,
      federationNote: federation.note,
      counts: {
        leagues: plan.regions.length,
        associations: plan.associations.length,
        people: plan.people.length,
        groups: plan.groups.length,
        posts: activity.posts.length,
        comments: activity.comments.length,
        reactions: activity.reactions.length,
        questions: activity.questions.length,
        answers: activity.answers.length,
        'accepted answers': accepted.length,
        conversations: activity.conversations.length,
        messages: activity.messages.length,
      },
    };
  });
}

/**
 * The demo hangs under the database's federation: a fresh one when there is none, the bootstrap
 * "Ma fédération" renamed, or any other federation kept as its operator named it.
 */
async function ensureFederation(
  m: EntityManager,
  newId: string,
  now: number,
): Promise<{ id: string; name: string; note?: string }> {
  const [existing] = (await m.query(
    `SELECT id, name FROM organizations WHERE kind = 'FEDERATION' ORDER BY created_at LIMIT 1`,
  )) as { id: string; name: string }[];
  if (!existing) {
    const [{ taken }] = (await m.query('SELECT count(*)::int AS taken FROM organizations WHERE slug = $1', [
      slugify(DEMO_FEDERATION.name),
    ])) as { taken: number }[];
    await m.query(
      `INSERT INTO organizations (id, name, slug, kind, description, created_at) VALUES ($1, $2, $3, 'FEDERATION', $4, $5)`,
      [
        newId,
        DEMO_FEDERATION.name,
        `${slugify(DEMO_FEDERATION.name)}${taken ? '-demo' : ''}`,
        DEMO_FEDERATION.description,
        new Date(now - 450 * DAY),
      ],
    );
    return { id: newId, name: DEMO_FEDERATION.name };
  }
  if (existing.name === DEFAULT_BOOTSTRAP.federationName) {
    await m.query('UPDATE organizations SET name = $2, description = coalesce(description, $3) WHERE id = $1', [
      existing.id,
      DEMO_FEDERATION.name,
      DEMO_FEDERATION.description,
    ]);
    return { id: existing.id, name: DEMO_FEDERATION.name, note: `renamed from "${existing.name}"` };
  }
  return { id: existing.id, name: existing.name, note: 'kept its name' };
}

function organizationFollows(plan: DemoPlan, federationId: string): Row[] {
  const rows: Row[] = [];
  for (const p of plan.people) {
    if (p.club >= 0) rows.push({ organization_id: plan.associations[p.club].id, user_id: p.id });
    if (p.region >= 0) rows.push({ organization_id: plan.regions[p.region].id, user_id: p.id });
    else rows.push({ organization_id: federationId, user_id: p.id });
  }
  return rows;
}

/** Multi-row inserts: rows travel as JSON and PostgreSQL types them against the table's own row type. */
async function insert(m: EntityManager, table: string, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0])
    .map((c) => `"${c}"`)
    .join(', ');
  for (let i = 0; i < rows.length; i += 500) {
    await m.query(
      `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json)`,
      [JSON.stringify(rows.slice(i, i + 500))],
    );
  }
}

/** What `seed:demo` prints. */
export function demoBanner(outcome: DemoOutcome): string {
  const line = '='.repeat(78);
  const counts = Object.entries(outcome.counts)
    .map(([what, n]) => `${n.toLocaleString('fr-FR')} ${what}`)
    .join(', ');
  const width = Math.max(...outcome.logins.map((l) => l.email.length));
  return [
    '',
    line,
    outcome.created
      ? `  Demo federation "${outcome.federationName}" created${outcome.federationNote ? ` (${outcome.federationNote})` : ''}:`
      : `  The demo federation is already here ("${outcome.federationName}"): nothing changed.`,
    ...(outcome.created ? [`  ${counts}.`] : []),
    '',
    `  Every demo person's password: ${outcome.password}`,
    ...outcome.logins.map((l) => `    ${l.email.padEnd(width)}  ${l.displayName}, ${l.jobTitle} — ${l.what}`),
    '',
    '  Start the server with `npm start` (or `npm run demo`) and log in at http://localhost:3000/graphql.',
    line,
    '',
  ].join('\n');
}
