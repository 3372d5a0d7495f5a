import { Trans } from '@lingui/react/macro';
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  children?: ReactNode;
  /** The confirming button's text, e.g. "Supprimer". */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Shown under the text when the action failed (the dialog stays open). */
  error?: ReactNode;
}

/** A native modal `<dialog>` asking to confirm something that cannot be undone; Escape cancels. */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel, error }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={() => open && onCancel()} className="confirm-dialog">
      <h2 id={titleId}>{title}</h2>
      {children}
      {error}
      <div className="confirm-dialog-actions">
        <button type="button" className="button-secondary" onClick={onCancel}>
          <Trans>Annuler</Trans>
        </button>
        <button type="button" className="button-danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
