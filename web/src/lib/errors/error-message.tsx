import { describeError } from './error-messages';
import { toErrorInfo } from './app-error-info';

interface Props {
  /** Anything a request failed with: a CombinedError, an ApiError, a network TypeError. Nothing shows without one. */
  error: unknown;
  /** Labels of the form's fields, by input name, for BAD_USER_INPUT. */
  fieldLabels?: Record<string, string>;
  /** A sentence that replaces the generic one for a given code, e.g. a wrong password on login. */
  overrides?: Partial<Record<string, string>>;
  /** A sentence for a BAD_USER_INPUT on a given field, e.g. the password rule. */
  fieldMessages?: Partial<Record<string, string>>;
}

/** The one way a failure is shown: a French sentence saying what to do, announced by screen readers. */
export function ErrorMessage({ error, fieldLabels, overrides, fieldMessages }: Props) {
  const info = toErrorInfo(error);
  if (!info) return null;
  const byField =
    info.code === 'BAD_USER_INPUT' ? info.fields?.map((f) => fieldMessages?.[f]).find(Boolean) : undefined;
  const byCode = info.reason ? undefined : overrides?.[info.code];
  const text = byField ?? byCode ?? describeError(info, fieldLabels);
  return (
    <p role="alert" className="error-message">
      {text}
    </p>
  );
}
