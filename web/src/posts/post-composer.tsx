import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useRef } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { useSubmit } from '../lib/forms/use-submit';
import { AttachmentPicker } from '../files/attachment-picker';
import { useAttachments } from '../files/use-attachments';
import type { PostCardPost } from './post-card';

const PostCreateMutation = graphql(`
  mutation PostCreate($input: CreatePostInput!) {
    createPost(input: $input) {
      ...PostCardFields
    }
  }
`);

interface Props {
  /** The groups the viewer may post in; with one, no choice is shown. */
  groups: { id: string; name: string }[];
  onPosted: (post: PostCardPost) => void;
}

/** "Nouvelle publication" and "Publier": what was typed stays until the server has accepted it. */
export function PostComposer({ groups, onPosted }: Props) {
  const { t } = useLingui();
  const bodyId = useId();
  const groupId = useId();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [, createPost] = useMutation(PostCreateMutation);
  const attachments = useAttachments();
  const { onSubmit, error } = useSubmit(async (data) => {
    const fileIds = attachments.fileIds;
    const result = await createPost({
      input: {
        groupId: String(data.get('groupId') ?? ''),
        body: String(data.get('body') ?? ''),
        ...(fileIds.length ? { fileIds } : {}),
      },
    });
    if (result.error) throw result.error;
    if (result.data) onPosted(result.data.createPost);
    // Only the text and files go: the chosen group stays for the next post.
    if (bodyRef.current) bodyRef.current.value = '';
    attachments.reset();
  });
  const single = groups.length === 1 ? groups[0] : undefined;
  return (
    <form className="post-composer" onSubmit={onSubmit} noValidate>
      <label htmlFor={bodyId} className="post-composer-label">
        <Trans>Nouvelle publication</Trans>
      </label>
      <textarea
        ref={bodyRef}
        id={bodyId}
        name="body"
        rows={2}
        maxLength={20000}
        required
        placeholder={t`Partagez une nouvelle, une question, un rendez-vous…`}
        aria-invalid={error ? true : undefined}
      />
      <AttachmentPicker attachments={attachments} />
      <div className="post-composer-row">
        {single ? (
          <>
            <input type="hidden" name="groupId" value={single.id} />
            <p className="post-composer-where">
              <Trans>Dans {single.name}</Trans>
            </p>
          </>
        ) : (
          <div className="post-composer-group">
            <label htmlFor={groupId}>
              <Trans>Groupe</Trans>
            </label>
            <select id={groupId} name="groupId" required>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="button-primary" disabled={attachments.uploading}>
          <Trans>Publier</Trans>
        </button>
      </div>
      <ErrorMessage
        error={error}
        fieldLabels={{ body: t`Nouvelle publication`, groupId: t`Groupe`, fileIds: t`Fichiers joints` }}
        fieldMessages={{ body: t`Écrivez votre publication (20 000 caractères au plus) puis réessayez.` }}
        overrides={{ FORBIDDEN: t`Seuls les membres du groupe peuvent y publier. Rejoignez-le d'abord.` }}
      />
    </form>
  );
}
