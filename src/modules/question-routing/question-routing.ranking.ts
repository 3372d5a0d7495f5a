/**
 * Who is asked to answer a question, as pure functions over candidate rows (the SQL in
 * routing-candidates.ts finds the people allowed to be asked; this file decides the order and
 * the reasons). Order: accepted answers on the question's tags, then skills matching its tags or
 * words, then sharing the asker's region; ties by user id so a rerun picks the same people.
 */

/** What the database knows about one person who may be asked. */
export interface CandidateRow {
  userId: string;
  /** Their accepted answers to other questions sharing a tag with this one. */
  acceptedCount: number;
  /** The tags of those questions that this question has too, as written on them. */
  acceptedTags: string[];
  /** Their profile skills, as they wrote them. */
  skills: string[];
  /** The name of a region they share with the asker, or null. */
  sharedRegion: string | null;
}

/** What is being routed: the words a skill may match. */
export interface QuestionText {
  title: string;
  body: string;
  tags: string[];
}

export interface RankedCandidate {
  userId: string;
  /** Why: `ACCEPTED_ANSWERS:<tag>`, `SKILL:<skill>`, `REGION:<region name>`, strongest first. */
  reasons: string[];
}

/** Case- and accent-insensitive form of a text (like `maillage_fold` in SQL: lower(unaccent(…))). */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/gi, 'oe').replace(/æ/gi, 'ae').toLowerCase();
}

function words(value: string): string[] {
  return fold(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** True when `needle`'s words appear one after the other in `haystack`. */
function containsSequence(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((word, i) => haystack[start + i] === word)) return true;
  }
  return false;
}

/** The skills (as written) that match one of the question's tags or appear among its words. */
export function matchingSkills(skills: string[], question: QuestionText): string[] {
  const tags = new Set(question.tags.map((tag) => words(tag).join(' ')));
  const text = words(`${question.title} ${question.body} ${question.tags.join(' ')}`);
  const matched = new Map<string, string>();
  for (const skill of skills) {
    const needle = words(skill);
    const key = needle.join(' ');
    if (!key || matched.has(key)) continue;
    if (tags.has(key) || containsSequence(text, needle)) matched.set(key, skill.trim());
  }
  return [...matched.values()];
}

/** The question's own spelling of each tag that `tags` share with it. */
function sharedTags(tags: string[], question: QuestionText): string[] {
  const own = new Map(question.tags.map((tag) => [fold(tag.trim()), tag.trim()]));
  return [...new Set(tags.map((tag) => own.get(fold(tag.trim()))).filter((tag): tag is string => !!tag))];
}

/**
 * The best `limit` candidates, with their reasons. Nobody is asked for sharing a region alone:
 * a person needs accepted answers on a tag or a matching skill, the region only breaks ties.
 */
export function rankCandidates(rows: CandidateRow[], question: QuestionText, limit: number): RankedCandidate[] {
  const scored = rows
    .map((row) => ({
      row,
      tags: row.acceptedCount > 0 ? sharedTags(row.acceptedTags, question) : [],
      skills: matchingSkills(row.skills, question),
    }))
    .filter((c) => c.row.acceptedCount > 0 || c.skills.length > 0);
  scored.sort(
    (a, b) =>
      b.row.acceptedCount - a.row.acceptedCount ||
      b.skills.length - a.skills.length ||
      Number(b.row.sharedRegion !== null) - Number(a.row.sharedRegion !== null) ||
      (a.row.userId < b.row.userId ? -1 : a.row.userId > b.row.userId ? 1 : 0),
  );
  return scored.slice(0, Math.max(0, limit)).map((c) => ({
    userId: c.row.userId,
    reasons: [
      ...c.tags.map((tag) => `ACCEPTED_ANSWERS:${tag}`),
      ...c.skills.map((skill) => `SKILL:${skill}`),
      ...(c.row.sharedRegion !== null ? [`REGION:${c.row.sharedRegion}`] : []),
    ],
  }));
}
