import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useId } from 'react';
import { useMutation, useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import type { OrganizationKind, OrganizationRole } from '../gql/graphql';
import { toErrorInfo } from '../lib/errors/app-error-info';
import { ErrorMessage } from '../lib/errors/error-message';
import { TextField } from '../lib/forms/text-field';
import { useSubmit } from '../lib/forms/use-submit';
import { InvitationsSection, InviteForm } from './invitations-section';
import { directMembersText, kindLabel, membersText } from './labels';
import { GroupsSection } from './groups-section';
import { CommissionsSection } from '../commissions/commissions-section';
import { MembersSection } from './members-section';
import { NoAccess } from './no-access';
import { adminOrganizationRoute } from './routes';
import './admin.css';

/** Asked first, alone: nothing of an organisation the viewer does not administer is fetched. */
export const AdminOrganizationAccessQuery = graphql(`
  query AdminOrganizationAccess($id: ID!) {
    organization(id: $id) {
      id
      viewerCanAdminister
    }
  }
`);

const AdminOrganizationQuery = graphql(`
  query AdminOrganization($id: ID!) {
    organization(id: $id) {
      id
      name
      kind
      description
      memberCount
      parent {
        id
        name
        viewerCanAdminister
      }
      children {
        id
        name
        kind
        memberCount
      }
    }
  }
`);

const AdminCreateOrganizationMutation = graphql(`
  mutation AdminCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
      kind
    }
  }
`);

/** Whether a refusal means "not yours to see" (as opposed to a network failure). */
export function isRefusal(error: unknown): boolean {
  const code = toErrorInfo(error)?.code;
  return code === 'FORBIDDEN' || code === 'NOT_FOUND' || code === 'BAD_USER_INPUT';
}

/** Checks access, then shows the page or "Vous n'avez pas accès". */
export function AdminGate({ id, children }: { id: string; children: React.ReactNode }) {
  const { t } = useLingui();
  const [{ data, fetching, error }] = useQuery({
    query: AdminOrganizationAccessQuery,
    variables: { id },
    requestPolicy: 'network-only',
  });
  if (error && !isRefusal(error))
    return (
      <section className="page admin-page">
        <h1>
          <Trans>Administration</Trans>
        </h1>
        <ErrorMessage error={error} />
      </section>
    );
  if (error || (data && !data.organization?.viewerCanAdminister)) return <NoAccess />;
  if (!data || fetching) return <Loading title={t`Administration`} />;
  return <>{children}</>;
}

function Loading({ title }: { title: string }) {
  usePageTitle(title);
  return (
    <section className="page admin-page" aria-busy="true">
      <h1>{title}</h1>
      <p>
        <Trans>Chargement…</Trans>
      </p>
    </section>
  );
}

const UNDER_FEDERATION = ['REGION', 'ASSOCIATION'] as OrganizationKind[];
const UNDER_REGION = ['ASSOCIATION'] as OrganizationKind[];

function CreateSubOrganization({ parentId, parentKind }: { parentId: string; parentKind: OrganizationKind }) {
  const { t } = useLingui();
  const kindId = useId();
  const navigate = useNavigate();
  const [, create] = useMutation(AdminCreateOrganizationMutation);
  const kinds = parentKind === 'FEDERATION' ? UNDER_FEDERATION : UNDER_REGION;
  const submit = useCallback(
    async (data: FormData) => {
      const kind = String(data.get('kind') ?? kinds[0]) as OrganizationKind;
      const description = String(data.get('description') ?? '').trim();
      const result = await create({
        input: { parentId, kind, name: String(data.get('name') ?? ''), description: description || undefined },
      });
      if (result.error) throw result.error;
      const created = result.data!.createOrganization;
      await navigate({
        to: '/admin/organisations/$id',
        params: { id: created.id },
        search: created.kind === 'ASSOCIATION' ? { accueil: '1' } : {},
      });
    },
    [create, kinds, navigate, parentId],
  );
  const { onSubmit, error, pending } = useSubmit(submit);
  return (
    <form
      className="form admin-create"
      onSubmit={onSubmit}
      aria-busy={pending}
      aria-label={t`Créer une sous-organisation`}
      noValidate
    >
      <h3>
        <Trans>Créer une sous-organisation</Trans>
      </h3>
      <TextField name="name" label={t`Nom`} required maxLength={200} error={error} />
      <div className="field">
        <label htmlFor={kindId}>
          <Trans>Type</Trans>
        </label>
        <select id={kindId} name="kind" defaultValue={kinds[0]}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind)}
            </option>
          ))}
        </select>
      </div>
      <TextField name="description" label={t`Description (facultative)`} maxLength={5000} error={error} />
      <ErrorMessage
        error={error}
        fieldLabels={{ name: t`Nom`, kind: t`Type`, description: t`Description` }}
        fieldMessages={{ name: t`Donnez-lui un nom (200 caractères au plus).` }}
      />
      <button type="submit" className="button-primary">
        <Trans>Créer</Trans>
      </button>
    </form>
  );
}

