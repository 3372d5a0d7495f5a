import { describeError, reasonMessages } from './error-messages';
import { toErrorInfo } from './app-error-info';

interface Props {
  /** Anything a request failed with: a CombinedError, an ApiError, a network TypeError. Nothing shows without one. */
  error: unknown;
  /** Labels of the form's fields, by input name, for BAD_USER_INPUT. */
  fieldLabels?: Record<string, string>;
  /**
   * Sentences of this form for a given reason or code (a wrong password on login): a reason's entry
   * wins, then the catalogue's sentence for the reason, then the code's entry, then the generic one.
   */
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
  const byReason = info.reason ? overrides?.[info.reason] : undefined;
  const hasReasonMessage = info.reason !== undefined && reasonMessages[info.reason] !== undefined;
  const byCode = hasReasonMessage ? undefined : overrides?.[info.code];
  const text = byField ?? byReason ?? byCode ?? describeError(info, fieldLabels);
  return (
    <p role="alert" className="error-message">
      {text}
    </p>
  );
}
