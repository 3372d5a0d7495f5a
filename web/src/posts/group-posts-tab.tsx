import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback } from 'react';
import { useQuery } from 'urql';
import { groupRoute } from '../groups/routes';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { graphqlClient } from '../lib/graphql/client';
import { PostComposer } from './post-composer';
import { PostList } from './post-list';
import { usePostPages, type PostPage } from './use-post-pages';

const GroupPostsTabGroupQuery = graphql(`
  query GroupPostsTabGroup($id: ID!) {
    group(id: $id) {
      id
      name
      visibility
      viewerRole
      viewerCanModerate
    }
  }
`);

const GroupPostsTabPostsQuery = graphql(`
  query GroupPostsTabPosts($id: ID!, $after: String) {
    group(id: $id) {
      id
      posts(first: 20, after: $after) {
        edges {
          node {
            ...PostCardFields
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

/** The posts of the group (the default tab of `/groupes/$id`): its composer for members, its posts, live. */
export function GroupPostsTab() {
  const { id } = groupRoute.useParams();
  const [{ data, error, fetching }] = useQuery({ query: GroupPostsTabGroupQuery, variables: { id } });
  const group = data?.group;
  const readable = group
    ? group.visibility === 'PUBLIC' || group.viewerRole !== null || group.viewerCanModerate
    : false;
  return (
    <section className="group-posts-tab">
      <h2>
        <Trans>Publications du groupe</Trans>
      </h2>
      {fetching && !group ? (
        <p className="muted" role="status">
          <Trans>Chargement…</Trans>
        </p>
      ) : null}
      <ErrorMessage error={error} />
      {group && !readable ? (
        <p className="notice">
          <Trans>Ce groupe est privé : seuls ses membres lisent ses publications. Demandez à le rejoindre.</Trans>
        </p>
      ) : null}
      {group && readable ? (
        <GroupPosts groupId={group.id} groupName={group.name} mayPost={group.viewerRole !== null} />
      ) : null}
    </section>
  );
}

function GroupPosts({ groupId, groupName, mayPost }: { groupId: string; groupName: string; mayPost: boolean }) {
  const load = useCallback(
    async (after: string | null): Promise<PostPage> => {
      const result = await graphqlClient
        .query(GroupPostsTabPostsQuery, { id: groupId, after }, { requestPolicy: 'network-only' })
        .toPromise();
      if (result.error || !result.data?.group) throw result.error ?? new Error('no data');
      const { edges, pageInfo } = result.data.group.posts;
      return { posts: edges.map((edge) => edge.node), ...pageInfo };
    },
    [groupId],
  );
  const pages = usePostPages(load);
  const accepts = useCallback((event: { groupId: string }) => event.groupId === groupId, [groupId]);
  const { t } = useLingui();
  return (
    <>
      {mayPost ? <PostComposer groups={[{ id: groupId, name: groupName }]} onPosted={pages.prepend} /> : null}
      <PostList
        pages={pages}
        accepts={accepts}
        hideGroup
        empty={
          <p className="notice">
            {mayPost
              ? t`Aucune publication dans ce groupe pour l'instant. Lancez la conversation !`
              : t`Aucune publication dans ce groupe pour l'instant.`}
          </p>
        }
      />
    </>
  );
}
