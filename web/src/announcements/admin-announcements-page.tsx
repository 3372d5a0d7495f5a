import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useCallback, useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { ConfirmDialog } from '../admin/confirm-dialog';
import { AdminGate } from '../admin/organization-page';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import type { Channel } from '../gql/graphql';
import { ErrorMessage } from '../lib/errors/error-message';
import { toErrorInfo } from '../lib/errors/app-error-info';
import { formatDateTime } from '../lib/format/dates';
import { graphqlClient } from '../lib/graphql/client';
import { adminAnnouncementsRoute } from './routes';
import './announcements.css';

const AdminAnnouncementsQuery = graphql(`
  query AdminAnnouncements($id: ID!) {
    organization(id: $id) {
      id
      name
    }
    segments(organizationId: $id) {
      id
      name
      memberCount
    }
    announcements(organizationId: $id, first: 50) {
      edges {
        node {
          id
          title
          sentAt
          segmentName
          requireAcknowledgement
          audienceCount
          emailedCount
          readCount
          acknowledgedCount
        }
      }
    }
  }
`);

const SendAnnouncementMutation = graphql(`
  mutation AdminSendAnnouncement($input: SendAnnouncementInput!) {
    sendAnnouncement(input: $input) {
      id
      audienceCount
    }
  }
`);

interface Draft {
  segmentId: string;
  title: string;
  body: string;
  inApp: boolean;
  email: boolean;
  acknowledgement: boolean;
}

const EMPTY: Draft = { segmentId: '', title: '', body: '', inApp: true, email: true, acknowledgement: false };

/** /admin/organisations/$id/annonces: compose an announcement to a segment (with the audience's size), then its reach. */
export function AdminAnnouncementsPage() {
  const { id } = adminAnnouncementsRoute.useParams();
  return (
    <AdminGate id={id}>
      <Announcements id={id} />
    </AdminGate>
  );
}

