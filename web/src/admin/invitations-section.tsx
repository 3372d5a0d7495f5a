import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { OrganizationRole } from '../gql/graphql';
import { toErrorInfo } from '../lib/errors/app-error-info';
import { describeError } from '../lib/errors/error-messages';
import { ErrorMessage } from '../lib/errors/error-message';
import { TextField } from '../lib/forms/text-field';
import { useSubmit } from '../lib/forms/use-submit';
import { formatDate } from '../lib/format/dates';
import { ConfirmDialog } from './confirm-dialog';
import { ROLES, roleLabel } from './labels';

const AdminInvitationsQuery = graphql(`
  query AdminInvitations($id: ID!) {
    organization(id: $id) {
      id
      pendingInvitations {
        id
        email
        role
        createdAt
        expiresAt
      }
    }
  }
`);

const AdminInviteMutation = graphql(`
  mutation AdminInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      id
      email
      role
      createdAt
      expiresAt
      token
    }
  }
`);

const AdminResendInvitationMutation = graphql(`
  mutation AdminResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      id
      email
      expiresAt
      token
    }
  }
`);

const AdminRevokeInvitationMutation = graphql(`
  mutation AdminRevokeInvitation($id: ID!) {
    revokeInvitation(id: $id)
  }
`);

interface Sent {
  email: string;
  link: string;
}

/** "Inviter un membre": e-mail and role; then the link to copy, for people who do not get the e-mail. */
export function InviteForm({
  organizationId,
  defaultRole = 'MEMBER' as OrganizationRole,
  onSent,
  intro,
}: {
  organizationId: string;
  defaultRole?: OrganizationRole;
  onSent?: () => void;
  intro?: string;
}) {
  const { t } = useLingui();
  const roleId = useId();
  const linkId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [copied, setCopied] = useState(false);
  const [, invite] = useMutation(AdminInviteMutation);
  const send = useCallback(
    async (data: FormData) => {
      const email = String(data.get('email') ?? '').trim();
      const role = String(data.get('role') ?? 'MEMBER') as OrganizationRole;
      const result = await invite({ input: { organizationId, email, role } });
      if (result.error) throw result.error;
      const token = result.data?.inviteMember.token ?? '';
      setSent({ email, link: `${window.location.origin}/invitation/${token}` });
      setCopied(false);
      formRef.current?.reset();
      onSent?.();
    },
    [invite, onSent, organizationId],
  );
  const { onSubmit, error, pending } = useSubmit(send);

  const copy = async () => {
    if (!sent) return;
    try {
      await navigator.clipboard.writeText(sent.link);
      setCopied(true);
    } catch {
      (document.getElementById(linkId) as HTMLInputElement | null)?.select();
    }
  };

  return (
    <div className="admin-invite">
      <h3>
        <Trans>Inviter un membre</Trans>
      </h3>
      {intro ? <p>{intro}</p> : null}
      <form ref={formRef} className="form" onSubmit={onSubmit} aria-busy={pending} noValidate>
        <TextField
          name="email"
          type="email"
          label={t`Adresse e-mail`}
          hint={t`La personne reçoit un lien valable 14 jours.`}
          autoComplete="off"
          required
          maxLength={320}
          error={error}
        />
        <div className="field">
          <label htmlFor={roleId}>
            <Trans>Rôle</Trans>
          </label>
          <select id={roleId} name="role" defaultValue={defaultRole}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)}
              </option>
            ))}
          </select>
        </div>
        <ErrorMessage
          error={error}
          fieldLabels={{ email: t`Adresse e-mail`, role: t`Rôle` }}
          fieldMessages={{ email: t`Saisissez une adresse e-mail valide, par exemple prenom.nom@club.fr.` }}
        />
        <button type="submit" className="button-primary">
          <Trans>Envoyer l'invitation</Trans>
        </button>
      </form>
      {sent ? (
        <div className="notice admin-sent" role="status">
          <p>
            <Trans>Invitation envoyée à {sent.email}.</Trans>
          </p>
          <p>
            <Trans>
              Sans e-mail ? Transmettez-lui ce lien vous-même (il n'est affiché qu'une fois et ne sert qu'une fois) :
            </Trans>
          </p>
          <div className="field">
            <label htmlFor={linkId}>
              <Trans>Lien d'invitation</Trans>
            </label>
            <input id={linkId} readOnly value={sent.link} onFocus={(event) => event.currentTarget.select()} />
          </div>
          <button type="button" className="button-secondary" onClick={() => void copy()}>
            {copied ? <Trans>Lien copié</Trans> : <Trans>Copier le lien</Trans>}
          </button>
        </div>
      ) : null}
    </div>
  );
}

