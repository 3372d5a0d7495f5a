import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useCallback, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import type { AnswerOrder } from '../gql/graphql';
import { toErrorInfo } from '../lib/errors/app-error-info';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDateTime } from '../lib/format/dates';
import { useSubmit } from '../lib/forms/use-submit';
import { session } from '../lib/session/session';
import { useSocketEvent } from '../lib/socket/use-socket';
import { RoutingPanel } from '../question-routing/routing-panel';
import { AnswerItem } from './answer-item';
import { questionRoute } from './routes';
import { StatusBadge, TagList } from './status-badge';
import { useFocusInvalid } from './use-focus-invalid';
import './questions.css';

const QuestionPageQuery = graphql(`
  query QuestionPage($id: ID!, $orderBy: AnswerOrder!, $first: Int!) {
    question(id: $id) {
      id
      title
      body
      tags
      status
      createdAt
      answerCount
      author {
        id
        displayName
      }
      group {
        id
        name
        viewerCanModerate
      }
      routedCount
      routing {
        routedAt
        wave
        reasons
        declinedAt
        user {
          id
          displayName
        }
      }
      answers(first: $first, orderBy: $orderBy) {
        edges {
          node {
            id
            body
            score
            viewerVote
            isAccepted
            createdAt
            author {
              id
              displayName
            }
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);

const AnswerQuestionMutation = graphql(`
  mutation QuestionsAnswer($input: AnswerQuestionInput!) {
    answerQuestion(input: $input) {
      id
    }
  }
`);

const PAGE = 20;
const ANSWER_TYPENAMES = { additionalTypenames: ['Answer', 'Question'] };

/** One question: its text, status and answers (votes, accepted one first), and the answer form. */
export function QuestionPage() {
  const { t } = useLingui();
  const { id } = questionRoute.useParams();
  const [orderBy, setOrderBy] = useState<AnswerOrder>('VOTES' as AnswerOrder);
  const [first, setFirst] = useState(PAGE);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: QuestionPageQuery,
    variables: { id, orderBy, first },
    requestPolicy: 'cache-and-network',
    // A first answer adds a type the page did not hold yet: refetch on any Answer mutation.
    context: ANSWER_TYPENAMES,
  });
  const question = data?.question;
  const [news, setNews] = useState('');
  // The asker is told of each new answer, an answerer of their accepted answer: the page follows live.
  useSocketEvent('notification:new', (notification) => {
    if (!question) return;
    const aboutThis =
      (notification.type === 'NEW_ANSWER' && notification.subjectId === question.id) ||
      (notification.type === 'ANSWER_ACCEPTED' &&
        question.answers.edges.some((edge) => edge.node.id === notification.subjectId));
    if (!aboutThis) return;
    reexecute({ requestPolicy: 'network-only' });
    setNews(
      notification.type === 'NEW_ANSWER' ? t`Une nouvelle réponse vient d'arriver.` : t`Votre réponse a été acceptée.`,
    );
  });
  const notFound = (!fetching && data && !question) || toErrorInfo(error)?.code === 'NOT_FOUND';
  usePageTitle(question ? question.title : notFound ? t`Question introuvable` : t`Question`);

  if (notFound) return <QuestionNotFound />;
  if (!question)
    return (
      <section className="page">
        <h1>
          <Trans>Question</Trans>
        </h1>
        {error ? (
          <ErrorMessage error={error} />
        ) : (
          <p role="status" className="loading">
            <Trans>Chargement de la question…</Trans>
          </p>
        )}
      </section>
    );

  const viewerId = session.current.userId;
  const canAccept = (question.author !== null && question.author?.id === viewerId) || question.group.viewerCanModerate;
  const author = question.author?.displayName ?? t`Ancien membre`;
  const answers = question.answers.edges.map((edge) => edge.node);

  return (
    <article className="page question-page" aria-labelledby="question-title">
      <p className="question-breadcrumb">
        <Link to="/groupes/$id/questions" params={{ id: question.group.id }}>
          <Trans>Questions de {question.group.name}</Trans>
        </Link>
      </p>
      <header className="question-header">
        <StatusBadge status={question.status} />
        <h1 id="question-title">{question.title}</h1>
        <p className="question-meta">
          <Trans>
            Demandé par {author}, le <time dateTime={question.createdAt}>{formatDateTime(question.createdAt)}</time>
          </Trans>
        </p>
      </header>
      <div className="question-body">{question.body}</div>
      <TagList tags={question.tags} label={t`Thèmes de la question`} />
      <RoutingPanel count={question.routedCount} routing={question.routing ?? null} />

      <p role="status" className="sr-only">
        {news}
      </p>
      <section className="answers" aria-labelledby="answers-title">
        <div className="answers-header">
          <h2 id="answers-title">
            {question.answerCount === 0
              ? t`Aucune réponse`
              : plural(question.answerCount, { one: '# réponse', other: '# réponses' })}
          </h2>
          {answers.length > 1 ? (
            <div className="field answers-order">
              <label htmlFor="answers-order">
                <Trans>Trier les réponses</Trans>
              </label>
              <select
                id="answers-order"
                value={orderBy}
                onChange={(event) => setOrderBy(event.target.value as AnswerOrder)}
              >
                <option value="VOTES">{t`Les mieux notées`}</option>
                <option value="NEWEST">{t`Les plus récentes`}</option>
              </select>
            </div>
          ) : null}
        </div>
        {answers.length ? (
          <ol className="answer-list" aria-label={t`Réponses`}>
            {answers.map((answer) => (
              <AnswerItem key={answer.id} answer={answer} canAccept={canAccept} viewerId={viewerId} />
            ))}
          </ol>
        ) : (
          <p className="empty-state">
            <Trans>Personne n'a encore répondu. Si vous savez, partagez ce que vous avez vécu.</Trans>
          </p>
        )}
        {question.answers.pageInfo.hasNextPage && first < 100 ? (
          <p className="more">
            <button type="button" className="button-secondary" onClick={() => setFirst((n) => Math.min(100, n + PAGE))}>
              <Trans>Voir plus de réponses</Trans>
            </button>
          </p>
        ) : null}
      </section>

      <AnswerForm questionId={question.id} />
    </article>
  );
}

