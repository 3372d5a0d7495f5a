import { planActivity } from './demo-activity';
import { planDemo } from './demo-plan';
import { createRng } from './demo-rng';

const NOW = Date.parse('2026-03-01T12:00:00Z');

function build() {
  const rng = createRng(20_260_101);
  const plan = planDemo(rng);
  return { plan, activity: planActivity(plan, rng, NOW) };
}

describe('the demo federation plan', () => {
  const { plan, activity } = build();

  it('is deterministic: the same seed draws the same federation, ids and texts', () => {
    const again = build();
    expect(again.plan.people.map((p) => [p.id, p.email, p.jobTitle])).toEqual(
      plan.people.map((p) => [p.id, p.email, p.jobTitle]),
    );
    expect(again.activity.posts.map((p) => [p.id, p.body])).toEqual(activity.posts.map((p) => [p.id, p.body]));
  });

  it('has the size the issue asks for', () => {
    expect(plan.regions).toHaveLength(13);
    expect(plan.associations).toHaveLength(60);
    expect(plan.people.length).toBeGreaterThanOrEqual(280);
    expect(plan.people.length).toBeLessThanOrEqual(330);
    expect(plan.groups.length).toBeGreaterThanOrEqual(38);
    expect(plan.groups.length).toBeLessThanOrEqual(45);
    expect(activity.posts.length).toBeGreaterThanOrEqual(1800);
    expect(activity.questions.length).toBeGreaterThanOrEqual(250);
    expect(activity.answers.length).toBeGreaterThan(activity.questions.length);
    expect(activity.questions.some((q) => q.status === 'ANSWERED')).toBe(true);
    expect(new Set(activity.conversations.map((c) => c.kind))).toEqual(new Set(['DIRECT', 'GROUP']));
  });

  it('is consistent: unique emails and slugs-to-be, one owner per group, counters that match their rows', () => {
    expect(new Set(plan.people.map((p) => p.email)).size).toBe(plan.people.length);
    expect(new Set(plan.groups.map((g) => g.name)).size).toBe(plan.groups.length);
    for (const g of plan.groups) expect([...g.members.values()].filter((r) => r === 'OWNER')).toHaveLength(1);
    const comments = new Map<unknown, number>();
    for (const c of activity.comments) comments.set(c.post_id, (comments.get(c.post_id) ?? 0) + 1);
    for (const p of activity.posts) expect(p.comment_count).toBe(comments.get(p.id) ?? 0);
    const answers = new Map<unknown, number>();
    for (const a of activity.answers) answers.set(a.question_id, (answers.get(a.question_id) ?? 0) + 1);
    for (const q of activity.questions) {
      expect(q.answer_count).toBe(answers.get(q.id) ?? 0);
      expect(q.status === 'ANSWERED').toBe(q.accepted_answer_id !== null);
    }
    const messages = new Map<unknown, number>();
    for (const m of activity.messages) messages.set(m.conversation_id, (messages.get(m.conversation_id) ?? 0) + 1);
    for (const c of activity.conversations) expect(c.last_seq).toBe(messages.get(c.id));
    const keys = activity.conversations.map((c) => c.direct_key).filter(Boolean);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('prints one login per role, with content waiting for each', () => {
    const logins = plan.people.filter((p) => p.login);
    expect(logins.map((p) => p.email)).toEqual([
      'claire.martin@ffsa-demo.fr',
      'julien.moreau@ffsa-demo.fr',
      'yann.legoff@ffsa-demo.fr',
      'sophie.kerbrat@ffsa-demo.fr',
      'lea.dubois@ffsa-demo.fr',
      'karim.haddad@ffsa-demo.fr',
    ]);
    for (const person of logins) {
      const index = plan.people.indexOf(person);
      expect(plan.groups.filter((g) => g.members.has(index)).length).toBeGreaterThan(0);
      expect(activity.participants.filter((p) => p.user_id === person.id).length).toBeGreaterThan(0);
    }
  });

  it('writes believable French: no unfilled {slot} anywhere', () => {
    const texts = [
      ...activity.posts.map((p) => p.body),
      ...activity.comments.map((c) => c.body),
      ...activity.questions.flatMap((q) => [q.title, q.body]),
      ...activity.answers.map((a) => a.body),
    ];
    for (const text of texts) expect(String(text)).not.toMatch(/\{\w+\}/);
  });
});
