import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { CommentFieldsFragment } from '../gql/graphql';
import { ErrorMessage } from '../lib/errors/error-message';
import { useSubmit } from '../lib/forms/use-submit';
import { graphqlClient } from '../lib/graphql/client';
import { session } from '../lib/session/session';
import { ConfirmDialog } from './confirm-dialog';
import { RelativeTime } from './relative-time';
import { RichText } from './rich-text';

const PostCommentsQuery = graphql(`
  query PostComments($id: ID!, $after: String) {
    post(id: $id) {
      id
      commentCount
      comments(first: 20, after: $after) {
        edges {
          node {
            ...CommentFields
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

const PostAddCommentMutation = graphql(`
  mutation PostAddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      ...CommentFields
    }
  }
`);

const PostDeleteCommentMutation = graphql(`
  mutation PostDeleteComment($id: ID!) {
    deleteComment(id: $id)
  }
`);

interface Props {
  postId: string;
  /** The viewer may remove anyone's comment here (group owner, moderator, organisation admin). */
  canModerate: boolean;
  /** The post's comment count changed (a comment added or removed). */
  onCountChange: (delta: number) => void;
}

/** A post's comments, oldest first, with "Ajouter un commentaire" / "Commenter" and deletion where allowed. */
export function Comments({ postId, canModerate, onCountChange }: Props) {
  const { t } = useLingui();
  const [comments, setComments] = useState<CommentFieldsFragment[]>([]);
  const [page, setPage] = useState<{ hasNextPage: boolean; endCursor: string | null }>();
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [, addComment] = useMutation(PostAddCommentMutation);
  const [, deleteComment] = useMutation(PostDeleteCommentMutation);
  const [toDelete, setToDelete] = useState<string>();
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldId = useId();
  const viewerId = session.current.userId;

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      const result = await graphqlClient
        .query(PostCommentsQuery, { id: postId, after }, { requestPolicy: 'network-only' })
        .toPromise();
      setLoading(false);
      if (result.error || !result.data?.post) return setLoadError(result.error ?? new Error('NOT_FOUND'));
      setLoadError(null);
      const connection = result.data.post.comments;
      const fresh = connection.edges.map((edge) => edge.node);
      setComments((previous) => {
        const base = after ? previous : [];
        const known = new Set(base.map((comment) => comment.id));
        return [...base, ...fresh.filter((comment) => !known.has(comment.id))];
      });
      setPage(connection.pageInfo);
    },
    [postId],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const { onSubmit, error } = useSubmit(async (data) => {
    const result = await addComment({ input: { postId, body: String(data.get('body') ?? '') } });
    if (result.error) throw result.error;
    const added = result.data?.addComment;
    if (added) {
      setComments((previous) => [...previous, added]);
      onCountChange(1);
    }
    formRef.current?.reset();
  });

  const confirmDelete = async () => {
    if (!toDelete) return;
    const result = await deleteComment({ id: toDelete });
    if (result.error) return setDeleteError(result.error);
    setComments((previous) => previous.filter((comment) => comment.id !== toDelete));
    onCountChange(-1);
    setToDelete(undefined);
  };

  return (
    <div className="comments">
      {loadError ? <ErrorMessage error={loadError} /> : null}
      {comments.length > 0 ? (
        <ul className="comment-list">
          {comments.map((comment) => {
            const mine = comment.author?.id !== undefined && comment.author.id === viewerId;
            return (
              <li key={comment.id} className="comment">
                <p className="comment-meta">
                  {comment.author ? (
                    <Link to="/personnes/$id" params={{ id: comment.author.id }} className="post-author">
                      {comment.author.displayName}
                    </Link>
                  ) : (
                    <span className="post-author">
                      <Trans>Ancien membre</Trans>
                    </span>
                  )}{' '}
                  · <RelativeTime value={comment.createdAt} />
                </p>
                <p className="post-body">
                  <RichText text={comment.body} />
                </p>
                {mine || canModerate ? (
                  <button
                    type="button"
                    className="link-button comment-delete"
                    onClick={() => {
                      setDeleteError(null);
                      setToDelete(comment.id);
                    }}
                  >
                    <Trans>Supprimer le commentaire</Trans>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : !loading && !loadError ? (
        <p className="muted">
          <Trans>Aucun commentaire pour l'instant.</Trans>
        </p>
      ) : null}
      {loading ? (
        <p className="muted" role="status">
          <Trans>Chargement des commentaires…</Trans>
        </p>
      ) : null}
      {page?.hasNextPage && !loading ? (
        <button type="button" className="link-button" onClick={() => void load(page.endCursor)}>
          <Trans>Voir plus de commentaires</Trans>
        </button>
      ) : null}
      <form ref={formRef} className="comment-form" onSubmit={onSubmit} noValidate>
        <label htmlFor={fieldId} className="sr-only">
          <Trans>Ajouter un commentaire</Trans>
        </label>
        <textarea
          id={fieldId}
          name="body"
          rows={1}
          maxLength={5000}
          required
          placeholder={t`Votre commentaire…`}
          aria-invalid={error ? true : undefined}
        />
        <button type="submit" className="button-secondary">
          <Trans>Commenter</Trans>
        </button>
      </form>
      <ErrorMessage
        error={error}
        fieldLabels={{ body: t`Ajouter un commentaire` }}
        fieldMessages={{ body: t`Écrivez un commentaire (5 000 caractères au plus) puis réessayez.` }}
      />
      <ConfirmDialog
        open={toDelete !== undefined}
        title={t`Supprimer ce commentaire ?`}
        confirmLabel={t`Supprimer`}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setToDelete(undefined)}
        error={<ErrorMessage error={deleteError} />}
      >
        <p>
          <Trans>Le commentaire disparaîtra pour tout le monde. Cette action est définitive.</Trans>
        </p>
      </ConfirmDialog>
    </div>
  );
}
