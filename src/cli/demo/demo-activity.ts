import { REGIONS } from './demo-catalog';
import { answerBody, commentBody, conversationLines, postBody, question, TextContext } from './demo-content';
import type { DemoPlan, PlannedGroup } from './demo-plan';
import type { DemoRng } from './demo-rng';

/** Rows as PostgreSQL stores them (snake_case columns), written by demo-seed.ts. */
export type Row = Record<string, string | number | boolean | null | string[]>;

export interface DemoActivity {
  posts: Row[];
  comments: Row[];
  reactions: Row[];
  questions: Row[];
  answers: Row[];
  votes: Row[];
  conversations: Row[];
  participants: Row[];
  messages: Row[];
  notifications: Row[];
}

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * Six months of life in the federation: posts with comments and reactions, questions with answers
 * (some accepted) and votes, DIRECT and GROUP conversations, and the notifications they caused.
 */
export function planActivity(plan: DemoPlan, rng: DemoRng, now: number): DemoActivity {
  const out: DemoActivity = {
    posts: [],
    comments: [],
    reactions: [],
    questions: [],
    answers: [],
    votes: [],
    conversations: [],
    participants: [],
    messages: [],
    notifications: [],
  };
  const id = (i: number) => plan.people[i].id;
  // People write about their own town, club and league; staff above the clubs, about the group's.
  const contextOf = (i: number, group: PlannedGroup): TextContext => {
    const p = plan.people[i];
    const club = p.club >= 0 ? plan.associations[p.club] : undefined;
    return {
      town: club?.town ?? group.context.town,
      club: club?.name ?? group.context.club,
      region: p.region >= 0 ? REGIONS[p.region].short : group.context.region,
    };
  };
  const iso = (ms: number) => new Date(Math.min(ms, now - MINUTE)).toISOString();
  // Recent days are busier than old ones.
  const past = (maxDays: number) => now - Math.pow(rng.next(), 1.6) * maxDays * DAY - rng.int(600) * MINUTE;
  const notify = (userId: string, type: string, actorId: string, subjectId: string, text: string, at: number) =>
    out.notifications.push({
      id: rng.uuid(),
      user_id: userId,
      type,
      actor_id: actorId,
      subject_id: subjectId,
      text,
      created_at: iso(at),
      read_at: now - at > 5 * DAY ? iso(at + DAY) : null,
    });

  for (const group of plan.groups) {
    const members = [...group.members.keys()];
    for (let p = 0; p < group.posts; p++) {
      const postId = rng.uuid();
      const author = rng.pick(members);
      const at = past(180);
      const commenters = rng.sample(members, rng.int(5));
      commenters.forEach((c, k) => {
        const cAt = at + (k + 1) * rng.int(720) * MINUTE;
        out.comments.push({
          id: rng.uuid(),
          post_id: postId,
          author_id: id(c),
          body: commentBody(rng, contextOf(c, group)),
          created_at: iso(cAt),
        });
        if (c !== author)
          notify(id(author), 'NEW_COMMENT', id(c), postId, 'Nouveau commentaire sur votre publication', cAt);
      });
      const reactors = rng.sample(members, rng.int(9));
      for (const r of reactors)
        out.reactions.push({ post_id: postId, user_id: id(r), created_at: iso(at + rng.int(2880) * MINUTE) });
      out.posts.push({
        id: postId,
        group_id: group.id,
        author_id: id(author),
        body: postBody(group.topic, rng, contextOf(author, group)),
        comment_count: commenters.length,
        reaction_count: reactors.length,
        created_at: iso(at),
      });
    }

    const titles = new Set<string>();
    for (let q = 0; q < group.questions; q++) {
      const asker = rng.pick(members);
      const text = question(group.topic, rng, contextOf(asker, group), titles);
      if (!text) continue;
      const questionId = rng.uuid();
      const at = past(300);
      const answerers = rng.chance(0.75)
        ? rng.sample(
            members.filter((m) => m !== asker),
            1 + rng.int(4),
          )
        : [];
      const answerIds: string[] = [];
      answerers.forEach((a, k) => {
        const answerId = rng.uuid();
        const aAt = at + (k + 1) * (30 + rng.int(4000)) * MINUTE;
        answerIds.push(answerId);
        const voters = rng.sample(
          members.filter((m) => m !== a),
          rng.int(6),
        );
        let score = 0;
        for (const v of voters) {
          const value = rng.chance(0.85) ? 1 : -1;
          score += value;
          out.votes.push({ answer_id: answerId, user_id: id(v), value, created_at: iso(aAt + rng.int(1440) * MINUTE) });
        }
        out.answers.push({
          id: answerId,
          question_id: questionId,
          author_id: id(a),
          body: answerBody(group.topic, rng, contextOf(a, group)),
          score,
          created_at: iso(aAt),
        });
        notify(id(asker), 'NEW_ANSWER', id(a), questionId, `Nouvelle réponse à votre question « ${text.title} »`, aAt);
      });
      const accepted = answerIds.length && rng.chance(0.55) ? rng.int(answerIds.length) : -1;
      if (accepted >= 0) {
        const acceptedAt = at + 12 * DAY;
        notify(
          id(answerers[accepted]),
          'ANSWER_ACCEPTED',
          id(asker),
          answerIds[accepted],
          `Votre réponse à « ${text.title} » a été acceptée`,
          acceptedAt,
        );
      }
      out.questions.push({
        id: questionId,
        group_id: group.id,
        author_id: id(asker),
        title: text.title,
        body: text.body,
        tags: [...group.topics.slice(0, 2).map((t) => t.toLowerCase()), group.topic],
        status: accepted >= 0 ? 'ANSWERED' : 'OPEN',
        answer_count: answerIds.length,
        accepted_answer_id: accepted >= 0 ? answerIds[accepted] : null,
        created_at: iso(at),
      });
    }
  }

  planConversations(plan, rng, now, out, iso);
  return out;
}

