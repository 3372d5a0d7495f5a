import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { toErrorInfo } from '../lib/errors/app-error-info';
import { ErrorMessage } from '../lib/errors/error-message';
import { PostCard, type PostCardPost } from './post-card';
import { postRoute } from './routes';

const PostPageQuery = graphql(`
  query PostPage($id: ID!) {
    post(id: $id) {
      ...PostCardFields
    }
  }
`);

/** `/publications/$id`: one post and its comments; "introuvable" when it is gone or not the viewer's to read. */
export function PostPage() {
  const { t } = useLingui();
  const { id } = postRoute.useParams();
  const navigate = useNavigate();
  const [{ data, error, fetching }] = useQuery({
    query: PostPageQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [post, setPost] = useState<PostCardPost | null>(null);
  useEffect(() => setPost(data?.post ?? null), [data]);

  const missing = toErrorInfo(error)?.code === 'NOT_FOUND' || (!fetching && !error && data && !data.post);
  const title = missing ? t`Publication introuvable` : t`Publication`;
  usePageTitle(title);

  return (
    <section className="page post-page">
      <p className="post-page-back">
        <Link to="/">
          <Trans>← Retour au fil</Trans>
        </Link>
      </p>
      <h1>{title}</h1>
      {fetching && !post ? (
        <p className="muted" role="status">
          <Trans>Chargement de la publication…</Trans>
        </p>
      ) : null}
      {missing ? (
        <p className="notice">
          <Trans>
            Cette publication est introuvable : elle a été supprimée, ou elle appartient à un groupe privé dont vous
            n'êtes pas membre. Vérifiez le lien, ou revenez au fil.
          </Trans>
        </p>
      ) : (
        <ErrorMessage error={error} />
      )}
      {post && !missing ? (
        <PostCard
          post={post}
          expanded
          headingLevel={2}
          onChange={(change) => setPost((previous) => (previous ? change(previous) : previous))}
          onDeleted={() => void navigate({ to: '/' })}
        />
      ) : null}
    </section>
  );
}
