import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useId, useState, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { PostCardFieldsFragment } from '../gql/graphql';
import { ErrorMessage } from '../lib/errors/error-message';
import { useSubmit } from '../lib/forms/use-submit';
import { session } from '../lib/session/session';
import { PostFiles } from '../files/post-files';
import { Comments } from './comments';
import { ConfirmDialog } from './confirm-dialog';
import { RelativeTime } from './relative-time';
import { RichText } from './rich-text';
import './posts.css';

export type PostCardPost = PostCardFieldsFragment;

const PostReactMutation = graphql(`
  mutation PostReact($id: ID!) {
    react(postId: $id) {
      id
      reactionCount
      viewerHasReacted
    }
  }
`);

const PostUnreactMutation = graphql(`
  mutation PostUnreact($id: ID!) {
    unreact(postId: $id) {
      id
      reactionCount
      viewerHasReacted
    }
  }
`);

const PostUpdateMutation = graphql(`
  mutation PostUpdate($id: ID!, $body: String!) {
    updatePost(id: $id, body: $body) {
      id
      body
      editedAt
    }
  }
`);

const PostDeleteMutation = graphql(`
  mutation PostDelete($id: ID!) {
    deletePost(id: $id)
  }
`);

interface Props {
  post: PostCardPost;
  /** The card's post changed (a reaction, an edit, a comment count): the list keeps the new version. */
  onChange: (update: (post: PostCardPost) => PostCardPost) => void;
  /** The post was deleted. */
  onDeleted: (postId: string) => void;
  /** Comments open from the start (the post's own page). */
  expanded?: boolean;
  /** Hide the link to the group (inside the group's own page). */
  hideGroup?: boolean;
  /** The level of the card's heading (the author's name): 3 inside a list under an h2, 2 alone on a page. */
  headingLevel?: 2 | 3;
  /** More buttons at the end of the card's actions (a commission's "Proposer à la publication", "Publier"). */
  actions?: ReactNode;
}

/**
 * One post: who wrote it, where and when; its text; "J'aime"; its comments; edit and delete for its
 * author; delete for the group's moderators (the API lets them remove, never rewrite).
 */
