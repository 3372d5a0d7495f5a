import type { Topic } from './demo-catalog';
import type { DemoRng } from './demo-rng';
import { COMMENTS, MESSAGES, MORE_TOPIC_TEXTS } from './demo-texts-more';
import { TOPIC_TEXTS, TopicTexts } from './demo-texts-topics';

/** Where a text is written: fills {town}, {club} and {region}. */
export interface TextContext {
  town: string;
  club: string;
  region: string;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const CATEGORIES = ['U9', 'U11', 'U13', 'U15', 'U17', 'seniors', 'vétérans', 'loisirs'];
const SPORTS = ['basket', 'handball', 'volley', 'badminton', 'tennis de table', 'judo', 'athlétisme', 'escalade'];
const AMOUNTS = ['800', '1 200', '1 500', '2 000', '2 500', '3 000', '4 500', '6 000', '8 000', '12 000'];

const ALL_TEXTS: Partial<Record<Topic, TopicTexts>> = { ...TOPIC_TEXTS, ...MORE_TOPIC_TEXTS };

export function textsOf(topic: Topic): TopicTexts {
  const texts = ALL_TEXTS[topic];
  if (!texts) throw new Error(`no demo texts for topic ${topic}`);
  return texts;
}

/** Replaces every {slot} of a template, drawing what the context does not fix. */
export function fill(template: string, rng: DemoRng, context: TextContext): string {
  return template.replace(/\{(\w+)\}/g, (match, slot: string) => {
    switch (slot) {
      case 'town':
        return context.town;
      case 'club':
        return context.club;
      case 'region':
        return context.region;
      case 'month':
        return rng.pick(MONTHS);
      case 'weekday':
        return rng.pick(WEEKDAYS);
      case 'category':
        return rng.pick(CATEGORIES);
      case 'sport':
        return rng.pick(SPORTS);
      case 'amount':
        return rng.pick(AMOUNTS);
      case 'n':
        return String(3 + rng.int(45));
      default:
        return match;
    }
  });
}

/** A post of this topic: one template, sometimes followed by a second thought from another. */
export function postBody(topic: Topic, rng: DemoRng, context: TextContext): string {
  const posts = textsOf(topic).posts;
  const first = rng.int(posts.length);
  let body = fill(posts[first], rng, context);
  if (posts.length > 1 && rng.chance(0.25)) {
    const second = (first + 1 + rng.int(posts.length - 1)) % posts.length;
    body += `\n\n${fill(posts[second], rng, context)}`;
  }
  return body;
}

export function commentBody(rng: DemoRng, context: TextContext): string {
  return fill(rng.pick(COMMENTS), rng, context);
}

export function answerBody(topic: Topic, rng: DemoRng, context: TextContext): string {
  const answers = textsOf(topic).answers;
  return fill(rng.pick(answers), rng, context);
}

/** A question of this topic whose title is not in `taken` (up to a few draws); undefined when none is left. */
export function question(
  topic: Topic,
  rng: DemoRng,
  context: TextContext,
  taken: Set<string>,
): { title: string; body: string } | undefined {
  const questions = textsOf(topic).questions;
  if (!questions.length) return undefined;
  for (let attempt = 0; attempt < 8; attempt++) {
    const template = rng.pick(questions);
    const title = fill(template.title, rng, context);
    if (taken.has(title)) continue;
    taken.add(title);
    return { title, body: fill(template.body, rng, context) };
  }
  return undefined;
}

/** A conversation's messages: consecutive lines of the pool from a random start, so they read as a dialogue. */
export function conversationLines(rng: DemoRng, count: number): string[] {
  const start = rng.int(MESSAGES.length);
  return Array.from({ length: count }, (_, i) => MESSAGES[(start + i) % MESSAGES.length]);
}

/** "Crème brûlée" → "creme-brulee"; for the email local parts of demo people. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
