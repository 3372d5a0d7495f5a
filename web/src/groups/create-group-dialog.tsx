import { Trans, useLingui } from '@lingui/react/macro';
import { useNavigate } from '@tanstack/react-router';
import { useCallback, useId, useRef } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { GroupVisibility } from '../gql/graphql';
import { ErrorMessage } from '../lib/errors/error-message';
import { TextField } from '../lib/forms/text-field';
import { useSubmit } from '../lib/forms/use-submit';
import { VisibilityChoice } from './visibility-choice';

const CreateGroupMutation = graphql(`
  mutation GroupsCreate($input: CreateGroupInput!) {
    createGroup(input: $input) {
      id
    }
  }
`);

interface Props {
  /** The organisations the viewer belongs to: a group belongs to one of them. */
  organizations: { id: string; name: string }[];
}

/** "Créer un groupe": a dialog with the name, description, visibility and owning organisation. */
export function CreateGroupDialog({ organizations }: Props) {
  const { t } = useLingui();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const orgId = useId();
  const descriptionId = useId();
  const navigate = useNavigate();
  const [, createGroup] = useMutation(CreateGroupMutation);

  const create = useCallback(
    async (data: FormData) => {
      const description = String(data.get('description') ?? '').trim();
      const result = await createGroup({
        input: {
          name: String(data.get('name') ?? ''),
          description: description || null,
          visibility: String(data.get('visibility') ?? 'PUBLIC') as GroupVisibility,
          organizationId: String(data.get('organizationId') ?? organizations[0]?.id),
        },
      });
      if (result.error) throw result.error;
      dialog.current?.close();
      if (result.data) await navigate({ to: '/groupes/$id', params: { id: result.data.createGroup.id } });
    },
    [createGroup, navigate, organizations],
  );
  const { onSubmit, error, pending } = useSubmit(create);

  return (
    <>
      <button type="button" className="button-primary" onClick={() => dialog.current?.showModal()}>
        <Trans>Créer un groupe</Trans>
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="group-dialog">
        <form className="form" onSubmit={onSubmit} aria-busy={pending} noValidate>
          <h2 id={titleId}>
            <Trans>Créer un groupe</Trans>
          </h2>
          <TextField name="name" label={t`Nom du groupe`} required maxLength={200} error={error} />
          <div className="field">
            <label htmlFor={descriptionId}>
              <Trans>Description</Trans>
            </label>
            <textarea id={descriptionId} name="description" rows={3} maxLength={5000} />
          </div>
          <VisibilityChoice name="visibility" defaultValue="PUBLIC" />
          {organizations.length > 1 ? (
            <div className="field">
              <label htmlFor={orgId}>
                <Trans>Organisation</Trans>
              </label>
              <select id={orgId} name="organizationId" defaultValue={organizations[0].id}>
                {organizations.map((org) => (
                  <option key={org.id} value={org.id}>
                    {org.name}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <input type="hidden" name="organizationId" value={organizations[0]?.id ?? ''} />
          )}
          <ErrorMessage
            error={error}
            fieldLabels={{ name: t`Nom du groupe`, description: t`Description`, organizationId: t`Organisation` }}
          />
          <div className="dialog-actions">
            <button type="submit" className="button-primary">
              <Trans>Créer le groupe</Trans>
            </button>
            <button type="button" className="button-secondary" onClick={() => dialog.current?.close()}>
              <Trans>Annuler</Trans>
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
