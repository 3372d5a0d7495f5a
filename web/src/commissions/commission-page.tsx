import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { ErrorMessage } from '../lib/errors/error-message';
import { graphqlClient } from '../lib/graphql/client';
import type { PostCardPost } from '../posts/post-card';
import { PostList } from '../posts/post-list';
import { usePostPages, type PostPage, type PostPages } from '../posts/use-post-pages';
import {
  CommissionGroupPostsQuery,
  CommissionPageQuery,
  ProposePublicationMutation,
  PublishToShowcaseMutation,
} from './commission-data';
import { commissionRoute } from './routes';
import './commissions.css';

/** Loads a group's posts page by page (network-only: publications change under the reader's eyes). */
function useGroupPosts(groupId: string): PostPages {
  const load = useCallback(
    async (after: string | null): Promise<PostPage> => {
      const result = await graphqlClient
        .query(CommissionGroupPostsQuery, { id: groupId, after }, { requestPolicy: 'network-only' })
        .toPromise();
      if (result.error || !result.data?.group) throw result.error ?? new Error('no data');
      const { edges, pageInfo } = result.data.group.posts;
      return { posts: edges.map((edge) => edge.node), ...pageInfo };
    },
    [groupId],
  );
  return usePostPages(load);
}

/**
 * `/commissions/$id`: the commission as one place. Its working space (the PRIVATE working group's
 * posts, each with "Proposer à la publication" for members and "Publier" for owners and moderators
 * once proposed) for those who may read it, and its showcase (the PUBLIC group's posts, the
 * published copies signed by the commission) for everyone.
 */
export function CommissionPage() {
  const { t } = useLingui();
  const { id } = commissionRoute.useParams();
  const [{ data, fetching, error }] = useQuery({ query: CommissionPageQuery, variables: { id } });
  const commission = data?.commission;
  usePageTitle(commission?.name ?? (error && !fetching ? t`Commission introuvable` : t`Commission`));

  if (!commission)
    return (
      <section className="page" aria-busy={fetching}>
        <h1>{error && !fetching ? <Trans>Commission introuvable</Trans> : <Trans>Commission</Trans>}</h1>
        {fetching ? (
          <p role="status">
            <Trans>Chargement de la commission…</Trans>
          </p>
        ) : null}
        <ErrorMessage error={error} />
      </section>
    );

  const working = commission.workingGroup;
  const mayWork = working.viewerRole !== null || working.viewerCanModerate;
  return (
    <section className="page commission-page" aria-labelledby="commission-title">
      <header className="commission-header">
        <p className="muted">
          <Trans>Commission de {commission.organization.name}</Trans>
        </p>
        <h1 id="commission-title">{commission.name}</h1>
        {commission.description ? <p>{commission.description}</p> : null}
      </header>
      <CommissionSpaces
        key={commission.id}
        workingGroup={mayWork ? working : null}
        showcaseGroupId={commission.showcaseGroup.id}
      />
    </section>
  );
}

interface WorkingGroup {
  id: string;
  viewerRole?: string | null;
  viewerCanModerate: boolean;
}

function CommissionSpaces({
  workingGroup,
  showcaseGroupId,
}: {
  workingGroup: WorkingGroup | null;
  showcaseGroupId: string;
}) {
  const showcase = useGroupPosts(showcaseGroupId);
  const acceptsShowcase = useCallback(
    (event: { groupId: string }) => event.groupId === showcaseGroupId,
    [showcaseGroupId],
  );
  const { t } = useLingui();
  return (
    <div className="commission-spaces">
      {workingGroup ? <WorkingSpace group={workingGroup} onPublished={showcase.prepend} /> : null}
      <section className="commission-space" aria-labelledby="commission-showcase-title">
        <h2 id="commission-showcase-title">
          <Trans>Vitrine</Trans>
        </h2>
        <p className="muted">
          <Trans>Publique : ce que la commission publie, visible par tout le monde.</Trans>{' '}
          <Link to="/groupes/$id" params={{ id: showcaseGroupId }}>
            <Trans>Ouvrir le groupe de la vitrine</Trans>
          </Link>
        </p>
        <PostList
          pages={showcase}
          accepts={acceptsShowcase}
          hideGroup
          empty={<p className="notice">{t`La commission n'a encore rien publié.`}</p>}
        />
      </section>
    </div>
  );
}

