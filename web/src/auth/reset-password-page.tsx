import { useLingui } from '@lingui/react/macro';
import { UnderConstruction } from '../app/under-construction';

export function ResetPasswordPage() {
  const { t } = useLingui();
  return <UnderConstruction title={t`Nouveau mot de passe`} />;
}
