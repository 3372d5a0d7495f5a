import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';

const PeopleSearchQuery = graphql(`
  query GroupsPeopleSearch($search: String!) {
    people(search: $search, first: 8) {
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

const AddMemberMutation = graphql(`
  mutation GroupsAddMember($groupId: ID!, $userId: ID!) {
    addGroupMember(groupId: $groupId, userId: $userId, role: MEMBER) {
      id
      memberCount
    }
  }
`);

interface Props {
  groupId: string;
  /** The members already listed: they show as such instead of with an "add" button. */
  memberIds: Set<string>;
  onAdded: () => void;
}

/** For managers: find a person of the directory by name and add them to the group as a member. */
export function AddMemberForm({ groupId, memberIds, onAdded }: Props) {
  const { t } = useLingui();
  const titleId = useId();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const [{ data, fetching, error }] = useQuery({
    query: PeopleSearchQuery,
    variables: { search },
    pause: search.length < 2,
  });
  const [, add] = useMutation(AddMemberMutation);
  const [addError, setAddError] = useState<unknown>(null);
  const [added, setAdded] = useState('');
  const people = search.length >= 2 ? (data?.people.edges.map((e) => e.node) ?? []) : [];

  const onAdd = async (userId: string, name: string) => {
    setAddError(null);
    setAdded('');
    const result = await add({ groupId, userId });
    if (result.error) {
      setAddError(result.error);
      return;
    }
    setAdded(t`${name} a été ajouté au groupe.`);
    onAdded();
  };

  return (
    <section className="add-member" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <Trans>Ajouter un membre</Trans>
      </h3>
      <div className="field">
        <label htmlFor={inputId}>
          <Trans>Nom de la personne à ajouter</Trans>
        </label>
        <input
          id={inputId}
          type="search"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          aria-describedby={`${inputId}-hint`}
        />
        <p id={`${inputId}-hint`} className="field-hint">
          <Trans>Tapez au moins deux lettres : les personnes de l'annuaire s'affichent.</Trans>
        </p>
      </div>
      <ErrorMessage error={error} />
      <ErrorMessage
        error={addError}
        overrides={{
          NOT_FOUND: t`Cette personne n'est plus disponible (compte désactivé ?). Choisissez-en une autre.`,
        }}
      />
      <p role="status" className="group-done">
        {added}
      </p>
      {search.length >= 2 && data && !fetching && people.length === 0 ? (
        <p className="field-hint">
          <Trans>Personne ne correspond à « {search} » dans l'annuaire.</Trans>
        </p>
      ) : null}
      {people.length > 0 ? (
        <ul className="member-list" aria-label={t`Personnes trouvées`}>
          {people.map((person) => (
            <li key={person.id} className="member-row">
              <div className="member-who">
                <span>{person.displayName}</span>
                {person.jobTitle ? <span className="field-hint">{person.jobTitle}</span> : null}
              </div>
              {memberIds.has(person.id) ? (
                <span className="field-hint">
                  <Trans>Déjà membre</Trans>
                </span>
              ) : (
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={t`Ajouter ${person.displayName} au groupe`}
                  onClick={() => void onAdd(person.id, person.displayName)}
                >
                  <Trans>Ajouter</Trans>
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