function WorkingSpace({ group, onPublished }: { group: WorkingGroup; onPublished: (copy: PostCardPost) => void }) {
  const { t } = useLingui();
  const pages = useGroupPosts(group.id);
  const accepts = useCallback((event: { groupId: string }) => event.groupId === group.id, [group.id]);
  const isMember = group.viewerRole !== null && group.viewerRole !== undefined;
  const actions = (post: PostCardPost) => (
    <PublicationActions
      post={post}
      mayPropose={isMember}
      mayPublish={group.viewerCanModerate}
      onChange={(change) => pages.update(post.id, change)}
      onPublished={onPublished}
    />
  );
  return (
    <section className="commission-space" aria-labelledby="commission-work-title">
      <h2 id="commission-work-title">
        <Trans>Espace de travail</Trans>
      </h2>
      <p className="muted">
        <Trans>Privé : réservé aux membres de la commission.</Trans>{' '}
        <Link to="/groupes/$id" params={{ id: group.id }}>
          <Trans>Écrire dans l'espace de travail</Trans>
        </Link>
      </p>
      <PostList
        pages={pages}
        accepts={accepts}
        hideGroup
        actions={actions}
        empty={<p className="notice">{t`Aucune publication dans l'espace de travail pour l'instant.`}</p>}
      />
    </section>
  );
}

interface ActionsProps {
  post: PostCardPost;
  mayPropose: boolean;
  mayPublish: boolean;
  onChange: (change: (post: PostCardPost) => PostCardPost) => void;
  onPublished: (copy: PostCardPost) => void;
}

/** Where the post stands, and the next step the viewer may take: propose it, then publish it. */
function PublicationActions({ post, mayPropose, mayPublish, onChange, onPublished }: ActionsProps) {
  const [, propose] = useMutation(ProposePublicationMutation);
  const [, publish] = useMutation(PublishToShowcaseMutation);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const onPropose = () =>
    run(async () => {
      const result = await propose({ postId: post.id });
      if (result.error || !result.data) throw result.error ?? new Error('no data');
      const status = result.data.proposePublication.publicationStatus;
      onChange((p) => ({ ...p, publicationStatus: status }));
    });
  const onPublish = () =>
    run(async () => {
      const result = await publish({ postId: post.id });
      if (result.error || !result.data) throw result.error ?? new Error('no data');
      onChange((p) => ({ ...p, publicationStatus: 'PUBLISHED' as PostCardPost['publicationStatus'] }));
      onPublished(result.data.publishToShowcase);
    });

  const status = post.publicationStatus;
  return (
    <div className="publication-actions">
      {status === 'PROPOSED' ? (
        <span className="publication-status">
          <Trans>Proposée à la publication</Trans>
        </span>
      ) : null}
      {status === 'PUBLISHED' ? (
        <span className="publication-status publication-status-done">
          <Trans>Publiée dans la vitrine</Trans>
        </span>
      ) : null}
      {!status && mayPropose ? (
        <button type="button" className="post-action" onClick={() => void onPropose()} aria-busy={busy}>
          <Trans>Proposer à la publication</Trans>
        </button>
      ) : null}
      {status === 'PROPOSED' && mayPublish ? (
        <button type="button" className="button-primary" onClick={() => void onPublish()} aria-busy={busy}>
          <Trans>Publier</Trans>
        </button>
      ) : null}
      <ErrorMessage error={error} />
    </div>
  );
}
