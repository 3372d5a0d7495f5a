import { Trans, useLingui } from '@lingui/react/macro';
import { useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { toErrorInfo } from '../lib/errors/app-error-info';
import { useSubmit } from '../lib/forms/use-submit';
import { SimilarQuestions } from './similar-questions';
import { parseTags } from './tags';
import { useFocusInvalid } from './use-focus-invalid';

const AskQuestionMutation = graphql(`
  mutation QuestionsAsk($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      id
    }
  }
`);

interface Draft {
  title: string;
  body: string;
  tags: string;
}

const EMPTY: Draft = { title: '', body: '', tags: '' };

/** The draft survives a look at a similar question (and a reload) for the rest of the browser session. */
function draftKey(groupId: string): string {
  return `maillage:question-draft:${groupId}`;
}

function readDraft(groupId: string): Draft {
  try {
    const saved = sessionStorage.getItem(draftKey(groupId));
    return saved ? { ...EMPTY, ...(JSON.parse(saved) as Partial<Draft>) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

function writeDraft(groupId: string, draft: Draft): void {
  try {
    if (draft.title || draft.body || draft.tags) sessionStorage.setItem(draftKey(groupId), JSON.stringify(draft));
    else sessionStorage.removeItem(draftKey(groupId));
  } catch {
    // Storage may be full or refused (private browsing): the draft then lives in the page only.
  }
}

/** Asking in a group: title (with similar questions while it is typed), details, tags; then the question's page. */
export function AskQuestionForm({ groupId, onCancel }: { groupId: string; onCancel: () => void }) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => readDraft(groupId));
  const [, ask] = useMutation(AskQuestionMutation);
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => writeDraft(groupId, draft), [groupId, draft]);

  const update = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  const publish = useCallback(
    async (data: FormData) => {
      const result = await ask({
        input: {
          groupId,
          title: String(data.get('title') ?? ''),
          body: String(data.get('body') ?? ''),
          tags: parseTags(String(data.get('tags') ?? '')),
        },
      });
      if (result.error) throw result.error;
      const questionId = result.data?.askQuestion.id;
      if (!questionId) return;
      writeDraft(groupId, EMPTY);
      await navigate({ to: '/questions/$id', params: { id: questionId } });
    },
    [ask, groupId, navigate],
  );
  const { onSubmit, error, pending } = useSubmit(publish);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusInvalid(formRef, error);
  const invalid = (name: string) => toErrorInfo(error)?.fields?.includes(name) || undefined;

  return (
    <form
      className="form ask-question"
      onSubmit={onSubmit}
      aria-busy={pending}
      aria-labelledby={`${id}-title`}
      noValidate
    >
      <h3 id={`${id}-title`}>
        <Trans>Nouvelle question</Trans>
      </h3>
      <div className="field">
        <label htmlFor={`${id}-q`}>
          <Trans>Titre</Trans>
        </label>
        <input
          ref={titleRef}
          id={`${id}-q`}
          name="title"
          maxLength={200}
          required
          autoComplete="off"
          aria-describedby={`${id}-q-hint`}
          aria-invalid={invalid('title')}
          value={draft.title}
          onChange={update('title')}
        />
        <p id={`${id}-q-hint`} className="field-hint">
          <Trans>Votre question en une phrase, par exemple « Comment déclarer une subvention ? »</Trans>
        </p>
      </div>
      <SimilarQuestions title={draft.title} />
      <div className="field">
        <label htmlFor={`${id}-body`}>
          <Trans>Détails</Trans>
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={5}
          maxLength={20000}
          required
          aria-invalid={invalid('body')}
          value={draft.body}
          onChange={update('body')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tags`}>
          <Trans>Mots-clés</Trans>
        </label>
        <input
          id={`${id}-tags`}
          name="tags"
          autoComplete="off"
          aria-describedby={`${id}-tags-hint`}
          aria-invalid={invalid('tags')}
          value={draft.tags}
          onChange={update('tags')}
        />
        <p id={`${id}-tags-hint`} className="field-hint">
          <Trans>Séparés par des virgules, 10 au plus : trésorerie, subventions</Trans>
        </p>
      </div>
      <ErrorMessage
        error={error}
        fieldLabels={{ title: t`Titre`, body: t`Détails`, tags: t`Mots-clés`, groupId: t`Groupe` }}
        fieldMessages={{
          title: t`Donnez un titre à votre question (200 caractères au plus).`,
          body: t`Décrivez votre question dans « Détails » (20 000 caractères au plus).`,
          tags: t`Mots-clés : 10 au plus, de 40 caractères au plus chacun.`,
        }}
        overrides={{
          NOT_GROUP_MEMBER: t`Seuls les membres du groupe peuvent y poser une question. Rejoignez-le d'abord.`,
        }}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary">
          <Trans>Publier la question</Trans>
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            writeDraft(groupId, EMPTY);
            onCancel();
          }}
        >
          <Trans>Annuler</Trans>
        </button>
      </div>
    </form>
  );
}
