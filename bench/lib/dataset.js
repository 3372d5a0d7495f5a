'use strict';
// The synthetic federation of the benchmark, written straight into PostgreSQL with multi-row
// inserts. Sizes scale linearly with --scale (S=1: 50,000 users, 1,000 groups, 1,000,000 posts,
// 100,000 questions, 200,000 answers, 2,000,000 messages). Deterministic: one seeded RNG.
const { performance } = require('node:perf_hooks');
const { createRng } = require('./rng');
const { BulkWriter, Batch, arrayLiteral } = require('./bulk-writer');
const { seedQuestions, seedConversations } = require('./dataset-content');
const { FIRST_NAMES, LAST_NAMES, JOBS, SKILLS, TAGS, WORDS, sentence, paragraph } = require('./text');

const DAY = 86_400_000;

function sizes(scale, overrides = {}) {
  const n = (base, min) => Math.max(min, Math.round(base * scale));
  const users = n(50_000, 40);
  const sockets = overrides.sockets ?? Math.min(users - (users % 2), Math.max(10, 2 * Math.round(2_500 * scale)));
  return {
    users,
    regions: 13,
    associations: n(600, 4),
    groups: n(1_000, 6),
    membershipsPerUser: 8,
    followsPerUser: 4,
    posts: n(1_000_000, 200),
    reactionsPerPost: 0.3,
    questions: n(100_000, 30),
    answers: n(200_000, 60),
    messages: n(2_000_000, 200),
    groupConversations: n(2_000, 2),
    sockets,
  };
}

