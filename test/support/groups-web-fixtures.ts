import { TestApp } from './test-app';

export interface GroupStandingView {
  viewerRole: string | null;
  viewerHasPendingRequest: boolean;
}

/** How `token`'s user stands in a group, as the API says (member role, pending request). */
export async function groupStanding(app: TestApp, token: string, groupId: string): Promise<GroupStandingView> {
  const res = await app.gql<{ group: GroupStandingView }>(
    'query($id: ID!) { group(id: $id) { viewerRole viewerHasPendingRequest } }',
    { id: groupId },
    token,
  );
  if (!res.data?.group) throw new Error(`group ${groupId} failed: ${JSON.stringify(res.errors)}`);
  return res.data.group;
}

/** The members of a group and their roles, by display name, as `token`'s user reads them. */
export async function groupRoles(app: TestApp, token: string, groupId: string): Promise<Record<string, string>> {
  const res = await app.gql<{
    group: { members: { edges: { node: { role: string; user: { displayName: string } } }[] } };
  }>(
    'query($id: ID!) { group(id: $id) { members(first: 100) { edges { node { role user { displayName } } } } } }',
    { id: groupId },
    token,
  );
  if (!res.data?.group) throw new Error(`members of ${groupId} failed: ${JSON.stringify(res.errors)}`);
  return Object.fromEntries(res.data.group.members.edges.map((e) => [e.node.user.displayName, e.node.role]));
}