interface BulkResult {
  email: string;
  status: 'sent' | 'member' | 'invalid' | 'failed';
  text: string;
  link?: string;
}

const MAX_BULK = 50;

/** Several addresses pasted at once: one invitation each, and what happened to each. */
function BulkInvite({ organizationId, onSent }: { organizationId: string; onSent?: () => void }) {
  const { t } = useLingui();
  const listId = useId();
  const roleId = useId();
  const [results, setResults] = useState<BulkResult[]>([]);
  const [, invite] = useMutation(AdminInviteMutation);
  const send = useCallback(
    async (data: FormData) => {
      const emails = [
        ...new Set(
          String(data.get('emails') ?? '')
            .split(/[\s,;]+/)
            .map((e) => e.trim())
            .filter(Boolean),
        ),
      ];
      if (emails.length === 0 || emails.length > MAX_BULK) {
        setResults([]);
        throw new Error('count');
      }
      const role = String(data.get('role') ?? 'MEMBER') as OrganizationRole;
      const done: BulkResult[] = [];
      for (const email of emails) {
        const result = await invite({ input: { organizationId, email, role } });
        const info = toErrorInfo(result.error);
        if (!info) {
          const token = result.data?.inviteMember.token ?? '';
          done.push({
            email,
            status: 'sent',
            text: t`invitation envoyée`,
            link: `${window.location.origin}/invitation/${token}`,
          });
        } else if (info.reason === 'ALREADY_MEMBER') done.push({ email, status: 'member', text: t`déjà membre` });
        else if (info.code === 'BAD_USER_INPUT') done.push({ email, status: 'invalid', text: t`adresse invalide` });
        else done.push({ email, status: 'failed', text: describeError(info) });
        setResults([...done]);
      }
      onSent?.();
    },
    [invite, onSent, organizationId, t],
  );
  const { onSubmit, error, pending } = useSubmit(send);
  const sent = results.filter((r) => r.status === 'sent').length;
  const sentText = plural(sent, { one: '# invitation envoyée', other: '# invitations envoyées' });
  const addressesText = plural(results.length, { one: '# adresse', other: '# adresses' });
  return (
    <details className="admin-bulk">
      <summary>
        <Trans>Inviter plusieurs personnes à la fois</Trans>
      </summary>
      <form className="form" onSubmit={onSubmit} aria-busy={pending} noValidate>
        <div className="field">
          <label htmlFor={listId}>
            <Trans>Adresses des personnes à inviter</Trans>
          </label>
          <textarea id={listId} name="emails" rows={5} aria-describedby={`${listId}-hint`} />
          <p id={`${listId}-hint`} className="field-hint">
            <Trans>Collez les adresses, une par ligne ou séparées par des virgules ({MAX_BULK} au plus).</Trans>
          </p>
        </div>
        <div className="field">
          <label htmlFor={roleId}>
            <Trans>Rôle des personnes invitées</Trans>
          </label>
          <select id={roleId} name="role" defaultValue="MEMBER">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)}
              </option>
            ))}
          </select>
        </div>
        {error ? (
          <p role="alert" className="error-message">
            <Trans>Collez entre 1 et {MAX_BULK} adresses e-mail, puis réessayez.</Trans>
          </p>
        ) : null}
        <button type="submit" className="button-primary">
          <Trans>Envoyer les invitations</Trans>
        </button>
      </form>
      {results.length > 0 ? (
        <div role="status" className="admin-bulk-results">
          <p>{t`${sentText} sur ${addressesText}.`}</p>
          <ul className="admin-list" aria-label={t`Résultat des invitations`}>
            {results.map((r) => (
              <li key={r.email} className="admin-row">
                <div className="admin-row-main">
                  <span className="admin-row-title">
                    {r.email} : {r.text}
                  </span>
                  {r.link ? (
                    <input
                      readOnly
                      value={r.link}
                      aria-label={t`Lien d'invitation de ${r.email}`}
                      onFocus={(event) => event.currentTarget.select()}
                    />
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </details>
  );
}

/** Pending invitations of an organisation, with revoke, and the invite form. */
export function InvitationsSection({ organizationId }: { organizationId: string }) {
  const { t } = useLingui();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AdminInvitationsQuery,
    variables: { id: organizationId },
    requestPolicy: 'cache-and-network',
  });
  const [, revoke] = useMutation(AdminRevokeInvitationMutation);
  const [revoking, setRevoking] = useState<{ id: string; email: string } | null>(null);
  const [done, setDone] = useState('');
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const confirmRevoke = useCallback(async () => {
    if (!revoking) return;
    const result = await revoke({ id: revoking.id });
    if (result.error) throw result.error;
    setDone(t`L'invitation de ${revoking.email} est annulée.`);
    refresh();
  }, [refresh, revoke, revoking, t]);
  const closeRevoke = useCallback(() => setRevoking(null), []);
  // Resending e-mails a new link (the old one stops working); the new link is shown once, to copy.
  const [, resend] = useMutation(AdminResendInvitationMutation);
  const [resent, setResent] = useState<Sent | null>(null);
  const [resendError, setResendError] = useState<unknown>(null);
  const resendTo = useCallback(
    async (id: string) => {
      setDone('');
      setResent(null);
      setResendError(null);
      const result = await resend({ id });
      if (result.error) return setResendError(result.error);
      const invitation = result.data?.resendInvitation;
      if (invitation?.token)
        setResent({ email: invitation.email, link: `${window.location.origin}/invitation/${invitation.token}` });
      refresh();
    },
    [refresh, resend],
  );
  const invitations = data?.organization?.pendingInvitations ?? [];

  return (
    <section className="admin-section" aria-labelledby="admin-invitations-title">
      <h2 id="admin-invitations-title">
        <Trans>Invitations</Trans>
      </h2>
      <InviteForm organizationId={organizationId} onSent={refresh} />
      <BulkInvite organizationId={organizationId} onSent={refresh} />
      <h3>
        <Trans>Invitations en attente</Trans>
      </h3>
      <ErrorMessage error={error} />
      <ErrorMessage error={resendError} />
      <p role="status" className="admin-done">
        {done}
      </p>
      {resent ? (
        <div className="notice admin-sent" role="status">
          <p>
            <Trans>Invitation renvoyée à {resent.email} : l'ancien lien ne fonctionne plus.</Trans>
          </p>
          <div className="field">
            <label htmlFor="admin-resent-link">
              <Trans>Nouveau lien d'invitation</Trans>
            </label>
            <input
              id="admin-resent-link"
              readOnly
              value={resent.link}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
        </div>
      ) : null}
      {!data && fetching ? (
        <p>
          <Trans>Chargement des invitations…</Trans>
        </p>
      ) : null}
      {data && invitations.length === 0 ? (
        <p>
          <Trans>Aucune invitation en attente.</Trans>
        </p>
      ) : null}
      {invitations.length > 0 ? (
        <ul className="admin-list" aria-label={t`Invitations en attente`}>
          {invitations.map((invitation) => (
            <li key={invitation.id} className="admin-row">
              <div className="admin-row-main">
                <span className="admin-row-title">{invitation.email}</span>
                <span className="admin-row-meta">
                  {roleLabel(invitation.role)} ·{' '}
                  {t`envoyée le ${formatDate(invitation.createdAt)}, valable jusqu'au ${formatDate(invitation.expiresAt)}`}
                </span>
              </div>
              <div className="admin-row-actions">
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={t`Renvoyer l'invitation à ${invitation.email}`}
                  onClick={() => void resendTo(invitation.id)}
                >
                  <Trans>Renvoyer</Trans>
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={t`Annuler l'invitation de ${invitation.email}`}
                  onClick={() => {
                    setDone('');
                    setRevoking({ id: invitation.id, email: invitation.email });
                  }}
                >
                  <Trans>Annuler l'invitation</Trans>
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {revoking ? (
        <ConfirmDialog
          title={t`Annuler l'invitation de ${revoking.email} ?`}
          confirmLabel={t`Annuler l'invitation`}
          onConfirm={confirmRevoke}
          onClose={closeRevoke}
          danger
        >
          <p>
            <Trans>Le lien envoyé ne fonctionnera plus. Vous pourrez inviter cette adresse de nouveau plus tard.</Trans>
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
