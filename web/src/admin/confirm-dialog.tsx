import { Trans } from '@lingui/react/macro';
import { useCallback, useEffect, useId, useRef, type ReactNode } from 'react';
import { ErrorMessage } from '../lib/errors/error-message';
import { useSubmit } from '../lib/forms/use-submit';

interface Props {
  title: string;
  /** What will happen, spelled out. */
  children: ReactNode;
  confirmLabel: string;
  /** Does the work; throws to show the error and keep the dialog open. */
  onConfirm: (data: FormData) => Promise<void>;
  onClose: () => void;
  danger?: boolean;
  errorOverrides?: Partial<Record<string, string>>;
  fieldMessages?: Partial<Record<string, string>>;
}

/** A native modal dialog asking to confirm an administrative action; Escape or "Retour" closes it. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  danger,
  errorOverrides,
  fieldMessages,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const work = useCallback(
    async (data: FormData) => {
      await onConfirm(data);
      onClose();
    },
    [onConfirm, onClose],
  );
  const { onSubmit, error, pending } = useSubmit(work);
  return (
    <dialog ref={ref} className="admin-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} aria-busy={pending}>
        <h2 id={titleId}>{title}</h2>
        {children}
        <ErrorMessage error={error} overrides={errorOverrides} fieldMessages={fieldMessages} />
        <div className="admin-dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            <Trans>Retour</Trans>
          </button>
          <button type="submit" className={danger ? 'button-primary button-danger' : 'button-primary'}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
