import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { QuestionsOfGroupQuery, QuestionStatus } from '../gql/graphql';
import { groupQuestionsRoute } from '../groups/routes';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDate } from '../lib/format/dates';
import { AskQuestionForm } from './ask-question-form';
import { StatusBadge } from './status-badge';
import './questions.css';

const GroupQuestionsQuery = graphql(`
  query QuestionsOfGroup($groupId: ID!, $status: QuestionStatus, $tag: String, $after: String) {
    group(id: $groupId) {
      id
      name
      viewerRole
    }
    questions(groupId: $groupId, status: $status, tag: $tag, first: 20, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          title
          tags
          status
          answerCount
          createdAt
          author {
            id
            displayName
          }
          acceptedAnswer {
            id
            score
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

interface Filters {
  status: QuestionStatus | null;
  tag: string | null;
}

/** The group's questions: filters (open/answered, tag), the list with paging, and the "ask" form. */
export function GroupQuestionsTab() {
  const { t } = useLingui();
  const { id: groupId } = groupQuestionsRoute.useParams();
  const [filters, setFilters] = useState<Filters>({ status: null, tag: null });
  const [asking, setAsking] = useState(false);
  const askButton = useRef<HTMLButtonElement>(null);
  const [first] = useQuery({
    query: GroupQuestionsQuery,
    variables: { groupId, status: filters.status, tag: filters.tag, after: null },
    requestPolicy: 'cache-and-network',
  });

  const group = first.data?.group;
  const isMember = Boolean(group?.viewerRole);
  const statusOptions: { value: QuestionStatus | null; label: string }[] = [
    { value: null, label: t`Toutes` },
    { value: 'OPEN' as QuestionStatus, label: t`Ouvertes` },
    { value: 'ANSWERED' as QuestionStatus, label: t`Résolues` },
  ];

  return (
    <section className="group-questions" aria-labelledby="group-questions-title">
      <div className="group-questions-header">
        <h2 id="group-questions-title">
          <Trans>Questions du groupe</Trans>
        </h2>
        {isMember && !asking ? (
          <button ref={askButton} type="button" className="button-primary" onClick={() => setAsking(true)}>
            <Trans>Poser une question</Trans>
          </button>
        ) : null}
      </div>
      {group && !isMember ? (
        <p className="notice">
          <Trans>Rejoignez le groupe pour y poser une question ou y répondre.</Trans>
        </p>
      ) : null}
      {asking ? (
        <AskQuestionForm
          groupId={groupId}
          onCancel={() => {
            setAsking(false);
            requestAnimationFrame(() => askButton.current?.focus());
          }}
        />
      ) : null}

      <div className="question-filters" role="group" aria-label={t`Filtrer les questions`}>
        {statusOptions.map((option) => (
          <button
            key={option.label}
            type="button"
            className="filter-chip"
            aria-pressed={filters.status === option.value}
            onClick={() => setFilters((current) => ({ ...current, status: option.value }))}
          >
            {option.label}
          </button>
        ))}
        {filters.tag ? (
          <button
            type="button"
            className="filter-chip filter-chip-tag"
            aria-pressed="true"
            aria-label={t`Retirer le filtre « ${filters.tag} »`}
            onClick={() => setFilters((current) => ({ ...current, tag: null }))}
          >
            #{filters.tag} <span aria-hidden="true">×</span>
          </button>
        ) : null}
      </div>

      {first.error && !first.data ? (
        <ErrorMessage
          error={first.error}
          overrides={{
            GROUP_PRIVATE: t`Ce groupe est privé : seuls ses membres voient ses questions. Demandez à le rejoindre.`,
            FORBIDDEN: t`Ce groupe est privé : seuls ses membres voient ses questions. Demandez à le rejoindre.`,
          }}
        />
      ) : !first.data ? (
        <p role="status" className="loading">
          <Trans>Chargement des questions…</Trans>
        </p>
      ) : (
        <>
          <p className="questions-count" role="status">
            {plural(first.data.questions.totalCount, { one: '# question', other: '# questions' })}
          </p>
          {first.data.questions.totalCount === 0 ? (
            <p className="empty-state">
              {filters.status || filters.tag ? (
                <Trans>Aucune question ne correspond à ce filtre.</Trans>
              ) : (
                <Trans>
                  Aucune question pour l'instant. Posez la première : d'autres membres ont sûrement la réponse.
                </Trans>
              )}
            </p>
          ) : (
            <ul className="question-list" aria-label={t`Questions`}>
              <QuestionItems
                connection={first.data.questions}
                onTag={(tag) => setFilters((current) => ({ ...current, tag }))}
                variables={{ groupId, status: filters.status, tag: filters.tag }}
              />
            </ul>
          )}
        </>
      )}
    </section>
  );
}

type Connection = QuestionsOfGroupQuery['questions'];
type Variables = { groupId: string; status: QuestionStatus | null; tag: string | null };

/** One page of questions, and the "Voir plus" that loads the next page after it (keyset paging). */
function QuestionItems({
  connection,
  variables,
  onTag,
}: {
  connection: Connection;
  variables: Variables;
  onTag: (tag: string) => void;
}) {
  const [more, setMore] = useState(false);
  return (
    <>
      {connection.edges.map(({ node }) => (
        <QuestionListItem key={node.id} question={node} onTag={onTag} />
      ))}
      {connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
        more ? (
          <NextPage variables={variables} after={connection.pageInfo.endCursor} onTag={onTag} />
        ) : (
          <li className="more">
            <button type="button" className="button-secondary" onClick={() => setMore(true)}>
              <Trans>Voir plus</Trans>
            </button>
          </li>
        )
      ) : null}
    </>
  );
}

function NextPage({ variables, after, onTag }: { variables: Variables; after: string; onTag: (tag: string) => void }) {
  const [result] = useQuery({ query: GroupQuestionsQuery, variables: { ...variables, after } });
  if (result.error)
    return (
      <li>
        <ErrorMessage error={result.error} />
      </li>
    );
  if (!result.data)
    return (
      <li role="status" className="loading">
        <Trans>Chargement…</Trans>
      </li>
    );
  return <QuestionItems connection={result.data.questions} variables={variables} onTag={onTag} />;
}

type QuestionNode = Connection['edges'][number]['node'];

function QuestionListItem({ question, onTag }: { question: QuestionNode; onTag: (tag: string) => void }) {
  const { t } = useLingui();
  const author = question.author?.displayName ?? t`Ancien membre`;
  return (
    <li className="question-item">
      <div className="question-item-counts">
        <span className="count">{plural(question.answerCount, { one: '# réponse', other: '# réponses' })}</span>
        {question.acceptedAnswer && question.acceptedAnswer.score !== 0 ? (
          <span className="count">{plural(question.acceptedAnswer.score, { one: '# vote', other: '# votes' })}</span>
        ) : null}
      </div>
      <div className="question-item-main">
        <p className="question-item-title">
          <StatusBadge status={question.status} />{' '}
          <Link to="/questions/$id" params={{ id: question.id }}>
            {question.title}
          </Link>
        </p>
        <p className="question-item-meta">
          <Trans>
            Par {author}, le {formatDate(question.createdAt)}
          </Trans>
        </p>
        {question.tags.length ? (
          <ul className="question-tags" aria-label={t`Thèmes de la question`}>
            {question.tags.map((tag) => (
              <li key={tag}>
                <button
                  type="button"
                  className="tag-button"
                  aria-label={t`Filtrer par le mot-clé « ${tag} »`}
                  onClick={() => onTag(tag)}
                >
                  #{tag}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}