/** Answering: the text stays in the field until the server accepted it. */
function AnswerForm({ questionId }: { questionId: string }) {
  const { t } = useLingui();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [, answer] = useMutation(AnswerQuestionMutation);
  const [sent, setSent] = useState(false);
  const send = useCallback(
    async (data: FormData) => {
      setSent(false);
      const result = await answer({ input: { questionId, body: String(data.get('body') ?? '') } });
      if (result.error) throw result.error;
      if (field.current) field.current.value = '';
      setSent(true);
    },
    [answer, questionId],
  );
  const { onSubmit, error, pending } = useSubmit(send);
  const invalid = toErrorInfo(error)?.fields?.includes('body') || undefined;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusInvalid(formRef, error);
  return (
    <form ref={formRef} className="form answer-form" onSubmit={onSubmit} aria-busy={pending} noValidate>
      <div className="field">
        <label htmlFor={`${id}-answer`}>
          <Trans>Votre réponse</Trans>
        </label>
        <textarea
          ref={field}
          id={`${id}-answer`}
          name="body"
          rows={5}
          maxLength={20000}
          required
          aria-invalid={invalid}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="field-hint">
          <Trans>Partagez ce que vous savez ou avez vécu : les membres pourront voter pour votre réponse.</Trans>
        </p>
      </div>
      <ErrorMessage
        error={error}
        fieldMessages={{ body: t`Écrivez votre réponse avant de l'envoyer (20 000 caractères au plus).` }}
        overrides={{
          NOT_GROUP_MEMBER: t`Seuls les membres du groupe peuvent répondre. Rejoignez-le d'abord.`,
          FORBIDDEN: t`Seuls les membres du groupe peuvent répondre. Rejoignez-le d'abord.`,
        }}
      />
      <p role="status" className="sr-only">
        {sent ? t`Votre réponse est publiée.` : ''}
      </p>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          <Trans>Répondre</Trans>
        </button>
      </div>
    </form>
  );
}

/** What an unknown or unreadable question shows: the same page either way (the API does not tell them apart). */
function QuestionNotFound() {
  return (
    <section className="page">
      <h1>
        <Trans>Question introuvable</Trans>
      </h1>
      <p>
        <Trans>
          Cette question n'existe pas ou plus, ou elle a été posée dans un groupe privé dont vous n'êtes pas membre.
          Vérifiez le lien, ou cherchez-la avec le champ de recherche.
        </Trans>
      </p>
      <p>
        <Link to="/groupes">
          <Trans>Voir les groupes</Trans>
        </Link>
      </p>
    </section>
  );
}
