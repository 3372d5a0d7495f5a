import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { GroupRole, GroupVisibility } from '../gql/graphql';
import { ErrorMessage } from '../lib/errors/error-message';

const JoinGroupMutation = graphql(`
  mutation GroupsJoin($groupId: ID!) {
    joinGroup(groupId: $groupId) {
      id
      memberCount
      viewerRole
      viewerHasPendingRequest
      viewerIsFollowing
    }
  }
`);

interface Props {
  group: {
    id: string;
    name: string;
    visibility: GroupVisibility;
    viewerRole?: GroupRole | null;
    viewerHasPendingRequest: boolean;
  };
  /**
   * Told once the API accepted, with a sentence to announce (the button goes away; in the list,
   * the group moves to "Mes groupes"). Without it, the button's place says it.
   */
  onJoined?: (message: string) => void;
}

/**
 * Join a public group at once, or ask to join a private one; once asked, "Demande envoyée".
 * Nothing for a member (the page says the role elsewhere).
 */
export function JoinButton({ group, onJoined }: Props) {
  const { t } = useLingui();
  const [{ fetching }, join] = useMutation(JoinGroupMutation);
  const [error, setError] = useState<unknown>(null);
  const [joined, setJoined] = useState(false);
  if (group.viewerRole)
    return joined ? (
      <p className="group-pending" role="status">
        <Trans>Vous faites maintenant partie du groupe.</Trans>
      </p>
    ) : null;
  if (group.viewerHasPendingRequest)
    return (
      <p className="group-pending" role="status">
        <Trans>Demande envoyée</Trans>
      </p>
    );
  const onClick = async () => {
    if (fetching) return;
    setError(null);
    const result = await join({ groupId: group.id });
    if (result.error) {
      setError(result.error);
      return;
    }
    const name = group.name;
    if (onJoined)
      onJoined(
        group.visibility === 'PUBLIC'
          ? t`Vous avez rejoint « ${name} ».`
          : t`Demande envoyée pour « ${name} » : un responsable du groupe va y répondre.`,
      );
    else setJoined(true);
  };
  return (
    <div className="join-button">
      <button type="button" className="button-primary" onClick={() => void onClick()} aria-busy={fetching}>
        {group.visibility === 'PUBLIC' ? <Trans>Rejoindre le groupe</Trans> : <Trans>Demander à rejoindre</Trans>}
      </button>
      <ErrorMessage
        error={error}
        overrides={{ NOT_FOUND: t`Ce groupe n'existe plus. Rechargez la page pour voir la liste à jour.` }}
      />
    </div>
  );
}

export function VisibilityBadge({ visibility }: { visibility: GroupVisibility }) {
  return (
    <span className={`visibility-badge visibility-${visibility.toLowerCase()}`}>
      {visibility === 'PUBLIC' ? <Trans>Public</Trans> : <Trans>Privé</Trans>}
    </span>
  );
}
