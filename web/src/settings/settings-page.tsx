import { useLingui } from '@lingui/react/macro';
import { UnderConstruction } from '../app/under-construction';

export function SettingsPage() {
  const { t } = useLingui();
  return <UnderConstruction title={t`Paramètres`} />;
}
