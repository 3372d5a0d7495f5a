import { msg } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { GroupRole } from '../gql/graphql';

/**
 * The group as its header shows it. The tabs read it too (same document and variables: urql answers
 * them from its cache), to know what the viewer may do.
 */
export const GroupHeaderQuery = graphql(`
  query GroupHeader($id: ID!) {
    group(id: $id) {
      id
      name
      description
      visibility
      memberCount
      createdAt
      topics
      viewerRole
      viewerHasPendingRequest
      viewerIsFollowing
      viewerCanModerate
      organization {
        id
        name
        viewerCanAdminister
      }
      commission {
        id
        name
      }
    }
  }
`);

/** Pending requests, for the group's managers (the members tab lists them, the header counts them). */
export const GroupJoinRequestsQuery = graphql(`
  query GroupJoinRequests($id: ID!) {
    group(id: $id) {
      id
      joinRequests {
        createdAt
        user {
          id
          displayName
          jobTitle
        }
      }
    }
  }
`);

export function useGroupHeader(id: string) {
  return useQuery({ query: GroupHeaderQuery, variables: { id } });
}

export interface GroupRights {
  viewerRole?: GroupRole | null;
  visibility: string;
  viewerCanModerate: boolean;
  organization: { viewerCanAdminister: boolean };
}

/** Members, managers and the organisation's admins read a private group's content; everyone a public one's. */
export function mayReadContent(group: GroupRights): boolean {
  return group.visibility === 'PUBLIC' || Boolean(group.viewerRole) || group.viewerCanModerate;
}

/** Owners and the organisation's admins change roles and the group's settings (API: changeRoles, updateGroup). */
export function mayChangeRoles(group: GroupRights): boolean {
  return group.viewerRole === 'OWNER' || group.organization.viewerCanAdminister;
}

export const roleLabels: Record<GroupRole, MessageDescriptor> = {
  OWNER: msg`Propriétaire`,
  MODERATOR: msg`Modérateur`,
  MEMBER: msg`Membre`,
};

export const roleOrder: GroupRole[] = ['MEMBER', 'MODERATOR', 'OWNER'];
