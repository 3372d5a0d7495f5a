import { Trans, useLingui } from '@lingui/react/macro';
import { useNavigate } from '@tanstack/react-router';
import { useCallback, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { TextField } from '../lib/forms/text-field';
import { useSubmit } from '../lib/forms/use-submit';
import { session } from '../lib/session/session';
import { downloadMyData } from './download-export';

const SettingsDeleteAccountMutation = graphql(`
  mutation SettingsDeleteAccount($password: String!) {
    deleteMyAccount(password: $password)
  }
`);

/** Mes données: the export (a file) and the account's erasure, confirmed in a dialog with the password. */
export function MyDataSection() {
  const { t } = useLingui();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exported, setExported] = useState(false);
  const [, deleteAccount] = useMutation(SettingsDeleteAccountMutation);

  const exportData = async () => {
    if (exporting) return;
    setExporting(true);
    setExportError(null);
    setExported(false);
    try {
      await downloadMyData();
      setExported(true);
    } catch (caught) {
      setExportError(caught);
    } finally {
      setExporting(false);
    }
  };

  const erase = useCallback(
    async (data: FormData) => {
      const result = await deleteAccount({ password: String(data.get('password') ?? '') });
      if (result.error) throw result.error;
      dialog.current?.close();
      // The account is gone, and its sessions with it: this browser forgets its session too.
      await session.logout().catch(() => undefined);
      await navigate({ to: '/connexion', search: { compte: 'supprime' }, replace: true });
    },
    [deleteAccount, navigate],
  );
  const { onSubmit, error, pending } = useSubmit(erase);

  return (
    <section className="settings-section" aria-labelledby="parametres-donnees">
      <h2 id="parametres-donnees">
        <Trans>Mes données</Trans>
      </h2>
      <h3>
        <Trans>Télécharger mes données</Trans>
      </h3>
      <p>
        <Trans>
          Un fichier JSON avec tout ce que Maillage conserve sur vous : profil, choix d'annuaire, adhésions, groupes,
          publications, commentaires, questions, réponses, messages envoyés, notifications et historique de connexion.
        </Trans>
      </p>
      <button type="button" className="button-secondary" aria-busy={exporting} onClick={() => void exportData()}>
        <Trans>Télécharger mes données</Trans>
      </button>
      <ErrorMessage error={exportError} />
      <p role="status" className={exported ? 'notice' : 'sr-only'}>
        {exporting ? <Trans>Préparation du fichier…</Trans> : null}
        {exported ? <Trans>Fichier téléchargé : retrouvez-le dans vos téléchargements.</Trans> : null}
      </p>

      <h3>
        <Trans>Supprimer mon compte</Trans>
      </h3>
      <p>
        <Trans>
          La suppression est définitive. Pensez à télécharger vos données avant, si vous souhaitez les garder.
        </Trans>
      </p>
      <button type="button" className="button-danger" onClick={() => dialog.current?.showModal()}>
        <Trans>Supprimer mon compte</Trans>
      </button>

      <dialog ref={dialog} className="delete-dialog" aria-labelledby="suppression-titre">
        <form className="form" onSubmit={onSubmit} aria-busy={pending} noValidate>
          <h2 id="suppression-titre">
            <Trans>Supprimer définitivement votre compte ?</Trans>
          </h2>
          <p>
            <Trans>Voici ce qui se passera :</Trans>
          </p>
          <ul>
            <li>
              <Trans>
                Votre profil, votre adresse e-mail, votre téléphone, vos adhésions, vos abonnements et vos notifications
                sont effacés.
              </Trans>
            </li>
            <li>
              <Trans>
                Vos publications, commentaires, questions et réponses restent visibles, signés «&nbsp;Ancien
                membre&nbsp;» ; vos mentions «&nbsp;J'aime&nbsp;» et vos votes sont retirés.
              </Trans>
            </li>
            <li>
              <Trans>
                Les messages que vous avez envoyés restent chez vos correspondants, signés «&nbsp;Ancien membre&nbsp;» ;
                vous quittez toutes vos conversations.
              </Trans>
            </li>
            <li>
              <Trans>
                Toutes vos sessions sont fermées et vous ne pourrez plus vous connecter. Pour revenir, il faudra une
                nouvelle invitation.
              </Trans>
            </li>
          </ul>
          <TextField
            name="password"
            type="password"
            label={t`Votre mot de passe, pour confirmer`}
            autoComplete="current-password"
            required
            error={error}
          />
          <ErrorMessage
            error={error}
            overrides={{
              WRONG_PASSWORD: t`Mot de passe incorrect : votre compte n'a pas été supprimé. Saisissez le mot de passe que vous utilisez pour vous connecter.`,
            }}
            fieldMessages={{ password: t`Saisissez votre mot de passe pour confirmer.` }}
          />
          <div className="dialog-actions">
            <button type="button" className="button-secondary" onClick={() => dialog.current?.close()}>
              <Trans>Annuler</Trans>
            </button>
            <button type="submit" className="button-danger">
              <Trans>Supprimer définitivement</Trans>
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
