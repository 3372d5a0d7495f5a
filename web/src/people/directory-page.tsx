import { useLingui } from '@lingui/react/macro';
import { UnderConstruction } from '../app/under-construction';

export function DirectoryPage() {
  const { t } = useLingui();
  return <UnderConstruction title={t`Annuaire`} />;
}
