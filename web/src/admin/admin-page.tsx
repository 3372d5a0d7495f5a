import { useLingui } from '@lingui/react/macro';
import { UnderConstruction } from '../app/under-construction';

export function AdminPage() {
  const { t } = useLingui();
  return <UnderConstruction title={t`Administration`} />;
}
