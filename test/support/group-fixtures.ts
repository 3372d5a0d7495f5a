import { TestApp } from './test-app';

export type Visibility = 'PUBLIC' | 'PRIVATE';
export type GroupRole = 'OWNER' | 'MODERATOR' | 'MEMBER';

function must<T>(value: T | null | undefined, what: string, errors?: unknown): T {
  if (value === null || value === undefined) throw new Error(`${what} failed: ${JSON.stringify(errors)}`);
  return value;
}

/** Creates a group as `token`'s user (who becomes its OWNER); returns its id. */
export async function createGroup(
  app: TestApp,
  token: string,
  input: { organizationId: string; name: string; visibility: Visibility; description?: string; topics?: string[] },
): Promise<string> {
  const res = await app.gql<{ createGroup: { id: string } }>(
    'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }',
    { input },
    token,
  );
  return must(res.data?.createGroup.id, `createGroup ${input.name}`, res.errors);
}

/** Adds a user to a group with a role, as a manager (`token`) would. */
export async function addGroupMember(
  app: TestApp,
  token: string,
  groupId: string,
  userId: string,
  role: GroupRole = 'MEMBER',
) {
  const res = await app.gql<{ addGroupMember: { id: string } }>(
    'mutation($g: ID!, $u: ID!, $r: GroupRole!) { addGroupMember(groupId: $g, userId: $u, role: $r) { id } }',
    { g: groupId, u: userId, r: role },
    token,
  );
  must(res.data?.addGroupMember, `addGroupMember ${userId}`, res.errors);
}

export async function joinGroup(app: TestApp, token: string, groupId: string) {
  const res = await app.gql<{ joinGroup: { id: string } }>(
    'mutation($g: ID!) { joinGroup(groupId: $g) { id } }',
    { g: groupId },
    token,
  );
  must(res.data?.joinGroup, `joinGroup ${groupId}`, res.errors);
}

export async function createPost(app: TestApp, token: string, groupId: string, body: string): Promise<string> {
  const res = await app.gql<{ createPost: { id: string } }>(
    'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }',
    { input: { groupId, body } },
    token,
  );
  return must(res.data?.createPost.id, `createPost in ${groupId}`, res.errors);
}

export async function addComment(app: TestApp, token: string, postId: string, body: string): Promise<string> {
  const res = await app.gql<{ addComment: { id: string } }>(
    'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
    { input: { postId, body } },
    token,
  );
  return must(res.data?.addComment.id, `addComment on ${postId}`, res.errors);
}

/** Ids of the feed's posts, newest first, following every page. */
export async function feedIds(app: TestApp, token: string, pageSize = 20): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const res: {
      data?: {
        feed: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      } | null;
      errors?: unknown;
    } = await app.gql(
      'query($first: Int!, $after: String) { feed(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
      { first: pageSize, after },
      token,
    );
    const feed = must(res.data?.feed, 'feed', res.errors);
    ids.push(...feed.edges.map((edge) => edge.node.id));
    if (!feed.pageInfo.hasNextPage) return ids;
    after = feed.pageInfo.endCursor;
  }
}
