import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useRef, useState, type DragEvent } from 'react';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatSize } from './format-size';
import type { useAttachments } from './use-attachments';
import './files.css';

interface Props {
  attachments: ReturnType<typeof useAttachments>;
}

/** "Joindre des fichiers" and a drop zone; each file with its progress, its preview and "Retirer". */
export function AttachmentPicker({ attachments }: Props) {
  const { t } = useLingui();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (event.dataTransfer.files.length) attachments.add(event.dataTransfer.files);
  };

  return (
    <div
      className={`attachment-picker${over ? ' attachment-picker-over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="attachment-picker-row">
        <button
          type="button"
          className="button-secondary"
          onClick={() => input.current?.click()}
          disabled={attachments.full}
        >
          <Trans>Joindre des fichiers</Trans>
        </button>
        <span className="attachment-picker-hint muted" id={`${inputId}-hint`}>
          <Trans>ou déposez-les ici (25 Mo au plus chacun)</Trans>
        </span>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          hidden
          tabIndex={-1}
          aria-hidden="true"
          accept=".pdf,.jpg,.jpeg,.png,.webp,.gif,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.csv,application/pdf,image/jpeg,image/png,image/webp,image/gif,text/plain,text/csv"
          onChange={(event) => {
            if (event.currentTarget.files) attachments.add(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
      </div>
      {attachments.items.length ? (
        <ul className="attachment-list" aria-label={t`Fichiers joints`}>
          {attachments.items.map((item) => (
            <li key={item.key} className="attachment-item">
              {item.uploaded?.thumbnailUrl ? (
                <img
                  className="attachment-preview"
                  src={item.uploaded.thumbnailUrl}
                  alt={t`Aperçu de ${item.name}`}
                  width={48}
                  height={48}
                />
              ) : (
                <span className="attachment-icon" aria-hidden="true">
                  📄
                </span>
              )}
              <span className="attachment-text">
                <span className="attachment-name">{item.name}</span>
                <span className="muted"> · {formatSize(item.size)}</span>
                {item.status === 'uploading' ? (
                  <progress
                    className="attachment-progress"
                    max={1}
                    value={item.progress}
                    aria-label={t`Envoi de ${item.name}`}
                  />
                ) : null}
                {item.status === 'error' ? (
                  <ErrorMessage
                    error={item.error}
                    overrides={{
                      NETWORK: t`L'envoi de ce fichier a échoué. Vérifiez votre connexion, retirez-le puis joignez-le à nouveau.`,
                    }}
                  />
                ) : null}
              </span>
              <button type="button" className="post-action" onClick={() => attachments.remove(item.key)}>
                <Trans>Retirer</Trans>
                <span className="sr-only"> {item.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
