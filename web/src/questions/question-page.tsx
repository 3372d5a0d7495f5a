import { useLingui } from '@lingui/react/macro';
import { UnderConstruction } from '../app/under-construction';

export function QuestionPage() {
  const { t } = useLingui();
  return <UnderConstruction title={t`Question`} />;
}
