import { i18n } from '@lingui/core';
import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link, Outlet } from '@tanstack/react-router';
import { useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import type { GroupHeaderQuery as GroupHeaderData } from '../gql/graphql';
import { ErrorMessage } from '../lib/errors/error-message';
import { useSocketEvent } from '../lib/socket/use-socket';
import { GroupJoinRequestsQuery, mayReadContent, roleLabels, useGroupHeader } from './group-data';
import { JoinButton, VisibilityBadge } from './join-button';
import { groupRoute } from './routes';
import './groups.css';

const LeaveGroupMutation = graphql(`
  mutation GroupsLeave($groupId: ID!) {
    leaveGroup(groupId: $groupId)
  }
`);
const FollowGroupMutation = graphql(`
  mutation GroupsFollow($groupId: ID!) {
    followGroup(groupId: $groupId) {
      id
      viewerIsFollowing
    }
  }
`);
const UnfollowGroupMutation = graphql(`
  mutation GroupsUnfollow($groupId: ID!) {
    unfollowGroup(groupId: $groupId)
  }
`);

type Group = NonNullable<GroupHeaderData['group']>;

/**
 * For mutations answering a Boolean: urql then cannot tell which queries changed, so every query
 * holding a Group (the tabs' own, the list) asks again.
 */
const everyGroupQuery = { additionalTypenames: ['Group'] };

/** The group's header and tabs; the current tab (a child route) renders in the outlet. */
export function GroupPage() {
  const { t } = useLingui();
  const { id } = groupRoute.useParams();
  const [{ data, fetching, error }, refetch] = useGroupHeader(id);
  const group = data?.group;
  const [pending, refetchPending] = useQuery({
    query: GroupJoinRequestsQuery,
    variables: { id },
    pause: !group?.viewerCanModerate,
  });
  usePageTitle(group?.name ?? (error && !fetching ? t`Groupe introuvable` : t`Groupe`));
  // A request accepted (or any news about this group) while the page is open: show the group as it is now.
  useSocketEvent('notification:new', (notification) => {
    if (notification.subjectId !== id) return;
    refetch({ requestPolicy: 'network-only' });
    if (group?.viewerCanModerate) refetchPending({ requestPolicy: 'network-only' });
  });

  if (!group) {
    if (fetching && !error)
      return (
        <section className="page" aria-busy="true">
          <h1>
            <Trans>Groupe</Trans>
          </h1>
          <p>
            <Trans>Chargement du groupe…</Trans>
          </p>
        </section>
      );
    const notFound =
      !error ||
      error.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND' || e.extensions?.code === 'BAD_USER_INPUT');
    return (
      <section className="page">
        <h1>{notFound ? <Trans>Groupe introuvable</Trans> : <Trans>Groupe</Trans>}</h1>
        {notFound ? (
          <p>
            <Trans>Ce groupe n'existe pas ou plus. Vérifiez le lien, ou retrouvez vos groupes dans la liste.</Trans>
          </p>
        ) : (
          <ErrorMessage error={error} />
        )}
        <p>
          <Link to="/groupes">
            <Trans>Voir la liste des groupes</Trans>
          </Link>
        </p>
      </section>
    );
  }

  const readable = mayReadContent(group);
  const pendingCount = pending.data?.group?.joinRequests.length ?? 0;
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <section className="page group-page" aria-labelledby="group-title">
      <header className="group-header">
        <p className="group-org">{group.organization.name}</p>
        <h1 id="group-title">{group.name}</h1>
        <p className="group-meta">
          <VisibilityBadge visibility={group.visibility} />
          <span>{plural(group.memberCount, { one: '# membre', other: '# membres' })}</span>
          {group.viewerRole ? (
            <span>
              <Trans>Vous : {i18n._(roleLabels[group.viewerRole])}</Trans>
            </span>
          ) : null}
        </p>
        {group.description ? <p className="group-description">{group.description}</p> : null}
        <GroupActions group={group} onChanged={refresh} />
      </header>
      {readable ? (
        <>
          <nav className="group-tabs" aria-label={t`Onglets du groupe`}>
            <ul>
              <li>
                <Link
                  to="/groupes/$id"
                  params={{ id }}
                  activeOptions={{ exact: true }}
                  activeProps={{ 'aria-current': 'page' }}
                >
                  <Trans>Publications</Trans>
                </Link>
              </li>
              <li>
                <Link to="/groupes/$id/questions" params={{ id }} activeProps={{ 'aria-current': 'page' }}>
                  <Trans>Questions</Trans>
                </Link>
              </li>
              <li>
                <Link to="/groupes/$id/evenements" params={{ id }} activeProps={{ 'aria-current': 'page' }}>
                  <Trans>Événements</Trans>
                </Link>
              </li>
              <li>
                <Link to="/groupes/$id/membres" params={{ id }} activeProps={{ 'aria-current': 'page' }}>
                  <Trans>Membres</Trans>
                  {pendingCount > 0 ? (
                    <span className="tab-badge">
                      {pendingCount}
                      <span className="sr-only">
                        {' '}
                        {plural(pendingCount, { one: 'demande en attente', other: 'demandes en attente' })}
                      </span>
                    </span>
                  ) : null}
                </Link>
              </li>
              <li>
                <Link to="/groupes/$id/a-propos" params={{ id }} activeProps={{ 'aria-current': 'page' }}>
                  <Trans>À propos</Trans>
                </Link>
              </li>
            </ul>
          </nav>
          <div className="group-tab">
            <Outlet />
          </div>
        </>
      ) : (
        <p className="notice">
          {group.viewerHasPendingRequest ? (
            <Trans>
              Votre demande attend l'accord d'un responsable du groupe. Vous serez prévenu dès qu'elle sera acceptée.
            </Trans>
          ) : (
            <Trans>
              Ce groupe est privé : ses publications, ses questions et ses membres sont réservés à ses membres. Demandez
              à le rejoindre pour y participer.
            </Trans>
          )}
        </p>
      )}
    </section>
  );
}

