import { Trans, useLingui } from '@lingui/react/macro';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { DirectoryConsentSection } from './directory-consent-section';
import { EmailPreferences } from './email-preferences';
import { MyDataSection } from './my-data-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { CalendarSection } from '../events/calendar-section';
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

/**
 * A link to a section of this page. The focus moves to the section's heading (so the keyboard
 * goes on from there) without a navigation, which would send it back to the page's title.
 */
function SectionLink({ target, children }: { target: string; children: ReactNode }) {
  return (
    <a
      href={`#${target}`}
      onClick={(event) => {
        const heading = document.getElementById(target);
        if (!heading) return;
        event.preventDefault();
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
      }}
    >
      {children}
    </a>
  );
}

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
            <SectionLink target="parametres-profil">
              <Trans>Profil</Trans>
            </SectionLink>
          </li>
          <li>
            <SectionLink target="parametres-annuaire">
              <Trans>Annuaire</Trans>
            </SectionLink>
          </li>
          <li>
            <SectionLink target="parametres-mot-de-passe">
              <Trans>Mot de passe</Trans>
            </SectionLink>
          </li>
          <li>
            <SectionLink target="preferences-e-mail">
              <Trans>E-mails</Trans>
            </SectionLink>
          </li>
          <li>
            <SectionLink target="parametres-agenda">
              <Trans>Agenda</Trans>
            </SectionLink>
          </li>
          <li>
            <SectionLink target="parametres-donnees">
              <Trans>Mes données</Trans>
            </SectionLink>
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
      <CalendarSection />
      <MyDataSection />
    </div>
  );
}
