import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { graphqlClient } from '../lib/graphql/client';
import { PostComposer } from '../posts/post-composer';
import { PostList } from '../posts/post-list';
import { usePostPages, type PostPage } from '../posts/use-post-pages';
import './feed.css';

const FeedPostsQuery = graphql(`
  query FeedPosts($after: String) {
    feed(first: 20, after: $after) {
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
`);

const FeedComposerGroupsQuery = graphql(`
  query FeedComposerGroups {
    groups(memberOf: true, first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

async function loadFeedPage(after: string | null): Promise<PostPage> {
  const result = await graphqlClient.query(FeedPostsQuery, { after }, { requestPolicy: 'network-only' }).toPromise();
  if (result.error || !result.data) throw result.error ?? new Error('no data');
  const { edges, pageInfo } = result.data.feed;
  return { posts: edges.map((edge) => edge.node), ...pageInfo };
}

const everyPost = () => true;

/** `/`: the home feed: the composer, then the posts of the viewer's groups and follows, newest first, live. */
export function FeedPage() {
  const { t } = useLingui();
  usePageTitle(t`Fil d'actualité`);
  const pages = usePostPages(loadFeedPage);
  const [{ data: groupsData }] = useQuery({ query: FeedComposerGroupsQuery });
  const groups = groupsData?.groups.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="page feed-page">
      <h1>
        <Trans>Fil d'actualité</Trans>
      </h1>
      {groups.length > 0 ? <PostComposer groups={groups} onPosted={pages.prepend} /> : null}
      <h2 className="sr-only">
        <Trans>Publications</Trans>
      </h2>
      <PostList
        pages={pages}
        accepts={everyPost}
        empty={
          <div className="notice feed-empty">
            <p>
              <strong>
                <Trans>Votre fil est vide pour l'instant.</Trans>
              </strong>
            </p>
            <p>
              <Trans>
                Rejoignez ou suivez des groupes : leurs publications apparaîtront ici, les plus récentes en premier.
              </Trans>
            </p>
            <p>
              <Link to="/groupes" className="button-primary">
                <Trans>Découvrir les groupes</Trans>
              </Link>
            </p>
          </div>
        }
      />
    </section>
  );
}
