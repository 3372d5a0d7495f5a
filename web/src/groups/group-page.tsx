import { useLingui } from '@lingui/react/macro';
import { UnderConstruction } from '../app/under-construction';

export function GroupPage() {
  const { t } = useLingui();
  return <UnderConstruction title={t`Groupe`} />;
}