function Announcements({ id }: { id: string }) {
  const { t } = useLingui();
  const formId = useId();
  const [{ data, error }, refetch] = useQuery({
    query: AdminAnnouncementsQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const name = data?.organization?.name ?? '';
  usePageTitle(name ? t`Annonces de ${name}` : t`Annonces`);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [confirming, setConfirming] = useState(false);
  const [sentTo, setSentTo] = useState<number | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const segments = data?.segments ?? [];
  const segment = segments.find((s) => s.id === draft.segmentId);
  const channels = useMemo<Channel[]>(
    () => [...(draft.inApp ? ['IN_APP' as const] : []), ...(draft.email ? ['EMAIL' as const] : [])],
    [draft.inApp, draft.email],
  );
  const invalid = (field: string) => toErrorInfo(formError)?.fields?.includes(field) || undefined;

  const send = useCallback(async () => {
    const result = await graphqlClient
      .mutation(SendAnnouncementMutation, {
        input: {
          organizationId: id,
          segmentId: draft.segmentId,
          title: draft.title,
          body: draft.body,
          channels,
          requireAcknowledgement: draft.acknowledgement,
        },
      })
      .toPromise();
    if (result.error) {
      setFormError(result.error);
      throw result.error;
    }
    setSentTo(result.data?.sendAnnouncement.audienceCount ?? segment?.memberCount ?? 0);
    setDraft(EMPTY);
    setFormError(null);
    refetch({ requestPolicy: 'network-only' });
  }, [id, draft, channels, segment, refetch]);

  const fieldLabels = {
    segmentId: t`Destinataires`,
    title: t`Titre`,
    body: t`Message`,
    channels: t`Canaux`,
  };

  return (
    <section className="page admin-page announcements-page">
      <nav aria-label={t`Fil d'Ariane`} className="admin-breadcrumb">
        <Link to="/admin">
          <Trans>Administration</Trans>
        </Link>
        {' › '}
        <Link to="/admin/organisations/$id" params={{ id }}>
          {name || t`Organisation`}
        </Link>
      </nav>
      <h1>{name ? <Trans>Annonces de {name}</Trans> : <Trans>Annonces</Trans>}</h1>
      <ErrorMessage error={error} />

      <section className="announcement-composer" aria-labelledby={`${formId}-title`}>
        <h2 id={`${formId}-title`}>
          <Trans>Nouvelle annonce</Trans>
        </h2>
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            setSentTo(null);
            setConfirming(true);
          }}
        >
          <div className="field">
            <label htmlFor={`${formId}-segment`}>
              <Trans>Destinataires</Trans>
            </label>
            <select
              id={`${formId}-segment`}
              required
              value={draft.segmentId}
              aria-invalid={invalid('segmentId')}
              aria-describedby={`${formId}-audience`}
              onChange={(event) => setDraft({ ...draft, segmentId: event.target.value })}
            >
              <option value="">{t`Choisir un segment`}</option>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {t`${s.name} (${s.memberCount})`}
                </option>
              ))}
            </select>
            <p id={`${formId}-audience`} className="field-hint announcement-audience" aria-live="polite">
              {segment
                ? segment.memberCount === 0
                  ? t`Ce segment ne compte personne aujourd'hui.`
                  : segment.memberCount === 1
                    ? t`Sera envoyée à 1 personne`
                    : t`Sera envoyée à ${segment.memberCount} personnes`
                : null}
            </p>
            {data && segments.length === 0 ? (
              <p className="field-hint">
                <Trans>Cette organisation n'a pas encore de segment : créez-en un depuis la liste des membres.</Trans>
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${formId}-subject`}>
              <Trans>Titre</Trans>
            </label>
            <input
              id={`${formId}-subject`}
              required
              maxLength={200}
              value={draft.title}
              aria-invalid={invalid('title')}
              onChange={(event) => setDraft({ ...draft, title: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${formId}-body`}>
              <Trans>Message</Trans>
            </label>
            <textarea
              id={`${formId}-body`}
              required
              rows={8}
              maxLength={20000}
              value={draft.body}
              aria-invalid={invalid('body')}
              onChange={(event) => setDraft({ ...draft, body: event.target.value })}
            />
          </div>
          <fieldset aria-invalid={invalid('channels')}>
            <legend>
              <Trans>Canaux</Trans>
            </legend>
            <label className="choice">
              <input
                type="checkbox"
                checked={draft.inApp}
                onChange={(event) => setDraft({ ...draft, inApp: event.target.checked })}
              />
              <span className="choice-label">
                <Trans>Dans Maillage</Trans>
              </span>
            </label>
            <label className="choice">
              <input
                type="checkbox"
                checked={draft.email}
                onChange={(event) => setDraft({ ...draft, email: event.target.checked })}
              />
              <span className="choice-label">
                <Trans>Par e-mail</Trans>
              </span>
            </label>
            <p className="field-hint">
              <Trans>
                Les personnes qui ont désactivé les annonces par e-mail les reçoivent seulement dans Maillage.
              </Trans>
            </p>
          </fieldset>
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.acknowledgement}
              onChange={(event) => setDraft({ ...draft, acknowledgement: event.target.checked })}
            />
            <span className="choice-label">
              <Trans>Demander un accusé de lecture</Trans>
            </span>
          </label>
          <ErrorMessage error={formError} fieldLabels={fieldLabels} />
          <div role="status">
            {sentTo !== null ? (
              <p className="notice">
                {sentTo === 1 ? (
                  <Trans>Annonce envoyée à 1 personne.</Trans>
                ) : (
                  <Trans>Annonce envoyée à {sentTo} personnes.</Trans>
                )}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button-primary" disabled={channels.length === 0}>
            <Trans>Envoyer l'annonce</Trans>
          </button>
        </form>
      </section>

      {confirming ? (
        <ConfirmDialog
          title={t`Envoyer cette annonce ?`}
          confirmLabel={t`Confirmer l'envoi`}
          onConfirm={send}
          onClose={() => setConfirming(false)}
        >
          <p>
            {segment
              ? t`« ${draft.title} » sera envoyée à ${segment.memberCount} personnes (${segment.name}). Elle ne pourra pas être retirée.`
              : t`« ${draft.title} » sera envoyée. Elle ne pourra pas être retirée.`}
          </p>
        </ConfirmDialog>
      ) : null}

      <section aria-labelledby={`${formId}-sent`}>
        <h2 id={`${formId}-sent`}>
          <Trans>Annonces envoyées</Trans>
        </h2>
        {data && data.announcements.edges.length === 0 ? (
          <p className="muted">
            <Trans>Aucune annonce envoyée pour l'instant.</Trans>
          </p>
        ) : null}
        <ul className="admin-list announcement-reach-list">
          {data?.announcements.edges.map(({ node }) => (
            <li key={node.id} className="admin-row">
              <div className="admin-row-main">
                <Link to="/annonces/$id" params={{ id: node.id }} className="admin-row-title">
                  {node.title}
                </Link>
                <span className="admin-row-meta">
                  {formatDateTime(node.sentAt)}
                  {node.segmentName ? ` · ${node.segmentName}` : ''}
                </span>
                <dl className="announcement-reach">
                  <div>
                    <dt>
                      <Trans>Destinataires</Trans>
                    </dt>
                    <dd>{node.audienceCount}</dd>
                  </div>
                  <div>
                    <dt>
                      <Trans>Par e-mail</Trans>
                    </dt>
                    <dd>{node.emailedCount}</dd>
                  </div>
                  <div>
                    <dt>
                      <Trans>Lues</Trans>
                    </dt>
                    <dd>{node.readCount}</dd>
                  </div>
                  {node.requireAcknowledgement ? (
                    <div>
                      <dt>
                        <Trans>Accusés de lecture</Trans>
                      </dt>
                      <dd>{node.acknowledgedCount}</dd>
                    </div>
                  ) : null}
                </dl>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
