import { useLingui } from '@lingui/react/macro';
import { UnderConstruction } from '../app/under-construction';

export function ForgotPasswordPage() {
  const { t } = useLingui();
  return <UnderConstruction title={t`Mot de passe oublié`} />;
}
