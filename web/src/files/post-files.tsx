import { useLingui } from '@lingui/react/macro';
import { formatSize } from './format-size';

export interface PostFile {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  url: string;
  thumbnailUrl?: string | null;
}

/** A post's attachments: images as thumbnails (opening the full image), other files as links with their size. */
export function PostFiles({ files }: { files: readonly PostFile[] }) {
  const { t } = useLingui();
  if (files.length === 0) return null;
  const images = files.filter((file) => file.thumbnailUrl);
  const others = files.filter((file) => !file.thumbnailUrl);
  return (
    <div className="post-files-block">
      {images.length ? (
        <ul className="post-files-images" aria-label={t`Images jointes`}>
          {images.map((file) => (
            <li key={file.id}>
              <a href={file.url} download={file.name}>
                <img src={file.thumbnailUrl ?? undefined} alt={file.name} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {others.length ? (
        <ul className="post-files" aria-label={t`Fichiers joints`}>
          {others.map((file) => (
            <li key={file.id}>
              <a href={file.url} download={file.name}>
                {file.name}
              </a>{' '}
              <span className="muted">({formatSize(file.size)})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
