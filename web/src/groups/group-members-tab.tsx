import { i18n } from '@lingui/core';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useShellData } from '../app/shell/shell-data';
import { graphql } from '../gql';
import type { GroupMembersQuery, GroupRole } from '../gql/graphql';
import { formatDate } from '../lib/format/dates';
import { ErrorMessage } from '../lib/errors/error-message';
import { useSocketEvent } from '../lib/socket/use-socket';
import { AddMemberForm } from './add-member-form';
import { GroupJoinRequestsQuery, mayChangeRoles, roleLabels, roleOrder, useGroupHeader } from './group-data';
import { groupRoute } from './routes';

const GroupMembersQueryDoc = graphql(`
  query GroupMembers($id: ID!, $after: String) {
    group(id: $id) {
      id
      members(first: 50, after: $after) {
        totalCount
        edges {
          node {
            role
            createdAt
            user {
              id
              displayName
              jobTitle
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

const ApproveMutation = graphql(`
  mutation GroupsApproveRequest($groupId: ID!, $userId: ID!) {
    approveJoinRequest(groupId: $groupId, userId: $userId) {
      id
      memberCount
    }
  }
`);
const RejectMutation = graphql(`
  mutation GroupsRejectRequest($groupId: ID!, $userId: ID!) {
    rejectJoinRequest(groupId: $groupId, userId: $userId) {
      id
      memberCount
    }
  }
`);
const SetRoleMutation = graphql(`
  mutation GroupsSetMemberRole($groupId: ID!, $userId: ID!, $role: GroupRole!) {
    setGroupMemberRole(groupId: $groupId, userId: $userId, role: $role) {
      id
      viewerRole
    }
  }
`);
const RemoveMutation = graphql(`
  mutation GroupsRemoveMember($groupId: ID!, $userId: ID!) {
    removeGroupMember(groupId: $groupId, userId: $userId)
  }
`);

type Member = NonNullable<GroupMembersQuery['group']>['members']['edges'][number]['node'];

/** The group's members with their roles; for its managers: pending requests, add, remove, roles. */
export function GroupMembersTab() {
  const { t } = useLingui();
  const { id } = groupRoute.useParams();
  const [{ data: header }, refetchHeader] = useGroupHeader(id);
  const group = header?.group;
  // Pages after the first, by the cursor they start after; `version` makes every page ask again after a change.
  const [cursors, setCursors] = useState<string[]>([]);
  const [version, setVersion] = useState(0);
  const [{ data, fetching, error }, refetchMembers] = useQuery({
    query: GroupMembersQueryDoc,
    variables: { id, after: null },
    requestPolicy: 'cache-and-network',
  });
  const manager = group?.viewerCanModerate ?? false;
  const owner = group ? mayChangeRoles(group) : false;
  const viewerId = useShellData()?.me.id;
  const refresh = () => {
    refetchMembers({ requestPolicy: 'network-only' });
    refetchHeader({ requestPolicy: 'network-only' });
    setVersion((v) => v + 1);
  };

  const members = data?.group?.members;
  const memberIds = new Set(members?.edges.map((e) => e.node.user.id));
  const rowProps = { groupId: id, viewerId, manager, owner, onChanged: refresh };

  return (
    <section className="group-members" aria-labelledby="group-members-title">
      <h2 id="group-members-title">
        <Trans>Membres</Trans>
        {members ? <span className="group-list-count"> ({members.totalCount})</span> : null}
      </h2>
      {manager ? <JoinRequests groupId={id} onChanged={refresh} /> : null}
      {manager ? <AddMemberForm groupId={id} memberIds={memberIds} onAdded={refresh} /> : null}
      <ErrorMessage
        error={error}
        overrides={{
          FORBIDDEN: t`Seuls les membres de ce groupe privé voient la liste de ses membres.`,
        }}
      />
      {!members && fetching ? (
        <p>
          <Trans>Chargement des membres…</Trans>
        </p>
      ) : null}
      {members ? (
        <ul className="member-list">
          <MemberRows members={members.edges.map((e) => e.node)} {...rowProps} />
          {cursors.map((after) => (
            <MembersPage key={after} after={after} version={version} {...rowProps} />
          ))}
        </ul>
      ) : null}
      {members ? (
        <MoreMembers
          groupId={id}
          after={cursors.length ? cursors[cursors.length - 1] : null}
          first={members}
          onMore={(cursor) => setCursors((list) => [...list, cursor])}
        />
      ) : null}
    </section>
  );
}

interface RowsProps {
  groupId: string;
  viewerId: string | undefined;
  manager: boolean;
  owner: boolean;
  onChanged: () => void;
}

function MemberRows({ members, groupId, viewerId, manager, owner, onChanged }: RowsProps & { members: Member[] }) {
  return members.map((member) => (
    <MemberRow
      key={member.user.id}
      groupId={groupId}
      member={member}
      isViewer={member.user.id === viewerId}
      canManage={manager && (owner || member.role === 'MEMBER')}
      canChangeRole={owner}
      onChanged={onChanged}
    />
  ));
}

/** One more page of members (after the first), asked again whenever `version` changes. */
function MembersPage({ after, version, ...rowProps }: RowsProps & { after: string; version: number }) {
  const [{ data }, refetch] = useQuery({
    query: GroupMembersQueryDoc,
    variables: { id: rowProps.groupId, after },
  });
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);
  const members = data?.group?.members.edges.map((e) => e.node) ?? [];
  return <MemberRows members={members} {...rowProps} />;
}

/** "Afficher plus de membres" while the last page loaded says there are more. */
function MoreMembers({
  groupId,
  after,
  first,
  onMore,
}: {
  groupId: string;
  after: string | null;
  first: { pageInfo: { hasNextPage: boolean; endCursor?: string | null } };
  onMore: (cursor: string) => void;
}) {
  const [{ data }] = useQuery({
    query: GroupMembersQueryDoc,
    variables: { id: groupId, after },
    pause: after === null,
  });
  const last = after === null ? first : data?.group?.members;
  if (!last?.pageInfo.hasNextPage || !last.pageInfo.endCursor) return null;
  const cursor = last.pageInfo.endCursor;
  return (
    <button type="button" className="button-secondary" onClick={() => onMore(cursor)}>
      <Trans>Afficher plus de membres</Trans>
    </button>
  );
}

function JoinRequests({ groupId, onChanged }: { groupId: string; onChanged: () => void }) {
  const { t } = useLingui();
  const titleId = useId();
  const [{ data, error }, refetch] = useQuery({
    query: GroupJoinRequestsQuery,
    variables: { id: groupId },
    requestPolicy: 'cache-and-network',
  });
  const [, approve] = useMutation(ApproveMutation);
  const [, reject] = useMutation(RejectMutation);
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  // A new request arrives as a notification to the managers: show it without a reload.
  useSocketEvent('notification:new', (notification) => {
    if (notification.subjectId === groupId) refetch({ requestPolicy: 'network-only' });
  });
  const requests = data?.group?.joinRequests ?? [];

  const decide = async (userId: string, name: string, accept: boolean) => {
    setActionError(null);
    setDone('');
    const result = accept ? await approve({ groupId, userId }) : await reject({ groupId, userId });
    if (result.error) {
      setActionError(result.error);
      return;
    }
    setDone(accept ? t`${name} fait maintenant partie du groupe.` : t`La demande de ${name} est refusée.`);
    refetch({ requestPolicy: 'network-only' });
    onChanged();
  };

  return (
    <section className="join-requests" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <Trans>Demandes en attente</Trans>
      </h3>
      <ErrorMessage error={error} />
      <ErrorMessage
        error={actionError}
        overrides={{
          NOT_FOUND: t`Cette demande n'existe plus (retirée, ou déjà traitée par un autre responsable). La liste est à jour.`,
        }}
      />
      <p role="status" className="group-done">
        {done}
      </p>
      {data && requests.length === 0 ? (
        <p className="field-hint">
          <Trans>Aucune demande en attente.</Trans>
        </p>
      ) : null}
      {requests.length > 0 ? (
        <ul className="member-list">
          {requests.map((request) => (
            <li key={request.user.id} className="member-row">
              <div className="member-who">
                <Link to="/personnes/$id" params={{ id: request.user.id }}>
                  {request.user.displayName}
                </Link>
                <span className="field-hint">
                  <Trans>Demande du {formatDate(request.createdAt)}</Trans>
                </span>
              </div>
              <div className="member-actions">
                <button
                  type="button"
                  className="button-primary"
                  onClick={() => void decide(request.user.id, request.user.displayName, true)}
                >
                  <Trans>Accepter</Trans>
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => void decide(request.user.id, request.user.displayName, false)}
                >
                  <Trans>Refuser</Trans>
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

interface MemberRowProps {
  groupId: string;
  member: Member;
  isViewer: boolean;
  canManage: boolean;
  canChangeRole: boolean;
  onChanged: () => void;
}

function MemberRow({ groupId, member, isViewer, canManage, canChangeRole, onChanged }: MemberRowProps) {
  const { t } = useLingui();
  const selectId = useId();
  const dialogTitle = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [, setRole] = useMutation(SetRoleMutation);
  const [, remove] = useMutation(RemoveMutation);
  const [error, setError] = useState<unknown>(null);
  const [role, setLocalRole] = useState<GroupRole>(member.role);
  useEffect(() => setLocalRole(member.role), [member.role]);
  const name = member.user.displayName;

  const changeRole = async (next: GroupRole) => {
    setError(null);
    setLocalRole(next);
    const result = await setRole({ groupId, userId: member.user.id, role: next });
    if (result.error) {
      setLocalRole(member.role);
      setError(result.error);
      return;
    }
    onChanged();
  };
  const confirmRemove = async () => {
    setError(null);
    const result = await remove({ groupId, userId: member.user.id }, { additionalTypenames: ['Group'] });
    dialog.current?.close();
    if (result.error) {
      setError(result.error);
      return;
    }
    onChanged();
  };

  return (
    <li className="member-row">
      <div className="member-who">
        <Link to="/personnes/$id" params={{ id: member.user.id }}>
          {name}
        </Link>
        {isViewer ? (
          <span className="field-hint">
            {' '}
            <Trans>(vous)</Trans>
          </span>
        ) : null}
        {member.user.jobTitle ? <span className="field-hint">{member.user.jobTitle}</span> : null}
      </div>
      <div className="member-actions">
        {canChangeRole && !isViewer ? (
          <div className="member-role-field">
            <label htmlFor={selectId} className="sr-only">
              <Trans>Rôle de {name}</Trans>
            </label>
            <select id={selectId} value={role} onChange={(event) => void changeRole(event.target.value as GroupRole)}>
              {roleOrder.map((value) => (
                <option key={value} value={value}>
                  {i18n._(roleLabels[value])}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <span className={`role-badge role-${member.role.toLowerCase()}`}>{i18n._(roleLabels[member.role])}</span>
        )}
        {canManage && !isViewer ? (
          <button
            type="button"
            className="button-secondary"
            aria-label={t`Retirer ${name} du groupe`}
            onClick={() => dialog.current?.showModal()}
          >
            <Trans>Retirer</Trans>
          </button>
        ) : null}
      </div>
      <ErrorMessage error={error} />
      {canManage && !isViewer ? (
        <dialog ref={dialog} aria-labelledby={dialogTitle} className="group-dialog">
          <h2 id={dialogTitle}>
            <Trans>Retirer {name} du groupe ?</Trans>
          </h2>
          <p>
            <Trans>
              {name} ne fera plus partie du groupe. Ses publications restent. Vous pourrez l'ajouter à nouveau plus
              tard.
            </Trans>
          </p>
          <div className="dialog-actions">
            <button type="button" className="button-primary button-danger" onClick={() => void confirmRemove()}>
              <Trans>Retirer du groupe</Trans>
            </button>
            <button type="button" className="button-secondary" onClick={() => dialog.current?.close()} autoFocus>
              <Trans>Annuler</Trans>
            </button>
          </div>
        </dialog>
      ) : null}
    </li>
  );
}