function OrganizationAdmin({ id, welcome }: { id: string; welcome: boolean }) {
  const { t } = useLingui();
  const [{ data, fetching, error }] = useQuery({
    query: AdminOrganizationQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const organization = data?.organization;
  usePageTitle(organization ? t`Administration de ${organization.name}` : t`Administration`);
  if (!organization)
    return (
      <section className="page admin-page" aria-busy={fetching}>
        <h1>
          <Trans>Administration</Trans>
        </h1>
        <ErrorMessage error={error} />
        {fetching ? (
          <p>
            <Trans>Chargement…</Trans>
          </p>
        ) : null}
      </section>
    );
  const name = organization.name;
  return (
    <section className="page admin-page">
      <nav aria-label={t`Fil d'Ariane`} className="admin-breadcrumb">
        <Link to="/admin">
          <Trans>Administration</Trans>
        </Link>
        {organization.parent?.viewerCanAdminister ? (
          <>
            {' › '}
            <Link to="/admin/organisations/$id" params={{ id: organization.parent.id }}>
              {organization.parent.name}
            </Link>
          </>
        ) : null}
      </nav>
      <h1>{name}</h1>
      <p className="admin-row-meta">
        {kindLabel(organization.kind)} · {directMembersText(organization.memberCount)}
      </p>
      {organization.description ? <p>{organization.description}</p> : null}
      <p>
        <Link to="/admin/organisations/$id/journal" params={{ id }}>
          <Trans>Journal d'administration</Trans>
        </Link>
        {' · '}
        <Link to="/admin/organisations/$id/engagement" params={{ id }}>
          <Trans>Engagement</Trans>
        </Link>
      </p>
      <nav aria-label={t`Vie associative`} className="admin-links">
        <Link to="/admin/organisations/$id/adherents" params={{ id }}>
          <Trans>Adhérents et cotisations</Trans>
        </Link>
        <Link to="/admin/organisations/$id/segments" params={{ id }}>
          <Trans>Segments</Trans>
        </Link>
        <Link to="/admin/organisations/$id/import" params={{ id }}>
          <Trans>Import et export</Trans>
        </Link>
      </nav>
      <p>
        <Link to="/admin/organisations/$id/annonces" params={{ id }}>
          <Trans>Annonces aux membres</Trans>
        </Link>
      </p>

      {welcome && organization.kind === 'ASSOCIATION' ? (
        <section className="admin-section admin-welcome" aria-labelledby="admin-welcome-title">
          <h2 id="admin-welcome-title">
            <Trans>L'association {name} est créée</Trans>
          </h2>
          <InviteForm
            organizationId={id}
            defaultRole={'ADMIN' as OrganizationRole}
            intro={t`Invitez dès maintenant sa première personne administratrice : elle recevra un lien, créera son compte et découvrira les premiers pas dans Maillage.`}
          />
          <p>
            <Link to="/admin/organisations/$id" params={{ id }} search={{}}>
              <Trans>Continuer vers la gestion de l'association</Trans>
            </Link>
          </p>
        </section>
      ) : null}

      <MembersSection organizationId={id} hasBelow={organization.kind !== 'ASSOCIATION'} />
      {welcome && organization.kind === 'ASSOCIATION' ? null : <InvitationsSection organizationId={id} />}
      <GroupsSection organizationId={id} />
      <CommissionsSection organizationId={id} />

      {organization.kind !== 'ASSOCIATION' ? (
        <section className="admin-section" aria-labelledby="admin-children-title">
          <h2 id="admin-children-title">
            <Trans>Sous-organisations</Trans>
          </h2>
          {organization.children.length === 0 ? (
            <p>
              <Trans>Aucune sous-organisation pour l'instant.</Trans>
            </p>
          ) : (
            <ul className="admin-list">
              {organization.children.map((child) => (
                <li key={child.id} className="admin-row">
                  <div className="admin-row-main">
                    <Link to="/admin/organisations/$id" params={{ id: child.id }} className="admin-row-title">
                      {child.name}
                    </Link>
                    <span className="admin-row-meta">
                      {kindLabel(child.kind)} · {membersText(child.memberCount)}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <CreateSubOrganization parentId={id} parentKind={organization.kind} />
        </section>
      ) : null}
    </section>
  );
}

/** /admin/organisations/$id: one organisation's members, invitations and sub-organisations. */
export function OrganizationPage() {
  const { id } = adminOrganizationRoute.useParams();
  const { accueil } = adminOrganizationRoute.useSearch();
  return (
    <AdminGate id={id} key={id}>
      <OrganizationAdmin key={accueil ?? ''} id={id} welcome={accueil === '1'} />
    </AdminGate>
  );
}
