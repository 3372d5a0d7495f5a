'use strict';
// The benchmark dataset's questions and answers, and its conversations and messages (dataset.js
// seeds the rest and calls these).
const { arrayLiteral, Batch } = require('./bulk-writer');
const { TAGS, sentence, paragraph } = require('./text');

const DAY = 86_400_000;

/** Questions (about two answers each); half of the answered ones get an accepted answer. */
async function seedQuestions({ writer, rng, size, users, groups, members, now, iso }) {
  const questionOf = new Int32Array(size.answers);
  const answerCount = new Int32Array(size.questions);
  for (let a = 0; a < size.answers; a++) {
    const q = rng.skewed(size.questions, 1.2);
    questionOf[a] = q;
    answerCount[q]++;
  }
  const questionIds = [];
  const questionGroup = new Int32Array(size.questions);
  const questionTime = new Float64Array(size.questions);
  const qb = new Batch(
    writer,
    'questions',
    [
      ['id', 'uuid'],
      ['group_id', 'uuid'],
      ['author_id', 'uuid'],
      ['title', 'text'],
      ['body', 'text'],
      ['tags', 'text[]'],
      ['answer_count', 'int4'],
      ['created_at', 'timestamptz'],
    ],
    5000,
  );
  for (let q = 0; q < size.questions; q++) {
    const g = rng.skewed(size.groups, 1.3);
    const id = rng.uuid();
    questionIds.push(id);
    questionGroup[q] = g;
    questionTime[q] = now - rng.next() * 730 * DAY;
    const title = sentence(rng, 5 + rng.int(6)).replace(/\.$/, ' ?');
    const tags = [rng.pick(TAGS), rng.pick(TAGS)].filter((t, k, all) => all.indexOf(t) === k);
    if (
      qb.push(
        id,
        groups[g],
        users[rng.pick(members[g])],
        title,
        paragraph(rng, 20, 80),
        arrayLiteral(tags),
        answerCount[q],
        iso(questionTime[q]),
      )
    )
      await qb.send();
  }
  await qb.send();
  await writer.flush();
  const accepted = new Map();
  const ab = new Batch(
    writer,
    'answers',
    [
      ['id', 'uuid'],
      ['question_id', 'uuid'],
      ['author_id', 'uuid'],
      ['body', 'text'],
      ['score', 'int4'],
      ['created_at', 'timestamptz'],
    ],
    5000,
  );
  for (let a = 0; a < size.answers; a++) {
    const q = questionOf[a];
    const id = rng.uuid();
    if (!accepted.has(q)) accepted.set(q, rng.next() < 0.5 ? id : null);
    const g = questionGroup[q];
    if (
      ab.push(
        id,
        questionIds[q],
        users[rng.pick(members[g])],
        paragraph(rng, 15, 80),
        rng.int(7) - 1,
        iso(questionTime[q] + rng.next() * 20 * DAY),
      )
    )
      await ab.send();
  }
  await ab.send();
  await writer.flush();
  const ids = [];
  const answers = [];
  for (const [q, answer] of accepted) {
    if (!answer) continue;
    ids.push(questionIds[q]);
    answers.push(answer);
  }
  await writer.query(
    `UPDATE questions q SET accepted_answer_id = t.answer_id, status = 'ANSWERED'
         FROM unnest($1::uuid[], $2::uuid[]) AS t(question_id, answer_id) WHERE q.id = t.question_id`,
    [ids, answers],
  );
}

/**
 * Conversations: DIRECT pairs (user 2k with 2k+1, which the chat benchmark's sockets use, and as
 * many random pairs), GROUP ones of 3 to 8 people; messages in send order with their seq.
 * Returns the pairs [{ conversationId, a, b }].
 */
