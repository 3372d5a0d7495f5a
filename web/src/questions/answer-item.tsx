import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { QuestionPageQuery } from '../gql/graphql';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDateTime } from '../lib/format/dates';

const VoteAnswerMutation = graphql(`
  mutation QuestionsVote($answerId: ID!, $value: Int!) {
    voteAnswer(answerId: $answerId, value: $value) {
      id
      score
      viewerVote
    }
  }
`);

const AcceptAnswerMutation = graphql(`
  mutation QuestionsAccept($answerId: ID!) {
    acceptAnswer(answerId: $answerId) {
      id
      status
      acceptedAnswer {
        id
        isAccepted
      }
    }
  }
`);

type Answer = NonNullable<QuestionPageQuery['question']>['answers']['edges'][number]['node'];

/** One answer: its text, its author, the votes (pressed when given) and, for those allowed, "accept". */
export function AnswerItem({
  answer,
  canAccept,
  viewerId,
}: {
  answer: Answer;
  canAccept: boolean;
  viewerId: string | undefined;
}) {
  const { t } = useLingui();
  const [vote, voteAnswer] = useMutation(VoteAnswerMutation);
  const [accept, acceptAnswer] = useMutation(AcceptAnswerMutation);
  const [error, setError] = useState<unknown>(null);
  const author = answer.author?.displayName ?? t`Ancien membre`;
  const isMine = answer.author !== null && answer.author?.id === viewerId;

  const castVote = async (value: 1 | -1) => {
    if (vote.fetching) return;
    setError(null);
    // Pressing a pressed button takes the vote back.
    const result = await voteAnswer({ answerId: answer.id, value: answer.viewerVote === value ? 0 : value });
    if (result.error) setError(result.error);
  };
  const doAccept = async () => {
    if (accept.fetching) return;
    setError(null);
    const result = await acceptAnswer({ answerId: answer.id });
    if (result.error) setError(result.error);
  };

  const scoreText = plural(answer.score, { one: '# point', other: '# points' });
  return (
    <li id={`reponse-${answer.id}`} className={answer.isAccepted ? 'answer answer-accepted' : 'answer'}>
      <div className="answer-votes" role="group" aria-label={t`Votes pour la réponse de ${author}`}>
        <button
          type="button"
          className="vote-button"
          aria-pressed={answer.viewerVote === 1}
          aria-label={t`Voter pour`}
          onClick={() => void castVote(1)}
        >
          <span aria-hidden="true">▲</span>
        </button>
        <span className="answer-score">
          <span aria-hidden="true">{answer.score}</span>
          <span className="sr-only">{scoreText}</span>
        </span>
        <button
          type="button"
          className="vote-button"
          aria-pressed={answer.viewerVote === -1}
          aria-label={t`Voter contre`}
          onClick={() => void castVote(-1)}
        >
          <span aria-hidden="true">▼</span>
        </button>
      </div>
      <div className="answer-main">
        {answer.isAccepted ? (
          <p className="answer-accepted-label">
            <span aria-hidden="true">✓ </span>
            <Trans>Réponse acceptée</Trans>
          </p>
        ) : null}
        <div className="answer-body">{answer.body}</div>
        <p className="answer-meta">
          {isMine ? (
            <Trans>
              Votre réponse, le <time dateTime={answer.createdAt}>{formatDateTime(answer.createdAt)}</time>
            </Trans>
          ) : (
            <Trans>
              {author}, le <time dateTime={answer.createdAt}>{formatDateTime(answer.createdAt)}</time>
            </Trans>
          )}
        </p>
        {canAccept && !answer.isAccepted ? (
          <button type="button" className="button-secondary accept-button" onClick={() => void doAccept()}>
            <Trans>Accepter cette réponse</Trans>
          </button>
        ) : null}
        <ErrorMessage
          error={error}
          overrides={{
            NOT_AUTHOR_OR_MODERATOR: t`Seuls l'auteur de la question et les modérateurs du groupe peuvent accepter une réponse.`,
            FORBIDDEN: t`Seuls les membres du groupe peuvent voter. Rejoignez-le d'abord.`,
          }}
        />
      </div>
    </li>
  );
}
