/**
 * The admins' import and export page: download the catalogue (CSV, CPSV-AP JSON-LD), upload a file
 * to import, and, after an upload, what the import did or why it stopped, with every problem's
 * line, column and reason. Pure: everything comes in as props.
 */
import {
  Button,
  Checkboxes,
  CsrfField,
  ErrorMessage,
  ErrorSummary,
  Hint,
  NotificationBanner,
  Table,
  fieldIds,
  type TableColumn,
} from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import { AdminNav } from '../../../admin/views/admin-nav.js';
import type { ImportProblem, ImportReport } from '../../catalogue-import.js';
import type { ServiceStatus } from '../../services.model.js';

/** What can be wrong with the upload itself (the file's content is the report's business). */
export type OpenDataFormError = 'file' | 'tooLarge' | 'notUtf8';

export interface OpenDataPageProps {
  counts: Record<ServiceStatus, number>;
  /** The public CPSV-AP address, shown as a link. */
  publicUrl: string;
  maxMegabytes: number;
  report?: ImportReport | undefined;
  fileName?: string | undefined;
  error?: OpenDataFormError | undefined;
  skipInvalid?: boolean | undefined;
  dryRun?: boolean | undefined;
}

const FILE_ID = 'import-file';
const PROBLEMS_ID = 'import-problems';

/** The outcome of an import: a banner with the counts, then the problems. */
function ImportResult({ report, fileName }: { report: ImportReport; fileName?: string | undefined }) {
  const { t } = useUi();
  const counts = (
    <ul>
      <li>{t(report.dryRun || report.stopped ? 'openData.report.wouldCreate' : 'openData.report.created', { count: report.created })}</li>
      <li>{t(report.dryRun || report.stopped ? 'openData.report.wouldUpdate' : 'openData.report.updated', { count: report.updated })}</li>
      <li>{t('openData.report.unchanged', { count: report.unchanged })}</li>
      <li>{t('openData.report.invalid', { count: report.invalid })}</li>
    </ul>
  );
  const where = (p: ImportProblem) =>
    p.line === 0
      ? t('openData.report.wholeFile')
      : `${t(report.unit === 'line' ? 'openData.report.line' : 'openData.report.item')} ${p.line}`;
  const columns: TableColumn<ImportProblem & { key: number }>[] = [
    { header: t(report.unit === 'line' ? 'openData.report.line' : 'openData.report.item'), rowHeader: true, cell: where },
    { header: t('openData.report.field'), wrap: true, cell: (p) => (p.field ? <code>{p.field}</code> : '—') },
    { header: t('openData.report.reason'), wrap: true, cell: (p) => p.reason },
  ];
  return (
    <section aria-labelledby="import-result-heading">
      <h2 id="import-result-heading">{t('openData.report.heading')}</h2>
      {fileName ? <p>{t('openData.report.file', { name: fileName })}</p> : null}
      {report.stopped ? (
        <>
          <ErrorSummary errors={[{ fieldId: PROBLEMS_ID, message: t('openData.report.stopped') }]} />
          {counts}
        </>
      ) : (
        <NotificationBanner
          id="import-outcome"
          type={report.dryRun ? 'information' : 'success'}
          title={t(report.dryRun ? 'openData.report.dryRun' : 'openData.report.done')}
        >
          {counts}
        </NotificationBanner>
      )}
      {report.problems.length > 0 ? (
        <Table
          id={PROBLEMS_ID}
          caption={t('openData.report.problems')}
          columns={columns}
          rows={report.problems.map((p, key) => ({ ...p, key }))}
          rowKey={(p) => p.key}
        />
      ) : null}
    </section>
  );
}

export function OpenDataPage({ counts, publicUrl, maxMegabytes, report, fileName, error, skipInvalid, dryRun }: OpenDataPageProps) {
  const { t, href } = useUi();
  const fileError = error ? t(`openData.errors.${error}`) : undefined;
  const fileHint = t('openData.import.fileHint', { max: maxMegabytes });
  const { hintId, errorId, describedBy } = fieldIds(FILE_ID, fileHint, fileError);
  const options = [...(skipInvalid ? ['skipInvalid'] : []), ...(dryRun ? ['dryRun'] : [])];
  return (
    <div class="admin">
      <AdminNav current="openData" />
      <h1>{t('openData.title')}</h1>
      <p class="lead">{t('openData.lead')}</p>
      {report ? <ImportResult report={report} fileName={fileName} /> : null}

      <h2>{t('openData.export.heading')}</h2>
      <p>{t('openData.counts', counts)}</p>
      <p>{t('openData.export.lead')}</p>
      <ul>
        <li>
          <a href={href('/admin/catalogue/data/catalogue.csv')} download>
            {t('openData.export.csv')}
          </a>
          <div class="hint">{t('openData.export.csvHint')}</div>
        </li>
        <li>
          <a href={href('/admin/catalogue/data/catalogue.jsonld')} download>
            {t('openData.export.jsonld')}
          </a>
          <div class="hint">{t('openData.export.jsonldHint')}</div>
        </li>
      </ul>
      <p>
        {t('openData.export.public')} <a href={publicUrl}>{publicUrl}</a>
      </p>

      <h2 id="import">{t('openData.import.heading')}</h2>
      <div class="prose">
        <p>{t('openData.import.lead')}</p>
        <p>{t('openData.import.guide')}</p>
      </div>
      <ErrorSummary errors={fileError ? [{ fieldId: FILE_ID, message: fileError }] : []} />
      <form method="post" enctype="multipart/form-data" action={href('/admin/catalogue/data')} class="prose">
        <CsrfField />
        <div class={fileError ? 'field field--error' : 'field'}>
          <label class="field__label" for={FILE_ID}>
            {t('openData.import.file')}
          </label>
          {hintId ? <Hint id={hintId}>{fileHint}</Hint> : null}
          {errorId ? <ErrorMessage id={errorId}>{fileError}</ErrorMessage> : null}
          <input
            type="file"
            id={FILE_ID}
            name="file"
            accept=".csv,.jsonld,.json,text/csv,application/ld+json"
            class={fileError ? 'input input--error' : 'input'}
            aria-describedby={describedBy}
            aria-invalid={fileError ? 'true' : undefined}
          />
        </div>
        <Checkboxes
          id="import-options"
          name="options"
          legend={t('openData.import.options')}
          optional
          options={[
            { value: 'skipInvalid', label: t('openData.import.skipInvalid') },
            { value: 'dryRun', label: t('openData.import.dryRun') },
          ]}
          values={options}
        />
        <Button>{t('openData.import.submit')}</Button>
      </form>
    </div>
  );
}
