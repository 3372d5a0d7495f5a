import { Trans } from '@lingui/react/macro';
import type { ReactNode } from 'react';
import type { GroupVisibility } from '../gql/graphql';

interface Props {
  name: string;
  defaultValue: GroupVisibility;
  /** A sentence under the choices (what changing it does to the people already there). */
  note?: ReactNode;
  onChange?: (value: GroupVisibility) => void;
}

/** Public or private, each with what it means for who reads and who joins. */
export function VisibilityChoice({ name, defaultValue, note, onChange }: Props) {
  return (
    <fieldset className="visibility-choice">
      <legend>
        <Trans>Visibilité</Trans>
      </legend>
      <label className="choice">
        <input
          type="radio"
          name={name}
          value="PUBLIC"
          defaultChecked={defaultValue === 'PUBLIC'}
          onChange={() => onChange?.('PUBLIC')}
        />
        <span>
          <strong>
            <Trans>Public</Trans>
          </strong>{' '}
          <Trans>: tout membre de Maillage lit son contenu et peut le rejoindre.</Trans>
        </span>
      </label>
      <label className="choice">
        <input
          type="radio"
          name={name}
          value="PRIVATE"
          defaultChecked={defaultValue === 'PRIVATE'}
          onChange={() => onChange?.('PRIVATE')}
        />
        <span>
          <strong>
            <Trans>Privé</Trans>
          </strong>{' '}
          <Trans>: seuls ses membres lisent son contenu ; pour entrer, on demande à rejoindre.</Trans>
        </span>
      </label>
      {note}
    </fieldset>
  );
}