/** Join or request, cancel a request, leave (confirmed), follow or unfollow. */
function GroupActions({ group, onChanged }: { group: Group; onChanged: () => void }) {
  const { t } = useLingui();
  const [error, setError] = useState<unknown>(null);
  const [, leave] = useMutation(LeaveGroupMutation);
  const [, follow] = useMutation(FollowGroupMutation);
  const [, unfollow] = useMutation(UnfollowGroupMutation);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const dialogTitle = useId();

  const run = async (work: () => Promise<{ error?: unknown }>) => {
    if (busy) return false;
    setBusy(true);
    setError(null);
    try {
      const result = await work();
      if (result.error) {
        setError(result.error);
        return false;
      }
      onChanged();
      return true;
    } finally {
      setBusy(false);
    }
  };
  const mayFollow = group.visibility === 'PUBLIC' || Boolean(group.viewerRole) || group.viewerCanModerate;
  const errorOverrides = {
    LAST_OWNER: t`Vous êtes le dernier propriétaire de ce groupe : nommez d'abord un autre propriétaire (onglet Membres), puis quittez-le.`,
  };

  return (
    <div className="group-actions">
      <div className="group-action-buttons">
        <JoinButton group={group} />
        {group.viewerHasPendingRequest ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => void run(() => leave({ groupId: group.id }, everyGroupQuery))}
          >
            <Trans>Annuler la demande</Trans>
          </button>
        ) : null}
        {mayFollow ? (
          group.viewerIsFollowing ? (
            <button
              type="button"
              className="button-secondary"
              onClick={() => void run(() => unfollow({ groupId: group.id }, everyGroupQuery))}
            >
              <Trans>Ne plus suivre</Trans>
            </button>
          ) : (
            <button
              type="button"
              className="button-secondary"
              onClick={() => void run(() => follow({ groupId: group.id }))}
              aria-describedby="group-follow-hint"
            >
              <Trans>Suivre le groupe</Trans>
            </button>
          )
        ) : null}
        {group.viewerRole ? (
          <button type="button" className="button-secondary" onClick={() => dialog.current?.showModal()}>
            <Trans>Quitter le groupe</Trans>
          </button>
        ) : null}
      </div>
      {mayFollow && !group.viewerIsFollowing ? (
        <p id="group-follow-hint" className="field-hint">
          <Trans>Suivre : ses nouvelles publications arrivent dans votre fil.</Trans>
        </p>
      ) : null}
      <ErrorMessage error={error} overrides={errorOverrides} />
      {group.viewerRole ? (
        <dialog ref={dialog} aria-labelledby={dialogTitle} className="group-dialog">
          <h2 id={dialogTitle}>
            <Trans>Quitter « {group.name} » ?</Trans>
          </h2>
          <p>
            {group.visibility === 'PRIVATE' ? (
              <Trans>
                Ce groupe est privé : vous ne verrez plus ses publications ni ses questions, et il faudra demander à
                nouveau pour y revenir.
              </Trans>
            ) : (
              <Trans>Vous ne pourrez plus y publier ; vous pourrez le rejoindre à nouveau quand vous voudrez.</Trans>
            )}
          </p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button-primary button-danger"
              onClick={() =>
                void run(() => leave({ groupId: group.id }, everyGroupQuery)).then(() => {
                  dialog.current?.close();
                })
              }
            >
              <Trans>Quitter</Trans>
            </button>
            <button type="button" className="button-secondary" onClick={() => dialog.current?.close()} autoFocus>
              <Trans>Annuler</Trans>
            </button>
          </div>
        </dialog>
      ) : null}
    </div>
  );
}
