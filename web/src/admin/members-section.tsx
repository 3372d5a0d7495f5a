import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { OrganizationRole } from '../gql/graphql';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDate } from '../lib/format/dates';
import { ConfirmDialog } from './confirm-dialog';
import { foundText, membersText, roleLabel, ROLES } from './labels';

const AdminMembersQuery = graphql(`
  query AdminMembers($id: ID!, $search: String, $after: String, $includeBelow: Boolean!) {
    organization(id: $id) {
      id
      members(first: 25, after: $after, search: $search, includeBelow: $includeBelow) {
        totalCount
        edges {
          cursor
          node {
            role
            createdAt
            accountDeactivated
            organization {
              id
              name
            }
            user {
              id
              displayName
              email
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const AdminSetRoleMutation = graphql(`
  mutation AdminSetRole($organizationId: ID!, $userId: ID!, $role: OrganizationRole!) {
    setMemberRole(organizationId: $organizationId, userId: $userId, role: $role) {
      role
      createdAt
      accountDeactivated
      user {
        id
      }
    }
  }
`);

const AdminRemoveMemberMutation = graphql(`
  mutation AdminRemoveMember($organizationId: ID!, $userId: ID!) {
    removeMember(organizationId: $organizationId, userId: $userId)
  }
`);

const AdminDeactivateMutation = graphql(`
  mutation AdminDeactivate($userId: ID!) {
    deactivateUser(userId: $userId)
  }
`);

const AdminReactivateMutation = graphql(`
  mutation AdminReactivate($userId: ID!) {
    reactivateUser(userId: $userId)
  }
`);

interface Member {
  role: OrganizationRole;
  createdAt: string;
  accountDeactivated?: boolean | null;
  organization: { id: string; name: string };
  user: { id: string; displayName: string; email?: string | null };
}

type Action = { kind: 'role' | 'remove' | 'deactivate' | 'reactivate'; member: Member };

function MembersPage({
  organizationId,
  search,
  includeBelow,
  after,
  onMore,
  onAction,
  first,
}: {
  organizationId: string;
  search: string;
  includeBelow: boolean;
  after: string | null;
  onMore: (cursor: string) => void;
  onAction: (action: Action) => void;
  first: boolean;
}) {
  const { t } = useLingui();
  const [{ data, fetching, error }] = useQuery({
    query: AdminMembersQuery,
    variables: { id: organizationId, search: search || null, after, includeBelow },
    requestPolicy: 'network-only',
  });
  const members = data?.organization?.members;
  if (error) return <ErrorMessage error={error} />;
  if (!members)
    return fetching ? (
      <p>
        <Trans>Chargement des membres…</Trans>
      </p>
    ) : null;
  return (
    <>
      {first ? (
        <p className="admin-count" role="status">
          {search ? foundText(members.totalCount) : membersText(members.totalCount)}
        </p>
      ) : null}
      {first && members.edges.length === 0 ? (
        <p>
          {search ? (
            <Trans>Aucun membre ne correspond à cette recherche. Essayez une partie du nom.</Trans>
          ) : (
            <Trans>Aucun membre pour l'instant. Invitez-en avec le formulaire ci-dessous.</Trans>
          )}
        </p>
      ) : null}
      <ul className="admin-list">
        {members.edges.map(({ node }) => (
          <li key={`${node.user.id}-${node.organization.id}`} className="admin-row">
            <div className="admin-row-main">
              <span className="admin-row-title">{node.user.displayName}</span>
              {node.user.email ? <span className="admin-row-meta">{node.user.email}</span> : null}
              <span className="admin-row-meta">
                {includeBelow ? `${node.organization.name} · ` : ''}
                {roleLabel(node.role)} · {t`depuis le ${formatDate(node.createdAt)}`}
                {node.accountDeactivated ? (
                  <>
                    {' · '}
                    <strong className="admin-badge">
                      <Trans>Compte désactivé</Trans>
                    </strong>
                  </>
                ) : null}
              </span>
            </div>
            <div className="admin-row-actions">
              <button
                type="button"
                className="button-secondary"
                aria-label={t`Changer le rôle de ${node.user.displayName}`}
                onClick={() => onAction({ kind: 'role', member: node })}
              >
                <Trans>Rôle</Trans>
              </button>
              <button
                type="button"
                className="button-secondary"
                aria-label={t`Retirer ${node.user.displayName}`}
                onClick={() => onAction({ kind: 'remove', member: node })}
              >
                <Trans>Retirer</Trans>
              </button>
              {node.accountDeactivated ? (
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={t`Réactiver le compte de ${node.user.displayName}`}
                  onClick={() => onAction({ kind: 'reactivate', member: node })}
                >
                  <Trans>Réactiver</Trans>
                </button>
              ) : (
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={t`Désactiver le compte de ${node.user.displayName}`}
                  onClick={() => onAction({ kind: 'deactivate', member: node })}
                >
                  <Trans>Désactiver</Trans>
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {members.pageInfo.hasNextPage && members.pageInfo.endCursor ? (
        <button type="button" className="button-secondary" onClick={() => onMore(members.pageInfo.endCursor!)}>
          <Trans>Afficher plus de membres</Trans>
        </button>
      ) : null}
    </>
  );
}

/** The direct members of an organisation: search, role, join date, and what an admin may do to each. */
export function MembersSection({
  organizationId,
  hasBelow = false,
}: {
  organizationId: string;
  /** A region or the federation: offers to list the members of everything below too. */
  hasBelow?: boolean;
}) {
  const { t } = useLingui();
  const [search, setSearch] = useState('');
  const [includeBelow, setIncludeBelow] = useState(false);
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const [generation, setGeneration] = useState(0);
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState('');
  const [, setRole] = useMutation(AdminSetRoleMutation);
  const [, removeMember] = useMutation(AdminRemoveMemberMutation);
  const [, deactivate] = useMutation(AdminDeactivateMutation);
  const [, reactivate] = useMutation(AdminReactivateMutation);

  const reload = useCallback(() => {
    setPages([null]);
    setGeneration((g) => g + 1);
  }, []);

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSearch(String(data.get('search') ?? '').trim());
    setIncludeBelow(data.get('below') === 'on');
    reload();
  };

  const confirm = useCallback(
    async (data: FormData) => {
      if (!action) return;
      const { member } = action;
      const name = member.user.displayName;
      const userId = member.user.id;
      const organizationId = member.organization.id;
      const organizationName = member.organization.name;
      let result: { error?: unknown };
      let message: string;
      if (action.kind === 'role') {
        const role = String(data.get('role')) as OrganizationRole;
        result = await setRole({ organizationId, userId, role });
        message = t`Le rôle de ${name} est maintenant : ${roleLabel(role)}.`;
      } else if (action.kind === 'remove') {
        result = await removeMember({ organizationId, userId });
        message = t`${name} ne fait plus partie de ${organizationName}.`;
      } else if (action.kind === 'deactivate') {
        result = await deactivate({ userId });
        message = t`Le compte de ${name} est désactivé.`;
      } else {
        result = await reactivate({ userId });
        message = t`Le compte de ${name} est réactivé.`;
      }
      if (result.error) throw result.error;
      setDone(message);
      reload();
    },
    [action, deactivate, reactivate, reload, removeMember, setRole, t],
  );

  const closeDialog = useCallback(() => setAction(null), []);
  const name = action?.member.user.displayName ?? '';
  const organizationName = action?.member.organization.name ?? '';
  const refusals = {
    FORBIDDEN: t`Vous ne pouvez pas faire cela pour cette personne : elle appartient aussi à une organisation que vous n'administrez pas. Demandez à un administrateur de la fédération.`,
  };

  return (
    <section className="admin-section" aria-labelledby="admin-members-title">
      <h2 id="admin-members-title">
        <Trans>Membres</Trans>
      </h2>
      <form className="admin-search" onSubmit={onSearch}>
        <div className="field">
          <label htmlFor="admin-member-search">
            <Trans>Filtrer les membres par nom</Trans>
          </label>
          <input id="admin-member-search" name="search" type="search" defaultValue={search} />
        </div>
        {hasBelow ? (
          <div className="admin-checkbox">
            <input id="admin-member-below" name="below" type="checkbox" defaultChecked={includeBelow} />
            <label htmlFor="admin-member-below">
              <Trans>Inclure les organisations en dessous</Trans>
            </label>
          </div>
        ) : null}
        <button type="submit" className="button-secondary">
          <Trans>Filtrer</Trans>
        </button>
      </form>
      <p role="status" className="admin-done">
        {done}
      </p>
      {pages.map((after, index) => (
        <MembersPage
          key={`${generation}-${after ?? 'first'}`}
          organizationId={organizationId}
          search={search}
          includeBelow={includeBelow}
          after={after}
          first={index === 0}
          onMore={(cursor) => setPages((current) => [...current, cursor])}
          onAction={(next) => {
            setDone('');
            setAction(next);
          }}
        />
      ))}
      {action?.kind === 'role' ? (
        <ConfirmDialog
          title={t`Changer le rôle de ${name}`}
          confirmLabel={t`Changer le rôle`}
          onConfirm={confirm}
          onClose={closeDialog}
          errorOverrides={refusals}
        >
          <div className="field">
            <label htmlFor="admin-new-role">
              <Trans>Nouveau rôle</Trans>
            </label>
            <select id="admin-new-role" name="role" defaultValue={action.member.role}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {roleLabel(role)}
                </option>
              ))}
            </select>
          </div>
          <p className="field-hint">
            <Trans>
              Administrateur·rice : gère les membres, les invitations et les sous-organisations. Équipe : salarié·e ou
              bénévole encadrant. Membre : participe aux groupes.
            </Trans>
          </p>
        </ConfirmDialog>
      ) : null}
      {action?.kind === 'remove' ? (
        <ConfirmDialog
          title={t`Retirer ${name} de ${organizationName} ?`}
          confirmLabel={t`Retirer`}
          onConfirm={confirm}
          onClose={closeDialog}
          danger
          errorOverrides={refusals}
        >
          <p>
            <Trans>
              {name} ne fera plus partie de {organizationName} et perdra le rôle qu'il ou elle y avait. Son compte et
              ses autres organisations ne changent pas ; ses publications restent en place.
            </Trans>
          </p>
        </ConfirmDialog>
      ) : null}
      {action?.kind === 'deactivate' ? (
        <ConfirmDialog
          title={t`Désactiver le compte de ${name} ?`}
          confirmLabel={t`Désactiver le compte`}
          onConfirm={confirm}
          onClose={closeDialog}
          danger
          errorOverrides={refusals}
          fieldMessages={{
            userId: t`Vous ne pouvez pas désactiver votre propre compte. Pour le supprimer, passez par vos paramètres.`,
          }}
        >
          <ul>
            <li>
              <Trans>{name} ne pourra plus se connecter à Maillage.</Trans>
            </li>
            <li>
              <Trans>Ses sessions ouvertes se ferment tout de suite, sur tous ses appareils.</Trans>
            </li>
            <li>
              <Trans>Ses publications, réponses et messages restent visibles ; ses adhésions sont conservées.</Trans>
            </li>
            <li>
              <Trans>Vous pourrez réactiver le compte plus tard depuis cette page.</Trans>
            </li>
          </ul>
        </ConfirmDialog>
      ) : null}
      {action?.kind === 'reactivate' ? (
        <ConfirmDialog
          title={t`Réactiver le compte de ${name} ?`}
          confirmLabel={t`Réactiver le compte`}
          onConfirm={confirm}
          onClose={closeDialog}
          errorOverrides={refusals}
        >
          <p>
            <Trans>{name} pourra de nouveau se connecter avec son mot de passe habituel.</Trans>
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
