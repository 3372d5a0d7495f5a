import { Trans, useLingui } from '@lingui/react/macro';
import { useNavigate } from '@tanstack/react-router';
import { forwardRef, useEffect, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { useSubmit } from '../lib/forms/use-submit';

const MessagesPeopleQuery = graphql(`
  query MessagesPeople($search: String) {
    people(search: $search, first: 12) {
      edges {
        node {
          id
          displayName
          jobTitle
        }
      }
    }
  }
`);

const MessagesStartConversation = graphql(`
  mutation MessagesStartConversation($participantIds: [ID!]!, $title: String) {
    startConversation(participantIds: $participantIds, title: $title) {
      id
    }
  }
`);

interface Person {
  id: string;
  displayName: string;
  jobTitle?: string | null;
}

interface Props {
  viewerId: string | undefined;
  onClose: () => void;
}

/** "Nouvelle conversation": pick one or several people from the directory, then open the conversation. */
export const NewConversationDialog = forwardRef<HTMLDialogElement, Props>(function NewConversationDialog(
  { viewerId, onClose },
  ref,
) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const titleId = useId();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Person[]>([]);
  const [pickError, setPickError] = useState(false);

  // Ask the directory once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);

  const [{ data, fetching, error: searchError }] = useQuery({
    query: MessagesPeopleQuery,
    variables: { search: search || null },
  });
  const [, start] = useMutation(MessagesStartConversation);
  const people = (data?.people.edges.map((e) => e.node) ?? []).filter((p) => p.id !== viewerId);
  const chosenIds = new Set(chosen.map((p) => p.id));

  const toggle = (person: Person) => {
    setPickError(false);
    setChosen((current) =>
      current.some((p) => p.id === person.id) ? current.filter((p) => p.id !== person.id) : [...current, person],
    );
  };

  const { onSubmit, error } = useSubmit(async (form) => {
    if (chosen.length === 0) {
      setPickError(true);
      return;
    }
    const title = String(form.get('title') ?? '').trim();
    const result = await start({
      participantIds: chosen.map((p) => p.id),
      title: chosen.length > 1 && title ? title : null,
    });
    if (result.error) throw result.error;
    const id = result.data?.startConversation.id;
    if (!id) return;
    onClose();
    await navigate({ to: '/messages/$id', params: { id } });
  });

  return (
    <dialog ref={ref} className="new-conversation" aria-labelledby={titleId} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <h2 id={titleId}>
          <Trans>Nouvelle conversation</Trans>
        </h2>
        {chosen.length > 0 ? (
          <ul className="chosen-people" aria-label={t`Personnes choisies`}>
            {chosen.map((p) => (
              <li key={p.id}>
                <span>{p.displayName}</span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t`Retirer ${p.displayName}`}
                  onClick={() => toggle(p)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="field">
          <label htmlFor={`${titleId}-search`}>
            <Trans>Rechercher une personne</Trans>
          </label>
          <input
            id={`${titleId}-search`}
            type="search"
            value={typed}
            autoComplete="off"
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.preventDefault();
            }}
          />
        </div>
        <fieldset className="people-choice">
          <legend>
            <Trans>Destinataires</Trans>
          </legend>
          <ErrorMessage error={searchError} />
          {fetching && !data ? (
            <p className="muted">
              <Trans>Recherche…</Trans>
            </p>
          ) : null}
          {data && people.length === 0 ? (
            <p className="muted">
              <Trans>Personne ne correspond à cette recherche. Essayez un autre nom.</Trans>
            </p>
          ) : null}
          <ul>
            {people.map((p) => (
              <li key={p.id}>
                <label className="person-option">
                  <input type="checkbox" checked={chosenIds.has(p.id)} onChange={() => toggle(p)} />
                  <span>
                    <span className="person-name">{p.displayName}</span>
                    {p.jobTitle ? <span className="muted"> · {p.jobTitle}</span> : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {chosen.length > 1 ? (
          <div className="field">
            <label htmlFor={`${titleId}-title`}>
              <Trans>Titre de la conversation (facultatif)</Trans>
            </label>
            <input id={`${titleId}-title`} name="title" maxLength={200} autoComplete="off" />
          </div>
        ) : null}
        {pickError ? (
          <p role="alert" className="error-message">
            <Trans>Choisissez au moins une personne dans la liste.</Trans>
          </p>
        ) : null}
        <ErrorMessage error={error} fieldLabels={{ participantIds: t`Destinataires`, title: t`Titre` }} />
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            <Trans>Annuler</Trans>
          </button>
          <button type="submit" className="button-primary">
            <Trans>Écrire</Trans>
          </button>
        </div>
      </form>
    </dialog>
  );
});
