import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { formatDate } from '../lib/format/dates';
import { StatusBadge } from './status-badge';

const SimilarQuestionsQuery = graphql(`
  query QuestionsSimilar($text: String!) {
    similarQuestions(text: $text, first: 5) {
      id
      title
      status
      answerCount
      createdAt
      group {
        id
        name
      }
    }
  }
`);

/** The minimum title length before looking for similar questions (shorter words match everything). */
const MIN_LENGTH = 3;
/** Wait for a pause in the typing before asking the server. */
const DEBOUNCE_MS = 350;

function useDebounced(value: string, delay: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/**
 * Earlier questions that look like the one being typed: the moment someone finds last year's
 * answer instead of asking again. Shown above the rest of the form, links open the question.
 */
export function SimilarQuestions({ title }: { title: string }) {
  const { t } = useLingui();
  const text = useDebounced(title.trim(), DEBOUNCE_MS);
  const paused = text.length < MIN_LENGTH;
  const [{ data }] = useQuery({ query: SimilarQuestionsQuery, variables: { text }, pause: paused });
  const questions = paused ? [] : (data?.similarQuestions ?? []);

  // A live region announces that suggestions arrived, without reading them all.
  const announcement = questions.length
    ? plural(questions.length, {
        one: '# question semblable déjà posée',
        other: '# questions semblables déjà posées',
      })
    : '';

  return (
    <>
      <p className="sr-only" role="status">
        {announcement}
      </p>
      {questions.length ? (
        <section className="similar-questions" aria-labelledby="similar-questions-title">
          <h3 id="similar-questions-title">
            <Trans>Déjà demandé ? Ces questions ont peut-être votre réponse</Trans>
          </h3>
          <ul aria-label={t`Questions similaires`}>
            {questions.map((question) => (
              <li key={question.id}>
                <Link to="/questions/$id" params={{ id: question.id }}>
                  {question.title}
                </Link>
                <span className="similar-question-meta">
                  <StatusBadge status={question.status} />
                  <span>
                    {plural(question.answerCount, { one: '# réponse', other: '# réponses' })} · {question.group.name} ·{' '}
                    {formatDate(question.createdAt)}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
