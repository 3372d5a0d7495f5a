import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useMutation, useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { refreshShellData } from '../app/shell/shell-data';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDateTime } from '../lib/format/dates';
import { announcementRoute } from './routes';
import './announcements.css';

const AnnouncementQuery = graphql(`
  query Announcement($id: ID!) {
    announcement(id: $id) {
      id
      title
      body
      sentAt
      requireAcknowledgement
      viewerIsRecipient
      viewerHasAcknowledged
      organization {
        id
        name
      }
    }
  }
`);

const AcknowledgeMutation = graphql(`
  mutation AcknowledgeAnnouncement($id: ID!) {
    acknowledgeAnnouncement(id: $id) {
      id
      viewerHasAcknowledged
      viewerHasRead
    }
  }
`);

/** /annonces/$id: one announcement (opening it counts as read), with the acknowledgement it may ask for. */
export function AnnouncementPage() {
  const { t } = useLingui();
  const { id } = announcementRoute.useParams();
  const [{ data, fetching, error }] = useQuery({
    query: AnnouncementQuery,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const [ack, acknowledge] = useMutation(AcknowledgeMutation);
  const announcement = data?.announcement;
  usePageTitle(announcement?.title ?? t`Annonce`);
  // Opening it read its notification too: the bell's count follows.
  useEffect(() => {
    if (announcement?.viewerIsRecipient) refreshShellData();
  }, [announcement?.id, announcement?.viewerIsRecipient]);

  return (
    <article className="page announcement-page">
      <p>
        <Link to="/annonces">
          <Trans>Toutes mes annonces</Trans>
        </Link>
      </p>
      {fetching && !announcement ? (
        <p>
          <Trans>Chargement de l'annonce…</Trans>
        </p>
      ) : null}
      <ErrorMessage error={error} />
      {announcement ? (
        <>
          <h1>{announcement.title}</h1>
          <p className="announcement-meta">
            <Trans>
              Annonce de {announcement.organization.name}, le {formatDateTime(announcement.sentAt)}
            </Trans>
          </p>
          <div className="announcement-body">
            {announcement.body.split(/\n{2,}/).map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </div>
          {announcement.requireAcknowledgement && announcement.viewerIsRecipient ? (
            <div className="announcement-ack">
              <div role="status">
                {announcement.viewerHasAcknowledged ? (
                  <p className="notice">
                    <Trans>Vous avez indiqué en avoir pris connaissance.</Trans>
                  </p>
                ) : null}
              </div>
              {announcement.viewerHasAcknowledged ? null : (
                <>
                  <p>
                    <Trans>{announcement.organization.name} vous demande de confirmer que vous l'avez lue.</Trans>
                  </p>
                  <button
                    type="button"
                    className="button-primary"
                    disabled={ack.fetching}
                    onClick={() => void acknowledge({ id: announcement.id })}
                  >
                    <Trans>J'ai pris connaissance</Trans>
                  </button>
                </>
              )}
              <ErrorMessage error={ack.error} />
            </div>
          ) : null}
        </>
      ) : null}
    </article>
  );
}
