import { useLingui } from '@lingui/react/macro';
import { UnderConstruction } from '../app/under-construction';

export function FeedPage() {
  const { t } = useLingui();
  return <UnderConstruction title={t`Fil d'actualité`} />;
}
