import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { toErrorInfo } from '../lib/errors/app-error-info';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDate } from '../lib/format/dates';
import { initialsOf, organizationRoleLabels } from './person-labels';
import { personRoute } from './routes';
import './people.css';

const PersonPageQuery = graphql(`
  query PersonPage($id: ID!) {
    me {
      id
    }
    user(id: $id) {
      id
      displayName
      jobTitle
      bio
      skills
      interests
      email
      phone
      createdAt
      memberships {
        role
        organization {
          id
          name
        }
      }
    }
  }
`);

const PersonStartConversationMutation = graphql(`
  mutation PersonStartConversation($participantIds: [ID!]!) {
    startConversation(participantIds: $participantIds) {
      id
    }
  }
`);

/** One person's profile: what they share, their organisations, and a way to write to them. */
export function PersonPage() {
  const { t, i18n } = useLingui();
  const { id } = personRoute.useParams();
  const navigate = useNavigate();
  const [{ data, error }, retry] = useQuery({
    query: PersonPageQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [messaging, startConversation] = useMutation(PersonStartConversationMutation);
  const [messageError, setMessageError] = useState<unknown>(null);
  const person = data?.user;
  const code = toErrorInfo(error)?.code;
  const missing = (!!data && !person) || code === 'NOT_FOUND' || code === 'BAD_USER_INPUT';
  usePageTitle(person?.displayName ?? (missing ? t`Personne introuvable` : t`Profil`));

  if (missing)
    return (
      <section className="page" aria-labelledby="person-title">
        <h1 id="person-title">
          <Trans>Personne introuvable</Trans>
        </h1>
        <p className="notice">
          <Trans>
            Cette personne n'existe pas ou plus (son compte a peut-être été supprimé). Vérifiez le lien, ou cherchez-la
            dans l'annuaire.
          </Trans>
        </p>
        <p>
          <Link to="/annuaire">
            <Trans>Retour à l'annuaire</Trans>
          </Link>
        </p>
      </section>
    );

  if (!person)
    return (
      <section className="page" aria-labelledby="person-title" aria-busy={!error}>
        <h1 id="person-title">
          <Trans>Profil</Trans>
        </h1>
        {error ? (
          <>
            <ErrorMessage error={error} />
            <button type="button" className="button-secondary" onClick={() => retry({ requestPolicy: 'network-only' })}>
              <Trans>Réessayer</Trans>
            </button>
          </>
        ) : (
          <p role="status">
            <Trans>Chargement du profil…</Trans>
          </p>
        )}
      </section>
    );

  const isMe = data?.me.id === person.id;
  const writeTo = async () => {
    setMessageError(null);
    const result = await startConversation({ participantIds: [person.id] });
    if (result.error || !result.data) {
      setMessageError(result.error ?? new Error('no conversation'));
      return;
    }
    await navigate({ to: '/messages/$id', params: { id: result.data.startConversation.id } });
  };

  return (
    <article className="page person-page" aria-labelledby="person-title">
      <header className="person-header">
        <span className="person-initials person-initials-large" aria-hidden="true">
          {initialsOf(person.displayName)}
        </span>
        <div>
          <h1 id="person-title">{person.displayName}</h1>
          {person.jobTitle ? <p className="person-job">{person.jobTitle}</p> : null}
          <p className="person-since">
            <Trans>Membre depuis le {formatDate(person.createdAt)}</Trans>
          </p>
        </div>
      </header>

      <div className="person-actions">
        {isMe ? (
          <Link to="/parametres" className="button-secondary">
            <Trans>Modifier mon profil</Trans>
          </Link>
        ) : (
          <button
            type="button"
            className="button-primary"
            aria-busy={messaging.fetching}
            onClick={() => void writeTo()}
          >
            <Trans>Envoyer un message</Trans>
          </button>
        )}
      </div>
      <ErrorMessage error={messageError} />

      {person.bio ? (
        <section aria-labelledby="person-bio">
          <h2 id="person-bio">
            <Trans>Présentation</Trans>
          </h2>
          <p className="person-bio">{person.bio}</p>
        </section>
      ) : null}

      <section aria-labelledby="person-orgs">
        <h2 id="person-orgs">
          <Trans>Organisations</Trans>
        </h2>
        {person.memberships.length ? (
          <ul className="person-orgs">
            {person.memberships.map((m) => (
              <li key={m.organization.id}>
                {m.organization.name}{' '}
                <span className="person-role">{i18n._(organizationRoleLabels[m.role] ?? m.role)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>
            <Trans>Aucune organisation pour l'instant.</Trans>
          </p>
        )}
      </section>

      {person.skills.length ? (
        <section aria-labelledby="person-skills">
          <h2 id="person-skills">
            <Trans>Compétences</Trans>
          </h2>
          <ul className="person-tags">
            {person.skills.map((skill) => (
              <li key={skill}>{skill}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {person.interests.length ? (
        <section aria-labelledby="person-interests">
          <h2 id="person-interests">
            <Trans>Centres d'intérêt</Trans>
          </h2>
          <ul className="person-tags">
            {person.interests.map((interest) => (
              <li key={interest}>{interest}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {person.email || person.phone ? (
        <section aria-labelledby="person-contact">
          <h2 id="person-contact">
            <Trans>Coordonnées</Trans>
          </h2>
          <dl className="person-contact">
            {person.email ? (
              <>
                <dt>
                  <Trans>Adresse e-mail</Trans>
                </dt>
                <dd>
                  <a href={`mailto:${person.email}`}>{person.email}</a>
                </dd>
              </>
            ) : null}
            {person.phone ? (
              <>
                <dt>
                  <Trans>Téléphone</Trans>
                </dt>
                <dd>
                  <a href={`tel:${person.phone.replace(/[^+\d]/g, '')}`}>{person.phone}</a>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
    </article>
  );
}
