import './app/styles/tokens.css';
import './app/styles/base.css';
import './app/styles/forms.css';
import './app/styles/shell.css';
import { I18nProvider } from '@lingui/react';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider as GraphQLProvider } from 'urql';
import { router } from './app/router';
import { graphqlClient } from './lib/graphql/client';
import { i18n } from './lib/i18n/i18n';
import { session } from './lib/session/session';

// Ask for the session at once, while the first page's code loads; outside the public pages, the
// shell's code too (it is what a logged-in person sees first).
void session.start();
if (!/^\/(connexion|invitation|mot-de-passe-oublie|reinitialiser)(\/|$)/.test(window.location.pathname))
  void import('./app/shell/app-shell');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider i18n={i18n}>
      <GraphQLProvider value={graphqlClient}>
        <RouterProvider router={router} />
      </GraphQLProvider>
    </I18nProvider>
  </StrictMode>,
);