function planConversations(
  plan: DemoPlan,
  rng: DemoRng,
  now: number,
  out: DemoActivity,
  iso: (ms: number) => string,
): void {
  const people = plan.people;
  const logins = people
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.login)
    .map(({ i }) => i);
  const neighbours = (i: number) =>
    people
      .map((p, j) => ({ p, j }))
      .filter(
        ({ p, j }) => j !== i && (p.club === people[i].club && p.club >= 0 ? true : p.region === people[i].region),
      )
      .map(({ j }) => j);
  const pairs = new Set<string>();
  const conversation = (participants: number[], kind: 'DIRECT' | 'GROUP', title: string | null, count: number) => {
    const ids = participants.map((i) => people[i].id);
    const directKey = kind === 'DIRECT' ? [...ids].sort().join(':') : null;
    if (directKey) {
      if (pairs.has(directKey)) return;
      pairs.add(directKey);
    }
    const conversationId = rng.uuid();
    const start = now - (2 + rng.int(60)) * DAY;
    const lines = conversationLines(rng, count);
    let at = start;
    let senderSlot = rng.int(participants.length);
    const senders: number[] = [];
    lines.forEach((body, k) => {
      at += (5 + rng.int(kind === 'DIRECT' ? 600 : 240)) * MINUTE;
      senderSlot = kind === 'DIRECT' ? (senderSlot + 1) % 2 : rng.int(participants.length);
      senders.push(participants[senderSlot]);
      out.messages.push({
        id: rng.uuid(),
        conversation_id: conversationId,
        seq: k + 1,
        sender_id: ids[senderSlot],
        body,
        client_id: rng.uuid(),
        created_at: iso(at),
      });
    });
    out.conversations.push({
      id: conversationId,
      kind,
      title,
      direct_key: directKey,
      created_by: ids[0],
      last_seq: count,
      created_at: iso(start),
      updated_at: iso(at),
    });
    for (const p of participants) {
      // The printed logins find a few unread messages waiting.
      const lastFromOther = senders[senders.length - 1] !== p;
      const unread = people[p].login && lastFromOther && rng.chance(0.5) ? 1 + rng.int(Math.min(3, count)) : 0;
      out.participants.push({
        conversation_id: conversationId,
        user_id: people[p].id,
        joined_at: iso(start),
        last_read_seq: count - unread,
      });
    }
  };

  for (const l of logins)
    for (const partner of rng.sample(neighbours(l), 6)) conversation([l, partner], 'DIRECT', null, 4 + rng.int(13));
  while (pairs.size < 150) {
    const a = rng.int(people.length);
    const near = neighbours(a);
    if (near.length) conversation([a, rng.pick(near)], 'DIRECT', null, 4 + rng.int(13));
  }
  const clubsWithLogins = new Set(logins.map((l) => people[l].club).filter((c) => c >= 0));
  const clubs = [
    ...clubsWithLogins,
    ...rng.sample(
      plan.associations.map((_, i) => i),
      8,
    ),
  ]
    .filter((c, k, all) => all.indexOf(c) === k)
    .slice(0, 10);
  for (const c of clubs) {
    const members = people
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.club === c)
      .map(({ i }) => i);
    if (members.length > 2) conversation(members, 'GROUP', `Bureau — ${plan.associations[c].name}`, 10 + rng.int(20));
  }
  for (const r of rng.sample(
    plan.regions.map((_, i) => i),
    5,
  )) {
    const board = people
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.region === r && (p.club < 0 || p.role === 'ADMIN'))
      .map(({ i }) => i);
    if (board.length > 2) conversation(board, 'GROUP', `Comité directeur — ${plan.regions[r].name}`, 10 + rng.int(20));
  }
  for (const club of rng.sample(plan.associations, 5)) {
    const members = people
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.region === club.region)
      .map(({ i }) => i);
    conversation(
      rng.sample(members, 3 + rng.int(4)),
      'GROUP',
      `Organisation du tournoi — ${club.town}`,
      10 + rng.int(20),
    );
  }
}
