import { useLingui } from '@lingui/react/macro';
import { UnderConstruction } from '../app/under-construction';
import { EmailPreferences } from './email-preferences';

export function SettingsPage() {
  const { t } = useLingui();
  return (
    <>
      <UnderConstruction title={t`Paramètres`} />
      <EmailPreferences />
    </>
  );
}
