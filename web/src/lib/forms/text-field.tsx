import { useId, type InputHTMLAttributes } from 'react';
import { toErrorInfo } from '../errors/app-error-info';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  name: string;
  /** The visible label, which is also the field's accessible name. */
  label: string;
  /** A short help line under the field (the rule it must follow). */
  hint?: string;
  /** The form's last error: the field is marked invalid when the server named it. */
  error?: unknown;
}

/** A labelled input. It keeps what was typed across errors (it is uncontrolled unless given `value`). */
export function TextField({ name, label, hint, error, ...input }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const invalid = toErrorInfo(error)?.fields?.includes(name) ?? false;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-describedby={hintId} aria-invalid={invalid || undefined} {...input} />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
