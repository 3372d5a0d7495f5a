import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDate } from '../lib/format/dates';
import { TagList } from '../questions/status-badge';
import { useReasonSentence } from './routing-reasons';
import '../questions/questions.css';
import './question-routing.css';

const PAGE = 20;

const RoutedQuestionsQuery = graphql(`
  query RoutedQuestions($first: Int!) {
    questionsForMe(first: $first) {
      edges {
        node {
          id
          title
          tags
          createdAt
          answerCount
          group {
            id
            name
          }
          author {
            id
            displayName
          }
          viewerRouting {
            routedAt
            reasons
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

const DeclineRoutedQuestionMutation = graphql(`
  mutation RoutedQuestionsDecline($questionId: ID!) {
    declineRoutedQuestion(questionId: $questionId)
  }
`);

/** /questions-pour-vous: the open questions Maillage asked the viewer to answer, why, and "Pas mon domaine". */
export function RoutedQuestionsPage() {
  const { t } = useLingui();
  usePageTitle(t`Questions pour vous`);
  const reason = useReasonSentence('viewer');
  const heading = useRef<HTMLHeadingElement>(null);
  const [first, setFirst] = useState(PAGE);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RoutedQuestionsQuery,
    variables: { first },
    requestPolicy: 'cache-and-network',
  });
  const [declineState, decline] = useMutation(DeclineRoutedQuestionMutation);
  // Taken out here before the server's list comes back.
  const [declined, setDeclined] = useState<ReadonlySet<string>>(new Set());
  const [news, setNews] = useState('');

  const questions = (data?.questionsForMe.edges.map((edge) => edge.node) ?? []).filter((q) => !declined.has(q.id));

  const onDecline = async (id: string, title: string) => {
    setNews('');
    const result = await decline({ questionId: id });
    if (result.error) return;
    setDeclined((current) => new Set([...current, id]));
    setNews(t`« ${title} » a été retirée de vos questions.`);
    heading.current?.focus();
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <section className="page routed-questions-page" aria-labelledby="routed-questions-title">
      <h1 id="routed-questions-title" ref={heading} tabIndex={-1}>
        <Trans>Questions pour vous</Trans>
      </h1>
      <p className="muted">
        <Trans>
          Des membres ont posé ces questions ; vos réponses passées, vos compétences ou votre région laissent penser que
          vous pouvez les aider.
        </Trans>
      </p>
      <p role="status" className="sr-only">
        {news}
      </p>
      <ErrorMessage error={error} />
      <ErrorMessage error={declineState.error} />
      {!data && fetching ? (
        <p className="muted" role="status">
          <Trans>Chargement des questions…</Trans>
        </p>
      ) : null}
      {data && questions.length === 0 ? (
        <div className="notice">
          <p>
            <Trans>Aucune question ne vous attend pour l'instant.</Trans>
          </p>
          <p>
            <Trans>
              Quand une question correspond à vos compétences, Maillage vous la propose ici. Vous pouvez mettre cela en
              pause dans les <Link to="/parametres">paramètres</Link>.
            </Trans>
          </p>
        </div>
      ) : null}
      {questions.length > 0 ? (
        <ul className="routed-question-list" aria-label={t`Questions qui vous sont adressées`}>
          {questions.map((question) => {
            const author = question.author?.displayName ?? t`Ancien membre`;
            const titleId = `routed-${question.id}`;
            return (
              <li key={question.id} className="routed-question">
                <h2 id={titleId} className="routed-question-title">
                  <Link to="/questions/$id" params={{ id: question.id }}>
                    {question.title}
                  </Link>
                </h2>
                <p className="routed-question-meta">
                  <Trans>
                    Par {author}, dans {question.group.name}, le {formatDate(question.createdAt)}
                  </Trans>
                </p>
                {question.answerCount > 0 ? (
                  <p className="routed-question-meta">
                    {plural(question.answerCount, {
                      one: 'Déjà # réponse, pas encore acceptée',
                      other: 'Déjà # réponses, aucune acceptée',
                    })}
                  </p>
                ) : null}
                <TagList tags={question.tags} label={t`Thèmes de la question`} />
                {question.viewerRouting?.reasons.length ? (
                  <div className="routed-question-why">
                    <p className="routed-question-why-title">
                      <Trans>Pourquoi vous :</Trans>
                    </p>
                    <ul>
                      {question.viewerRouting.reasons.map((r) => (
                        <li key={r}>{reason(r)}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <div className="routed-question-actions">
                  <Link
                    to="/questions/$id"
                    params={{ id: question.id }}
                    className="button-primary"
                    aria-describedby={titleId}
                  >
                    <Trans>Répondre à la question</Trans>
                  </Link>
                  <button
                    type="button"
                    className="button-secondary"
                    aria-describedby={titleId}
                    onClick={() => void onDecline(question.id, question.title)}
                  >
                    <Trans>Pas mon domaine</Trans>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {data?.questionsForMe.pageInfo.hasNextPage && first < 100 ? (
        <button type="button" className="button-secondary" onClick={() => setFirst(Math.min(100, first + PAGE))}>
          <Trans>Afficher plus de questions</Trans>
        </button>
      ) : null}
    </section>
  );
}