/** Seeds everything; returns what the measurements need (sizes, timings, ids of interest). */
async function seedDataset({ url, scale, passwordHash, log, overrides }) {
  const size = sizes(scale, overrides);
  const rng = createRng(20260101);
  const now = Date.now();
  const iso = (ms) => new Date(ms).toISOString();
  const writer = await BulkWriter.open(url, 2);
  const timings = {};
  const started = performance.now();
  const step = async (name, work) => {
    const t0 = performance.now();
    const before = { ...writer.rowsByTable };
    await work();
    await writer.flush();
    const rows = Object.entries(writer.rowsByTable).reduce((sum, [t, c]) => sum + c - (before[t] ?? 0), 0);
    const seconds = (performance.now() - t0) / 1000;
    timings[name] = { rows, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(rows / seconds) };
    log(`  seeded ${name}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s`);
  };

  try {
    // Organisations: the federation, 13 regional leagues, associations under them.
    const federation = rng.uuid();
    const regions = Array.from({ length: size.regions }, () => rng.uuid());
    const associations = Array.from({ length: size.associations }, () => rng.uuid());
    await step('organizations', async () => {
      const b = new Batch(writer, 'organizations', [
        ['id', 'uuid'],
        ['name', 'text'],
        ['slug', 'text'],
        ['kind', 'text'],
        ['parent_id', 'uuid'],
        ['ancestor_ids', 'uuid[]'],
      ]);
      b.push(federation, 'Fédération de banc d’essai', 'bench-federation', 'FEDERATION', null, '{}');
      regions.forEach((id, i) =>
        b.push(id, `Ligue ${i + 1}`, `bench-ligue-${i + 1}`, 'REGION', federation, `{${federation}}`),
      );
      associations.forEach((id, i) => {
        const region = regions[i % regions.length];
        b.push(
          id,
          `Association ${WORDS[i % WORDS.length]} ${i + 1}`,
          `bench-asso-${i + 1}`,
          'ASSOCIATION',
          region,
          `{${federation},${region}}`,
        );
      });
      await b.send();
    });

    // People: one association each (its first member is its admin); user 0 administers the federation.
    const users = [];
    await step('users', async () => {
      const b = new Batch(
        writer,
        'users',
        [
          ['id', 'uuid'],
          ['email', 'text'],
          ['password_hash', 'text'],
          ['display_name', 'text'],
          ['job_title', 'text'],
          ['skills', 'text[]'],
          ['interests', 'text[]'],
          ['directory_text', 'text'],
          ['created_at', 'timestamptz'],
        ],
        5000,
      );
      for (let i = 0; i < size.users; i++) {
        const id = rng.uuid();
        users.push(id);
        const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
        const job = rng.pick(JOBS);
        const skills = [rng.pick(SKILLS), rng.pick(SKILLS)].filter((s, k, all) => all.indexOf(s) === k);
        const interests = [rng.pick(WORDS), rng.pick(WORDS)];
        if (
          b.push(
            id,
            `user${i}@bench.maillage.test`,
            passwordHash,
            name,
            job,
            arrayLiteral(skills),
            arrayLiteral(interests),
            [name, job, ...skills, ...interests].join(' '),
            iso(now - 800 * DAY + i * 1000),
          )
        )
          await b.send();
      }
      await b.send();
      await writer.flush();
      const m = new Batch(
        writer,
        'organization_memberships',
        [
          ['organization_id', 'uuid'],
          ['user_id', 'uuid'],
          ['role', 'text'],
        ],
        10000,
      );
      const f = new Batch(
        writer,
        'organization_follows',
        [
          ['organization_id', 'uuid'],
          ['user_id', 'uuid'],
        ],
        10000,
      );
      m.push(federation, users[0], 'ADMIN');
      for (let i = 1; i < size.users; i++) {
        const a = i % associations.length;
        if (m.push(associations[a], users[i], i <= associations.length ? 'ADMIN' : 'MEMBER')) await m.send();
        if (f.push(associations[a], users[i])) await f.send();
      }
      await m.send();
      await f.send();
    });

    // Groups: a tenth at the federation, a fifth in the leagues, the rest in associations; a quarter private.
    const groups = [];
    const privateGroup = [];
    await step('groups', async () => {
      const b = new Batch(writer, 'groups', [
        ['id', 'uuid'],
        ['organization_id', 'uuid'],
        ['name', 'text'],
        ['slug', 'text'],
        ['description', 'text'],
        ['visibility', 'text'],
        ['topics', 'text[]'],
        ['created_at', 'timestamptz'],
      ]);
      for (let g = 0; g < size.groups; g++) {
        const id = rng.uuid();
        groups.push(id);
        const r = rng.next();
        const org = r < 0.1 ? federation : r < 0.3 ? rng.pick(regions) : rng.pick(associations);
        const isPrivate = rng.next() < 0.25;
        privateGroup.push(isPrivate);
        const topic = WORDS[rng.int(WORDS.length)];
        b.push(
          id,
          org,
          `Groupe ${topic} ${g + 1}`,
          `bench-groupe-${g + 1}`,
          sentence(rng, 12),
          isPrivate ? 'PRIVATE' : 'PUBLIC',
          arrayLiteral([topic, rng.pick(TAGS)]),
          iso(now - 790 * DAY),
        );
      }
      await b.send();
    });

    // Memberships (8 groups per person, popular groups first) and follows (4 more public groups).
    const members = Array.from({ length: size.groups }, () => []);
    await step('group_memberships', async () => {
      const b = new Batch(
        writer,
        'group_memberships',
        [
          ['group_id', 'uuid'],
          ['user_id', 'uuid'],
          ['role', 'text'],
        ],
        10000,
      );
      const f = new Batch(
        writer,
        'group_follows',
        [
          ['group_id', 'uuid'],
          ['user_id', 'uuid'],
        ],
        10000,
      );
      const owners = new Map();
      for (let g = 0; g < size.groups; g++) owners.set(g, (g * 7919 + 1) % size.users);
      const perUser = Math.min(size.membershipsPerUser, size.groups);
      const follows = Math.min(size.followsPerUser, size.groups - perUser);
      const ownedBy = new Map();
      for (const [g, u] of owners) ownedBy.set(u, [...(ownedBy.get(u) ?? []), g]);
      for (let u = 0; u < size.users; u++) {
        const mine = new Set(ownedBy.get(u) ?? []);
        for (const g of mine) members[g].push(u);
        for (const g of mine) if (b.push(groups[g], users[u], 'OWNER')) await b.send();
        let guard = 0;
        while (mine.size < perUser + (ownedBy.get(u)?.length ?? 0) && guard++ < 100) {
          const g = rng.skewed(size.groups, 1.5);
          if (mine.has(g)) continue;
          mine.add(g);
          members[g].push(u);
          if (b.push(groups[g], users[u], 'MEMBER')) await b.send();
        }
        let followed = 0;
        guard = 0;
        const seen = new Set();
        while (followed < follows && guard++ < 100) {
          const g = rng.skewed(size.groups, 1.3);
          if (mine.has(g) || seen.has(g) || privateGroup[g]) continue;
          seen.add(g);
          followed++;
          if (f.push(groups[g], users[u])) await f.send();
        }
      }
      await b.send();
      await f.send();
    });

    // Posts, newest within two years, by members of their group; a few reactions from members.
    await step('posts', async () => {
      const b = new Batch(
        writer,
        'posts',
        [
          ['id', 'uuid'],
          ['group_id', 'uuid'],
          ['author_id', 'uuid'],
          ['body', 'text'],
          ['reaction_count', 'int4'],
          ['created_at', 'timestamptz'],
        ],
        5000,
      );
      // Reactions go in after their posts (two connections insert in parallel).
      const reactionRows = [[], []];
      for (let i = 0; i < size.posts; i++) {
        const g = rng.skewed(size.groups, 1.3);
        const id = rng.uuid();
        const who = members[g];
        let reactions = 0;
        if (rng.next() < size.reactionsPerPost / 1.5 && who.length > 1) {
          reactions = Math.min(who.length, 1 + rng.int(2));
          const start = rng.int(who.length);
          for (let k = 0; k < reactions; k++) {
            reactionRows[0].push(id);
            reactionRows[1].push(users[who[(start + k) % who.length]]);
          }
        }
        if (
          b.push(
            id,
            groups[g],
            users[rng.pick(who)],
            paragraph(rng, 12, 60),
            reactions,
            iso(now - rng.next() * 730 * DAY),
          )
        )
          await b.send();
      }
      await b.send();
      await writer.flush();
      for (let i = 0; i < reactionRows[0].length; i += 20000) {
        await writer.insert(
          'reactions',
          [
            ['post_id', 'uuid'],
            ['user_id', 'uuid'],
          ],
          reactionRows.map((col) => col.slice(i, i + 20000)),
        );
      }
    });

    const ctx = { writer, rng, size, users, groups, members, now, iso };
    // Questions with their answers (about two each); half of the answered ones have an accepted answer.
    await step('questions_answers', () => seedQuestions(ctx));

    // Conversations: DIRECT pairs (user 2k with 2k+1, which the chat benchmark's sockets use, and
    // as many random pairs), GROUP ones of 3 to 8 people; messages in send order with their seq.
    let chatPairs = [];
    await step('conversations_messages', async () => {
      chatPairs = await seedConversations(ctx);
    });

    await writer.flush();
    const seedSeconds = (performance.now() - started) / 1000;
    const totalRows = Object.values(writer.rowsByTable).reduce((a, b) => a + b, 0);
    log(`  seed: ${totalRows.toLocaleString('en')} rows in ${seedSeconds.toFixed(1)} s; VACUUM ANALYZE…`);
    const v0 = performance.now();
    await writer.query('VACUUM (ANALYZE)');
    const vacuumSeconds = (performance.now() - v0) / 1000;
    return {
      size,
      timings,
      rowsByTable: writer.rowsByTable,
      totalRows,
      seedSeconds: Number(seedSeconds.toFixed(2)),
      rowsPerSecond: Math.round(totalRows / seedSeconds),
      vacuumSeconds: Number(vacuumSeconds.toFixed(2)),
      users,
      chatPairs,
      federation,
    };
  } finally {
    await writer.close();
  }
}

module.exports = { sizes, seedDataset };