export function PostCard({
  post,
  onChange,
  onDeleted,
  expanded = false,
  hideGroup = false,
  headingLevel = 3,
  actions,
}: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { t } = useLingui();
  const headingId = useId();
  const editId = useId();
  const [showComments, setShowComments] = useState(expanded);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reactError, setReactError] = useState<unknown>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const [, react] = useMutation(PostReactMutation);
  const [, unreact] = useMutation(PostUnreactMutation);
  const [, updatePost] = useMutation(PostUpdateMutation);
  const [, deletePost] = useMutation(PostDeleteMutation);

  const mine = post.author !== null && post.author !== undefined && post.author.id === session.current.userId;
  const mayDelete = mine || post.group.viewerCanModerate;
  // A commission's showcase copy has no author: the commission signs it.
  const authorName = post.publishedBy?.name ?? post.author?.displayName ?? t`Ancien membre`;

  const toggleReaction = async () => {
    setReactError(null);
    const reacted = post.viewerHasReacted;
    const delta = reacted ? -1 : 1;
    // Shown at once; the server's answer then settles the count.
    onChange((p) => ({ ...p, viewerHasReacted: !reacted, reactionCount: p.reactionCount + delta }));
    const result = reacted ? await unreact({ id: post.id }) : await react({ id: post.id });
    const updated = result.data ? ('react' in result.data ? result.data.react : result.data.unreact) : undefined;
    if (result.error || !updated) {
      setReactError(result.error);
      onChange((p) => ({ ...p, viewerHasReacted: reacted, reactionCount: p.reactionCount - delta }));
      return;
    }
    onChange((p) => ({ ...p, ...updated }));
  };

  const { onSubmit: onEdit, error: editError } = useSubmit(async (data) => {
    const result = await updatePost({ id: post.id, body: String(data.get('body') ?? '') });
    if (result.error) throw result.error;
    const updated = result.data?.updatePost;
    if (updated) onChange((p) => ({ ...p, ...updated }));
    setEditing(false);
  });

  const confirmDelete = async () => {
    setDeleteError(null);
    const result = await deletePost({ id: post.id });
    if (result.error) return setDeleteError(result.error);
    setConfirming(false);
    onDeleted(post.id);
  };

  const commentsLabel = plural(post.commentCount, {
    0: 'Commentaires',
    one: '# commentaire',
    other: '# commentaires',
  });

  return (
    <article className="post-card" aria-labelledby={headingId}>
      <header className="post-header">
        <Heading id={headingId} className="post-title">
          <span className="sr-only">
            <Trans>Publication de</Trans>{' '}
          </span>
          {post.publishedBy ? (
            <Link to="/commissions/$id" params={{ id: post.publishedBy.id }} className="post-author">
              {authorName}
            </Link>
          ) : post.author ? (
            <Link to="/personnes/$id" params={{ id: post.author.id }} className="post-author">
              {authorName}
            </Link>
          ) : (
            <span className="post-author">{authorName}</span>
          )}
        </Heading>
        <p className="post-meta">
          {hideGroup ? null : (
            <>
              <Trans>dans</Trans>{' '}
              <Link to="/groupes/$id" params={{ id: post.group.id }}>
                {post.group.name}
              </Link>{' '}
              ·{' '}
            </>
          )}
          <Link to="/publications/$id" params={{ id: post.id }} className="post-permalink">
            <RelativeTime value={post.createdAt} />
            <span className="sr-only">
              {' '}
              <Trans>(ouvrir la publication)</Trans>
            </span>
          </Link>
          {post.editedAt ? (
            <>
              {' '}
              · <Trans>modifiée</Trans>
            </>
          ) : null}
        </p>
      </header>

      {editing ? (
        <form className="post-edit" onSubmit={onEdit} noValidate>
          <label htmlFor={editId}>
            <Trans>Texte de la publication</Trans>
          </label>
          <textarea
            id={editId}
            name="body"
            defaultValue={post.body}
            rows={5}
            maxLength={20000}
            required
            aria-invalid={editError ? true : undefined}
          />
          <ErrorMessage
            error={editError}
            fieldLabels={{ body: t`Texte de la publication` }}
            fieldMessages={{ body: t`Écrivez un texte (20 000 caractères au plus) puis réessayez.` }}
          />
          <div className="post-edit-actions">
            <button type="submit" className="button-primary">
              <Trans>Enregistrer</Trans>
            </button>
            <button type="button" className="button-secondary" onClick={() => setEditing(false)}>
              <Trans>Annuler</Trans>
            </button>
          </div>
        </form>
      ) : (
        <p className="post-body">
          <RichText text={post.body} />
        </p>
      )}
      <PostFiles files={post.files} />

      <div className="post-actions">
        <button
          type="button"
          className="post-action"
          aria-pressed={post.viewerHasReacted}
          onClick={() => void toggleReaction()}
        >
          <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10Z"
              fill={post.viewerHasReacted ? 'currentColor' : 'none'}
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinejoin="round"
            />
          </svg>
          <Trans>J'aime</Trans>
        </button>
        <span className="post-count" aria-live="polite">
          {plural(post.reactionCount, { 0: '', one: '# personne aime', other: '# personnes aiment' })}
        </span>
        <button
          type="button"
          className="post-action"
          aria-expanded={showComments}
          onClick={() => setShowComments((open) => !open)}
        >
          {commentsLabel}
        </button>
        {mine && !editing ? (
          <button type="button" className="post-action" onClick={() => setEditing(true)}>
            <Trans>Modifier</Trans>
            <span className="sr-only">
              {' '}
              <Trans>la publication</Trans>
            </span>
          </button>
        ) : null}
        {mayDelete ? (
          <button type="button" className="post-action post-action-danger" onClick={() => setConfirming(true)}>
            <Trans>Supprimer</Trans>
            <span className="sr-only">
              {' '}
              <Trans>la publication</Trans>
            </span>
          </button>
        ) : null}
        {actions}
      </div>
      <ErrorMessage error={reactError} />

      {showComments ? (
        <Comments
          postId={post.id}
          canModerate={post.group.viewerCanModerate}
          onCountChange={(delta) => onChange((p) => ({ ...p, commentCount: p.commentCount + delta }))}
        />
      ) : null}

      <ConfirmDialog
        open={confirming}
        title={t`Supprimer cette publication ?`}
        confirmLabel={t`Supprimer`}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setConfirming(false)}
        error={<ErrorMessage error={deleteError} />}
      >
        <p>
          {mine ? (
            <Trans>Elle disparaîtra du fil et du groupe, avec ses commentaires. Cette action est définitive.</Trans>
          ) : (
            <Trans>
              Vous supprimez la publication de {authorName} en tant que responsable du groupe. Elle disparaîtra pour
              tout le monde ; cette action est définitive.
            </Trans>
          )}
        </p>
      </ConfirmDialog>
    </article>
  );
}
