import { EntityManager } from 'typeorm';
import { sharesFieldSql } from '../../access/profile-policy';
import { SearchDocument } from '../../infra/search/search-client';
import { SearchIndex } from '../../infra/search/search-indexes';
import { SearchKind } from '../../infra/search/search-work';

/**
 * What each index holds, read from PostgreSQL (the source of truth). A row that is gone or
 * deleted yields no document, which tells the indexer to remove it.
 */
export const KIND_INDEX: Record<SearchKind, SearchIndex> = {
  question: 'questions',
  answer: 'answers',
  post: 'posts',
  group: 'groups',
  person: 'people',
  event: 'events',
};

const epoch = (column: string) => `extract(epoch FROM ${column})::bigint`;

const DOCUMENT_SQL: Record<SearchKind, string> = {
  question: `
    SELECT q.id, 'QUESTION' AS type, q.title, q.body, q.tags, q.group_id AS "groupId", q.status,
           (q.status = 'ANSWERED') AS answered, q.answer_count AS "answerCount",
           coalesce(u.display_name, '') AS "authorName", ${epoch('q.created_at')} AS "createdAt"
      FROM questions q LEFT JOIN users u ON u.id = q.author_id
     WHERE q.deleted_at IS NULL`,
  answer: `
    SELECT a.id, 'ANSWER' AS type, a.body, a.question_id AS "questionId", q.title AS "questionTitle",
           q.group_id AS "groupId", (q.accepted_answer_id = a.id) IS TRUE AS "isAccepted", a.score,
           coalesce(u.display_name, '') AS "authorName", ${epoch('a.created_at')} AS "createdAt"
      FROM answers a JOIN questions q ON q.id = a.question_id LEFT JOIN users u ON u.id = a.author_id
     WHERE a.deleted_at IS NULL AND q.deleted_at IS NULL`,
  post: `
    SELECT p.id, 'POST' AS type, p.body, p.group_id AS "groupId",
           coalesce(u.display_name, '') AS "authorName", ${epoch('p.created_at')} AS "createdAt"
      FROM posts p LEFT JOIN users u ON u.id = p.author_id
     WHERE p.deleted_at IS NULL`,
  group: `
    SELECT g.id, 'GROUP' AS type, g.name, coalesce(g.description, '') AS description, g.topics,
           g.id AS "groupId", g.visibility, ${epoch('g.created_at')} AS "createdAt"
      FROM groups g WHERE true`,
  person: `
    SELECT u.id, 'PERSON' AS type, u.display_name AS "displayName",
           CASE WHEN ${sharesFieldSql('u', 'jobTitle')} THEN coalesce(u.job_title, '') ELSE '' END AS "jobTitle",
           CASE WHEN ${sharesFieldSql('u', 'skills')} THEN u.skills ELSE '{}' END AS skills,
           CASE WHEN ${sharesFieldSql('u', 'interests')} THEN u.interests ELSE '{}' END AS interests,
           ${epoch('u.created_at')} AS "createdAt"
      FROM users u WHERE u.deactivated_at IS NULL AND ${sharesFieldSql('u', 'listed')}`,
  // Cancelled events leave the index.
  event: `
    SELECT e.id, 'EVENT' AS type, e.title, e.description, coalesce(e.location, '') AS location,
           e.group_id AS "groupId", ${epoch('e.starts_at')} AS "startsAt", ${epoch('e.created_at')} AS "createdAt"
      FROM events e WHERE e.cancelled_at IS NULL`,
};

const ALIAS: Record<SearchKind, string> = {
  question: 'q',
  answer: 'a',
  post: 'p',
  group: 'g',
  person: 'u',
  event: 'e',
};

/** The current documents for these ids; ids without a document must be removed from the index. */
export async function loadDocuments(
  manager: EntityManager,
  kind: SearchKind,
  ids: string[],
): Promise<SearchDocument[]> {
  return (await manager.query(`${DOCUMENT_SQL[kind]} AND ${ALIAS[kind]}.id = ANY($1::uuid[])`, [
    ids,
  ])) as SearchDocument[];
}

/** Every document of a kind, in batches by id: what `reindex` streams into a fresh index. */
export async function* allDocuments(
  manager: EntityManager,
  kind: SearchKind,
  batchSize = 2_000,
): AsyncGenerator<SearchDocument[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (await manager.query(
      `${DOCUMENT_SQL[kind]} AND ${ALIAS[kind]}.id > $1::uuid ORDER BY ${ALIAS[kind]}.id LIMIT $2`,
      [after, batchSize],
    )) as SearchDocument[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].id;
  }
}
