import { i18n } from '@lingui/core';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { GroupHeaderQuery, GroupVisibility } from '../gql/graphql';
import { ErrorMessage } from '../lib/errors/error-message';
import { TextField } from '../lib/forms/text-field';
import { useSubmit } from '../lib/forms/use-submit';
import { formatDate } from '../lib/format/dates';
import { mayChangeRoles, roleLabels, useGroupHeader } from './group-data';
import { groupRoute } from './routes';
import { VisibilityChoice } from './visibility-choice';

const GroupManagersQuery = graphql(`
  query GroupManagers($id: ID!) {
    group(id: $id) {
      id
      members(first: 100) {
        edges {
          node {
            role
            user {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

const UpdateGroupMutation = graphql(`
  mutation GroupsUpdate($id: ID!, $input: UpdateGroupInput!) {
    updateGroup(id: $id, input: $input) {
      id
      name
      description
      visibility
      viewerIsFollowing
    }
  }
`);

type Group = NonNullable<GroupHeaderQuery['group']>;

/** What the group is, who owns it, since when, who runs it; its owners edit it here. */
export function GroupAboutTab() {
  const { id } = groupRoute.useParams();
  const [{ data }] = useGroupHeader(id);
  const group = data?.group;
  const [{ data: managersData }] = useQuery({ query: GroupManagersQuery, variables: { id } });
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const closing = useRef(false);
  // Back on the "Modifier" button once the form closes, so the keyboard does not start over from the top.
  useEffect(() => {
    if (!editing && closing.current) editButton.current?.focus();
    closing.current = false;
  }, [editing]);
  if (!group) return null;
  const managers = (managersData?.group?.members.edges ?? [])
    .map((e) => e.node)
    .filter((m) => m.role !== 'MEMBER')
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'OWNER' ? -1 : 1));

  return (
    <section className="group-about" aria-labelledby="group-about-title">
      <h2 id="group-about-title">
        <Trans>À propos</Trans>
      </h2>
      {group.description ? (
        <p className="group-about-description">{group.description}</p>
      ) : (
        <p className="field-hint">
          <Trans>Ce groupe n'a pas encore de description.</Trans>
        </p>
      )}
      <dl className="group-facts">
        <dt>
          <Trans>Organisation</Trans>
        </dt>
        <dd>{group.organization.name}</dd>
        <dt>
          <Trans>Créé le</Trans>
        </dt>
        <dd>{formatDate(group.createdAt)}</dd>
        <dt>
          <Trans>Visibilité</Trans>
        </dt>
        <dd>
          {group.visibility === 'PUBLIC' ? (
            <Trans>Public : tout membre de Maillage lit son contenu et peut le rejoindre.</Trans>
          ) : (
            <Trans>Privé : seuls ses membres lisent son contenu ; pour entrer, on demande à rejoindre.</Trans>
          )}
        </dd>
        {group.topics.length > 0 ? (
          <>
            <dt>
              <Trans>Thèmes</Trans>
            </dt>
            <dd>{group.topics.join(', ')}</dd>
          </>
        ) : null}
        <dt>
          <Trans>Responsables</Trans>
        </dt>
        <dd>
          {managers.length === 0 ? (
            <span className="field-hint">—</span>
          ) : (
            <ul className="group-managers">
              {managers.map((m) => (
                <li key={m.user.id}>
                  <Link to="/personnes/$id" params={{ id: m.user.id }}>
                    {m.user.displayName}
                  </Link>{' '}
                  <span className="field-hint">({i18n._(roleLabels[m.role])})</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {mayChangeRoles(group) ? (
        editing ? (
          <EditGroupForm
            group={group}
            onDone={() => {
              closing.current = true;
              setEditing(false);
            }}
          />
        ) : (
          <button type="button" className="button-secondary" ref={editButton} onClick={() => setEditing(true)}>
            <Trans>Modifier le groupe</Trans>
          </button>
        )
      ) : null}
    </section>
  );
}

function EditGroupForm({ group, onDone }: { group: Group; onDone: () => void }) {
  const { t } = useLingui();
  const titleId = useId();
  const descriptionId = useId();
  const [, update] = useMutation(UpdateGroupMutation);
  const [visibility, setVisibility] = useState<GroupVisibility>(group.visibility);

  const save = useCallback(
    async (data: FormData) => {
      const description = String(data.get('description') ?? '').trim();
      const result = await update({
        id: group.id,
        input: {
          name: String(data.get('name') ?? ''),
          description: description || null,
          visibility: String(data.get('visibility') ?? group.visibility) as GroupVisibility,
        },
      });
      if (result.error) throw result.error;
      onDone();
    },
    [update, group.id, group.visibility, onDone],
  );
  const { onSubmit, error, pending } = useSubmit(save);
  const changing = visibility !== group.visibility;

  return (
    <form className="form group-edit" onSubmit={onSubmit} aria-busy={pending} aria-labelledby={titleId} noValidate>
      <h3 id={titleId}>
        <Trans>Modifier le groupe</Trans>
      </h3>
      <TextField
        name="name"
        label={t`Nom du groupe`}
        defaultValue={group.name}
        autoFocus
        required
        maxLength={200}
        error={error}
      />
      <div className="field">
        <label htmlFor={descriptionId}>
          <Trans>Description</Trans>
        </label>
        <textarea
          id={descriptionId}
          name="description"
          rows={4}
          maxLength={5000}
          defaultValue={group.description ?? ''}
        />
      </div>
      <VisibilityChoice
        name="visibility"
        defaultValue={group.visibility}
        onChange={setVisibility}
        note={
          changing ? (
            <p className="notice" role="status">
              {visibility === 'PRIVATE' ? (
                <Trans>
                  En passant en privé, le contenu est aussitôt caché aux non-membres, et les personnes qui suivent le
                  groupe sans en être membres ne le suivront plus.
                </Trans>
              ) : (
                <Trans>
                  En passant en public, toutes les publications et questions du groupe, anciennes comprises, deviennent
                  lisibles par tous les membres de Maillage, et chacun pourra le rejoindre sans demande.
                </Trans>
              )}
            </p>
          ) : null
        }
      />
      <ErrorMessage error={error} fieldLabels={{ name: t`Nom du groupe`, description: t`Description` }} />
      <div className="dialog-actions">
        <button type="submit" className="button-primary">
          <Trans>Enregistrer les modifications</Trans>
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          <Trans>Annuler</Trans>
        </button>
      </div>
    </form>
  );
}
