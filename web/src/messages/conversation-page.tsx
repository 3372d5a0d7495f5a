import { useLingui } from '@lingui/react/macro';
import { UnderConstruction } from '../app/under-construction';

export function ConversationPage() {
  const { t } = useLingui();
  return <UnderConstruction title={t`Conversation`} />;
}
