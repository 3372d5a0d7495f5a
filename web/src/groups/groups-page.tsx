import { useLingui } from '@lingui/react/macro';
import { UnderConstruction } from '../app/under-construction';

export function GroupsPage() {
  const { t } = useLingui();
  return <UnderConstruction title={t`Groupes`} />;
}
