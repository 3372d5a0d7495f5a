import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { DirectoryConsentSection } from './directory-consent-section';
import { EmailPreferences } from './email-preferences';
import { MyDataSection } from './my-data-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import './settings.css';

export const SettingsMeQuery = graphql(`
  query SettingsMe {
    me {
      id
      displayName
      jobTitle
      bio
      skills
      interests
      phone
      email
      profileVisibility {
        listed
        jobTitle
        bio
        skills
        interests
        email
        phone
      }
    }
  }
`);

/** /parametres: profile, directory consent, password, e-mails, and the person's data (export, erasure). */
export function SettingsPage() {
  const { t } = useLingui();
  usePageTitle(t`Paramètres`);
  const [{ data, error }, retry] = useQuery({ query: SettingsMeQuery, requestPolicy: 'cache-and-network' });
  const me = data?.me;

  return (
    <div className="page settings-page">
      <h1>
        <Trans>Paramètres</Trans>
      </h1>
      <nav className="settings-toc" aria-label={t`Sections des paramètres`}>
        <ul>
          <li>
            <a href="#parametres-profil">
              <Trans>Profil</Trans>
            </a>
          </li>
          <li>
            <a href="#parametres-annuaire">
              <Trans>Annuaire</Trans>
            </a>
          </li>
          <li>
            <a href="#parametres-mot-de-passe">
              <Trans>Mot de passe</Trans>
            </a>
          </li>
          <li>
            <a href="#preferences-e-mail">
              <Trans>E-mails</Trans>
            </a>
          </li>
          <li>
            <a href="#parametres-donnees">
              <Trans>Mes données</Trans>
            </a>
          </li>
        </ul>
      </nav>
      {me ? (
        <>
          <ProfileSection me={me} />
          <DirectoryConsentSection visibility={me.profileVisibility} />
        </>
      ) : error ? (
        <div className="settings-section">
          <ErrorMessage error={error} />
          <button type="button" className="button-secondary" onClick={() => retry({ requestPolicy: 'network-only' })}>
            <Trans>Réessayer</Trans>
          </button>
        </div>
      ) : (
        <p role="status" className="settings-section">
          <Trans>Chargement de votre profil…</Trans>
        </p>
      )}
      <PasswordSection />
      <EmailPreferences />
      <MyDataSection />
    </div>
  );
}
