import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { membersText } from './labels';
import './admin.css';

const FirstStepsQuery = graphql(`
  query AdminFirstSteps {
    me {
      id
      memberships {
        role
        organization {
          id
          name
        }
      }
    }
    organizations(kind: FEDERATION, first: 1) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const FirstStepsGroupsQuery = graphql(`
  query AdminFirstStepsGroups($organizationId: ID!) {
    groups(organizationId: $organizationId, first: 8) {
      edges {
        node {
          id
          name
          memberCount
        }
      }
    }
  }
`);

function FederationGroups({ federationId }: { federationId: string }) {
  const { t } = useLingui();
  const [{ data }] = useQuery({ query: FirstStepsGroupsQuery, variables: { organizationId: federationId } });
  const groups = data?.groups.edges ?? [];
  if (groups.length === 0) return null;
  return (
    <ul className="first-steps-groups" aria-label={t`Groupes thématiques de la fédération`}>
      {groups.map(({ node }) => (
        <li key={node.id}>
          <Link to="/groupes/$id" params={{ id: node.id }}>
            {node.name}
          </Link>{' '}
          <span className="admin-row-meta">{membersText(node.memberCount)}</span>
        </li>
      ))}
    </ul>
  );
}

/** /premiers-pas: where a newly invited person (often a new association's admin) starts. */
export function FirstStepsPage() {
  const { t } = useLingui();
  usePageTitle(t`Premiers pas`);
  const navigate = useNavigate();
  const [{ data, error }] = useQuery({ query: FirstStepsQuery });
  const federation = data?.organizations.edges[0]?.node;
  const administered = data?.me.memberships.filter((m) => m.role === 'ADMIN') ?? [];
  const organizations = data?.me.memberships.map((m) => m.organization.name).join(', ') ?? '';

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    if (q) void navigate({ to: '/recherche', search: { q } });
  };

  return (
    <section className="page admin-page first-steps">
      <h1>
        <Trans>Premiers pas</Trans>
      </h1>
      <ErrorMessage error={error} />
      {data ? (
        <p className="first-steps-welcome">
          <Trans>Bienvenue dans Maillage !</Trans>{' '}
          {organizations ? <Trans>Vous faites partie de : {organizations}.</Trans> : null}
        </p>
      ) : null}
      <ol className="first-steps-list">
        <li>
          <h2>
            <Trans>Complétez votre profil</Trans>
          </h2>
          <p>
            <Trans>
              Votre fonction, vos compétences et vos centres d'intérêt aident les autres associations à vous trouver
              dans l'annuaire.
            </Trans>
          </p>
          <Link to="/parametres" className="button-secondary">
            <Trans>Compléter mon profil</Trans>
          </Link>
        </li>
        <li>
          <h2>
            <Trans>Rejoignez les groupes thématiques</Trans>
          </h2>
          <p>
            {federation ? (
              <Trans>Les groupes de {federation.name} : trésorerie, assurances, événements, formation…</Trans>
            ) : (
              <Trans>Les groupes de la fédération : trésorerie, assurances, événements, formation…</Trans>
            )}
          </p>
          {federation ? <FederationGroups federationId={federation.id} /> : null}
          <Link to="/groupes" className="button-secondary">
            <Trans>Voir tous les groupes</Trans>
          </Link>
        </li>
        <li>
          <h2>
            <Trans>Retrouvez les réponses déjà données</Trans>
          </h2>
          <p>
            <Trans>D'autres associations se sont sans doute déjà posé la même question.</Trans>
          </p>
          <form className="admin-search" onSubmit={onSearch}>
            <div className="field">
              <label htmlFor="first-steps-search">
                <Trans>Chercher une réponse</Trans>
              </label>
              <input id="first-steps-search" name="q" type="text" placeholder={t`Ex. : assurance d'un tournoi`} />
            </div>
            <button type="submit" className="button-secondary">
              <Trans>Chercher</Trans>
            </button>
          </form>
        </li>
        <li>
          <h2>
            <Trans>Posez une question</Trans>
          </h2>
          <p>
            <Trans>Choisissez le groupe qui correspond au sujet, puis « Poser une question ».</Trans>
          </p>
          <Link to="/groupes" className="button-secondary">
            <Trans>Choisir un groupe</Trans>
          </Link>
        </li>
        {administered.length > 0 ? (
          <li>
            <h2>
              <Trans>Invitez les membres de votre association</Trans>
            </h2>
            <ul>
              {administered.map((m) => (
                <li key={m.organization.id}>
                  <Link to="/admin/organisations/$id" params={{ id: m.organization.id }}>
                    {t`Gérer ${m.organization.name}`}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ) : null}
      </ol>
    </section>
  );
}
