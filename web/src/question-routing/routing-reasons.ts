import { useLingui } from '@lingui/react/macro';
import { useCallback } from 'react';

/** The server's reasons are `KIND:detail` (API: `QuestionRouting.reasons`). */
function split(reason: string): { kind: string; detail: string } {
  const at = reason.indexOf(':');
  return at < 0 ? { kind: reason, detail: '' } : { kind: reason.slice(0, at), detail: reason.slice(at + 1) };
}

/**
 * One French sentence per reason: addressed to the person asked ("Vous avez répondu à des
 * questions sur « subventions »") or, for managers, about them ("Réponses acceptées sur …").
 */
export function useReasonSentence(audience: 'viewer' | 'manager') {
  const { t } = useLingui();
  return useCallback(
    (reason: string): string => {
      const { kind, detail } = split(reason);
      const viewer = audience === 'viewer';
      switch (kind) {
        case 'ACCEPTED_ANSWERS':
          return viewer
            ? t`Vous avez répondu à des questions sur « ${detail} »`
            : t`Réponses acceptées sur « ${detail} »`;
        case 'SKILL':
          return viewer ? t`Votre compétence « ${detail} »` : t`Compétence « ${detail} »`;
        case 'REGION':
          return viewer ? t`Vous êtes de la même région (${detail})` : t`Même région (${detail})`;
        default:
          return reason;
      }
    },
    [audience, t],
  );
}