async function seedConversations({ writer, rng, size, users, now, iso }) {
  const chatPairs = [];
  const conversations = [];
  const pairKeys = new Set();
  const addDirect = (a, b) => {
    const key = [users[a], users[b]].sort().join(':');
    if (a === b || pairKeys.has(key)) return false;
    pairKeys.add(key);
    conversations.push({ id: rng.uuid(), kind: 'DIRECT', key, people: [a, b] });
    return true;
  };
  for (let k = 0; 2 * k + 1 < size.users; k++) {
    addDirect(2 * k, 2 * k + 1);
    chatPairs.push({
      conversationId: conversations[conversations.length - 1].id,
      a: users[2 * k],
      b: users[2 * k + 1],
    });
  }
  for (let made = 0, guard = 0; made < Math.floor(size.users / 2) && guard < size.users * 4; guard++) {
    if (addDirect(rng.int(size.users), rng.int(size.users))) made++;
  }
  for (let c = 0; c < size.groupConversations; c++) {
    const people = new Set();
    const want = 3 + rng.int(6);
    while (people.size < Math.min(want, size.users)) people.add(rng.int(size.users));
    conversations.push({ id: rng.uuid(), kind: 'GROUP', key: null, people: [...people] });
  }
  const counts = new Int32Array(conversations.length);
  for (let m = 0; m < size.messages; m++) counts[rng.skewed(conversations.length, 1.4)]++;
  const starts = conversations.map(() => now - (400 + rng.next() * 300) * DAY);
  const cb = new Batch(
    writer,
    'conversations',
    [
      ['id', 'uuid'],
      ['kind', 'text'],
      ['title', 'text'],
      ['direct_key', 'text'],
      ['created_by', 'uuid'],
      ['last_seq', 'int8'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    5000,
  );
  const pb = new Batch(
    writer,
    'conversation_participants',
    [
      ['conversation_id', 'uuid'],
      ['user_id', 'uuid'],
      ['joined_at', 'timestamptz'],
      ['last_read_seq', 'int8'],
    ],
    10000,
  );
  // Message times: spread from the conversation's start towards now.
  const stepMs = conversations.map((_, c) => (counts[c] ? (now - starts[c]) / (counts[c] + 1) : 0));
  conversations.forEach((conv, c) => {
    const last = starts[c] + stepMs[c] * counts[c];
    cb.push(
      conv.id,
      conv.kind,
      conv.kind === 'GROUP' ? sentence(rng, 3).replace(/\.$/, '') : null,
      conv.key,
      users[conv.people[0]],
      counts[c],
      iso(starts[c]),
      iso(last),
    );
  });
  // (sent in one go below: conversations must exist before participants and messages)
  while (cb.data[0].length) {
    const all = cb.data;
    cb.reset();
    for (let i = 0; i < all[0].length; i += 5000)
      await writer.insert(
        'conversations',
        cb.columns,
        all.map((col) => col.slice(i, i + 5000)),
      );
  }
  await writer.flush();
  for (let c = 0; c < conversations.length; c++) {
    for (const p of conversations[c].people) {
      const read = rng.next() < 0.8 ? counts[c] : rng.int(counts[c] + 1);
      if (pb.push(conversations[c].id, users[p], iso(starts[c]), read)) await pb.send();
    }
  }
  await pb.send();
  await writer.flush();
  const mb = new Batch(
    writer,
    'messages',
    [
      ['id', 'uuid'],
      ['conversation_id', 'uuid'],
      ['seq', 'int8'],
      ['sender_id', 'uuid'],
      ['body', 'text'],
      ['client_id', 'text'],
      ['created_at', 'timestamptz'],
    ],
    10000,
  );
  for (let c = 0; c < conversations.length; c++) {
    const conv = conversations[c];
    for (let s = 1; s <= counts[c]; s++) {
      if (
        mb.push(
          rng.uuid(),
          conv.id,
          s,
          users[rng.pick(conv.people)],
          sentence(rng, 4 + rng.int(16)),
          rng.uuid(),
          iso(starts[c] + stepMs[c] * s),
        )
      )
        await mb.send();
    }
  }
  await mb.send();
  return chatPairs;
}

module.exports = { seedQuestions, seedConversations };
