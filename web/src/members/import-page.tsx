import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { AdminGate } from '../admin/organization-page';
import type { ImportMembersMutation as ImportResult } from '../gql/graphql';
import { ErrorMessage } from '../lib/errors/error-message';
import { downloadMembersCsv } from './export-csv';
import { ImportMembersMutation, MemberImportQuery } from './members-api';
import { MembersFrame, type OrganizationSummary } from './members-header';
import { memberImportRoute } from './routes';

type Report = ImportResult['importMembers'];

/** The file's text, refused when it is not UTF-8 (Excel's "CSV UTF-8"): a wrong decoding would mangle names. */
async function readUtf8(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

function ImportReport({ report, applied }: { report: Report; applied: boolean }) {
  const { t } = useLingui();
  const { created, updated, unchanged } = report;
  return (
    <section className="members-report" aria-labelledby="import-report-title">
      <h3 id="import-report-title">{applied ? t`Import terminé` : t`Rapport de vérification`}</h3>
      <ul className="members-report-counts">
        <li>
          {applied ? (
            <Trans>Invitations envoyées : {created}</Trans>
          ) : (
            <Trans>Nouvelles personnes (à inviter) : {created}</Trans>
          )}
        </li>
        <li>
          {applied ? <Trans>Membres mis à jour : {updated}</Trans> : <Trans>Membres à mettre à jour : {updated}</Trans>}
        </li>
        <li>
          <Trans>Lignes sans changement : {unchanged}</Trans>
        </li>
      </ul>
      {report.errors.length === 0 ? (
        <p>
          <Trans>Aucune erreur dans le fichier.</Trans>
        </p>
      ) : (
        <div className="members-table-wrap" role="region" aria-label={t`Erreurs du fichier`} tabIndex={0}>
          <table className="members-table">
            <caption>
              {applied ? (
                <Trans>Ces lignes n'ont pas été importées ; corrigez-les puis importez le fichier à nouveau :</Trans>
              ) : (
                <Trans>Ces lignes seront ignorées ; corrigez-les dans le fichier ou importez le reste :</Trans>
              )}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Trans>Ligne</Trans>
                </th>
                <th scope="col">
                  <Trans>Colonne</Trans>
                </th>
                <th scope="col">
                  <Trans>Problème</Trans>
                </th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((error, index) => (
                <tr key={`${error.line}-${error.column ?? ''}-${index}`}>
                  <td>{error.line}</td>
                  <td>{error.column ?? '—'}</td>
                  <td>{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** An import applied in the background: its progress, asked every second, until it is done or failed. */
function ImportProgress({ id, onFinished }: { id: string; onFinished: (report: Report | null) => void }) {
  const { t } = useLingui();
  const client = useClient();
  const [progress, setProgress] = useState<{ processed: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await client.query(MemberImportQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
      if (stopped) return;
      const current = result.data?.memberImport;
      if (result.error || !current) {
        setError(result.error ?? new Error('no data'));
        return;
      }
      setProgress({ processed: current.processed, total: current.total });
      if (current.status === 'DONE') onFinished(current.report);
      else if (current.status === 'FAILED') onFinished(null);
      else timer = setTimeout(() => void poll(), 1000);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [client, id, onFinished]);
  return (
    <div className="members-progress">
      <label htmlFor="import-progress">
        <Trans>Progression de l'import</Trans>
      </label>
      <progress id="import-progress" max={progress?.total || 1} value={progress?.processed ?? 0} />
      <p role="status">
        {progress ? t`${progress.processed} lignes sur ${progress.total} appliquées…` : t`Import en cours…`}
      </p>
      <ErrorMessage error={error} />
    </div>
  );
}

function ImportAdmin({ organization }: { organization: OrganizationSummary }) {
  const { t } = useLingui();
  const client = useClient();
  const [csv, setCsv] = useState('');
  const [fileError, setFileError] = useState('');
  const [report, setReport] = useState<{ report: Report; applied: boolean; csv: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [{ fetching }, run] = useMutation(ImportMembersMutation);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exported, setExported] = useState('');
  const [running, setRunning] = useState<{ id: string; csv: string } | null>(null);
  const [failed, setFailed] = useState(false);

  const onFinished = useCallback(
    (finished: Report | null) => {
      const sent = running?.csv ?? '';
      setRunning(null);
      if (finished) setReport({ report: finished, applied: true, csv: sent });
      else setFailed(true);
    },
    [running],
  );

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileError('');
    if (!file) return;
    try {
      setCsv(await readUtf8(file));
      setReport(null);
    } catch {
      setFileError(
        t`Ce fichier n'est pas encodé en UTF-8. Dans Excel, choisissez « Enregistrer sous » puis le format « CSV UTF-8 », et réessayez.`,
      );
    }
  };

  const submit = async (dryRun: boolean) => {
    setError(null);
    setFailed(false);
    const sent = csv;
    const result = await run({ organizationId: organization.id, csv: sent, dryRun });
    if (result.error || !result.data) {
      setError(result.error ?? new Error('no data'));
      return;
    }
    const answer = result.data.importMembers;
    if (!dryRun && answer.status !== 'DONE' && answer.importId) {
      setReport(null);
      setRunning({ id: answer.importId, csv: sent });
      return;
    }
    setReport({ report: answer, applied: !dryRun, csv: sent });
  };

  const onExport = async () => {
    setExportError(null);
    setExported('');
    try {
      await downloadMembersCsv(client, organization, {});
      setExported(t`Le fichier CSV est téléchargé.`);
    } catch (caught) {
      setExportError(caught);
    }
  };

  const verified = report !== null && !report.applied && report.csv === csv;

  return (
    <>
      <section className="admin-section" aria-labelledby="import-title" aria-busy={fetching}>
        <h2 id="import-title">
          <Trans>Importer des membres</Trans>
        </h2>
        <p>
          <Trans>
            Colonnes : email (obligatoire), prenom, nom, categories (adhérent, bénévole, salarié, élu, séparées par |),
            cotisation_jusqu_au (JJ/MM/AAAA). Séparateur « ; » ou « , ». Une personne déjà membre est mise à jour ; les
            autres reçoivent une invitation par e-mail.
          </Trans>
        </p>
        <div className="field">
          <label htmlFor="import-file">
            <Trans>Choisir un fichier CSV</Trans>
          </label>
          <input id="import-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile(e)} />
        </div>
        {fileError ? (
          <p role="alert" className="error-message">
            {fileError}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="import-csv">
            <Trans>Contenu du fichier CSV</Trans>
          </label>
          <textarea
            id="import-csv"
            rows={8}
            value={csv}
            spellCheck={false}
            aria-describedby="import-csv-hint"
            onChange={(event) => setCsv(event.target.value)}
          />
          <p id="import-csv-hint" className="field-hint">
            <Trans>Ou collez ici les lignes copiées depuis votre tableur, avec la ligne d'en-tête.</Trans>
          </p>
        </div>
        <ErrorMessage
          error={error}
          fieldLabels={{ csv: t`Contenu du fichier CSV` }}
          fieldMessages={{
            csv: t`Ce fichier ne peut pas être importé : il faut une colonne « email », un encodage UTF-8 et 10 000 lignes au plus. Rien n'a été enregistré.`,
          }}
        />
        <div className="admin-row-actions">
          <button
            type="button"
            className="button-secondary"
            disabled={fetching || csv.trim() === ''}
            onClick={() => void submit(true)}
          >
            <Trans>Vérifier le fichier</Trans>
          </button>
          {verified ? (
            <button
              type="button"
              className="button-primary"
              disabled={fetching || running !== null}
              onClick={() => void submit(false)}
            >
              <Trans>Importer</Trans>
            </button>
          ) : null}
        </div>
        {fetching ? (
          <p role="status">
            <Trans>Traitement du fichier en cours…</Trans>
          </p>
        ) : null}
        {running ? <ImportProgress id={running.id} onFinished={onFinished} /> : null}
        {failed ? (
          <p role="alert" className="error-message">
            <Trans>
              L'import s'est interrompu. Les lignes déjà appliquées sont enregistrées : vérifiez le fichier à nouveau,
              puis importez-le (les lignes déjà importées ne changeront rien).
            </Trans>
          </p>
        ) : null}
        {report ? <ImportReport report={report.report} applied={report.applied} /> : null}
      </section>
      <section className="admin-section" aria-labelledby="export-title">
        <h2 id="export-title">
          <Trans>Exporter</Trans>
        </h2>
        <p>
          <Trans>
            Tous les membres dans un fichier CSV qu'Excel ouvre directement. Pour n'en exporter qu'une partie, utilisez
            les filtres de la page Adhérents et cotisations.
          </Trans>
        </p>
        <ErrorMessage error={exportError} />
        <p role="status" className="admin-done">
          {exported}
        </p>
        <button type="button" className="button-secondary" onClick={() => void onExport()}>
          <Trans>Exporter en CSV</Trans>
        </button>
      </section>
    </>
  );
}

/** /admin/organisations/$id/import: CSV import (dry run, then apply) and export. */
export function ImportPage() {
  const { id } = memberImportRoute.useParams();
  const { t } = useLingui();
  return (
    <AdminGate id={id} key={id}>
      <MembersFrame id={id} title={(name) => t`Import et export des membres de ${name}`}>
        {(organization) => <ImportAdmin organization={organization} />}
      </MembersFrame>
    </AdminGate>
  );
}
