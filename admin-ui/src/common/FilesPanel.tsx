// Files on a task or case (GET/POST /api/tasks/:id/files, /api/cases/:id/files; README "Comments and files"):
// images shown as thumbnails (full size on a click), PDFs shown inline in the page, anything else downloaded.
// The API serves a file only with the bearer token, so each is fetched and shown from a blob: URL (the
// Content-Security-Policy allows blob: images and frames). The SHA-256 is an administrator's concern:
// it is kept in the audit trail and shown to admins only. Also the evidence input of a task's form.
import { useEffect, useState } from 'react';
import { Box, Button, Link, Stack, Typography } from '@mui/material';
import { useInput, usePermissions, useNotify, useTranslate } from 'react-admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { API_URL, downloadFile, errorMessage, httpClient } from '../httpClient';
import { getToken } from '../session';
import { EvidenceItem, type EvidenceFile } from '../tasks/EvidenceFiles';
import { EvidenceUpload } from '../portal/changxing/EvidenceUpload';
import { useAttachmentUpload } from './upload';
import { useFormatDate } from './fields';
import type { Role } from '../types';

export interface CaseFile extends EvidenceFile {
  sha256: string;
  uploadedAt: string;
  uploadedBy: string | null;
  taskId: string | null;
  taskTitle: string | null;
}

/** Files on one form (an inspection's, an interview's…): the API's limit (domain/evidence.ts MAX_TASK_FILES). */
const MAX_FILES = 20;
const MAX_BYTES = 10 * 1024 * 1024;

const formatBytes = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** A PDF shown in the page, from a blob: URL fetched with the token. */
const PdfInline = ({ id, name }: { id: string; name: string }) => {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let made: string | undefined;
    let cancelled = false;
    const token = getToken();
    void fetch(`${API_URL}/attachments/${encodeURIComponent(id)}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
      .then(async (r) => {
        if (!r.ok || cancelled) return;
        made = URL.createObjectURL(new Blob([await r.arrayBuffer()], { type: 'application/pdf' }));
        setUrl(made);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [id]);
  return url ? (
    <Box component="iframe" title={name} src={url} data-testid="file-pdf" sx={{ width: '100%', height: '32rem', border: 1, borderColor: 'divider' }} />
  ) : null;
};

/** One file as a row: thumbnail / inline PDF / download link, with who handed it in and when. */
const FileRow = ({ file, showTask }: { file: CaseFile; showTask: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const formatDate = useFormatDate();
  const { permissions } = usePermissions<Role>();
  const [pdfOpen, setPdfOpen] = useState(false);
  const image = file.contentType.startsWith('image/');
  const pdf = file.contentType === 'application/pdf';
  return (
    <Box data-testid="file-row" sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        {image && <EvidenceItem id={file.id} file={file} size={96} />}
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            {file.filename} · {formatBytes(file.size)}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {[
              file.uploadedBy ? translate('app.files.uploaded_by', { name: file.uploadedBy, date: formatDate(file.uploadedAt) }) : formatDate(file.uploadedAt),
              showTask && file.taskTitle ? translate('app.files.with_task', { title: file.taskTitle }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
          {permissions === 'admin' && (
            <Typography variant="caption" component="div" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
              SHA-256 {file.sha256}
            </Typography>
          )}
        </Box>
        {pdf && (
          <Button size="small" onClick={() => setPdfOpen(!pdfOpen)} data-testid="file-pdf-toggle">
            {translate(pdfOpen ? 'app.files.hide_pdf' : 'app.files.view_pdf')}
          </Button>
        )}
        {!image && (
          <Link
            component="button"
            type="button"
            variant="body2"
            data-testid="file-download"
            onClick={async () => {
              try {
                await downloadFile(`/attachments/${encodeURIComponent(file.id)}`, file.filename);
              } catch (error) {
                notify(errorMessage(error), { type: 'error' });
              }
            }}
          >
            {translate('app.files.download')}
          </Link>
        )}
      </Stack>
      {pdf && pdfOpen && <PdfInline id={file.id} name={file.filename} />}
    </Box>
  );
};

/** Files listed (no attaching): also the previous step's. */
export const FileList = ({ files, showTask = false }: { files: CaseFile[]; showTask?: boolean }) => {
  const translate = useTranslate();
  if (!files.length)
    return (
      <Typography variant="body2" color="text.secondary" data-testid="files-none">
        {translate('app.files.none')}
      </Typography>
    );
  return (
    <Box data-testid="file-list">
      {files.map((f) => (
        <FileRow key={f.id} file={f} showTask={showTask} />
      ))}
    </Box>
  );
};

/** Staff who upload may attach (api/task-files.ts); leaders and admins read. */
const ATTACHING: Role[] = ['coordinator', 'auditor', 'county_officer'];

/** The files of a task or case, with 添加附件 for those who may attach (any checked upload, ≤ 10 MB). */
export const FilesPanel = ({ of, id }: { of: 'tasks' | 'cases'; id: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { permissions } = usePermissions<Role>();
  const key = ['files', of, id];
  const path = `${API_URL}/${of}/${encodeURIComponent(id)}/files`;
  const { data } = useQuery({ queryKey: key, queryFn: async () => (await httpClient(path)).json as CaseFile[] });
  const { uploading, upload } = useAttachmentUpload<CaseFile>({
    ids: [],
    onUploaded: () => undefined,
    onChange: (ids) => {
      void httpClient(path, { method: 'POST', body: JSON.stringify({ attachmentIds: ids }) })
        .then(() => {
          notify('app.files.attached', { type: 'success' });
          return queryClient.invalidateQueries({ queryKey: key });
        })
        .catch((error: unknown) => notify(errorMessage(error), { type: 'error' }));
    },
    prepare: (file) => {
      if (file.size > MAX_BYTES) {
        notify('app.evidence.too_large', { type: 'error', messageArgs: { name: file.name } });
        return null;
      }
      return { blob: file, filename: file.name, contentType: file.type || 'application/octet-stream' };
    },
  });
  return (
    <Box sx={{ px: 2, pb: 2 }} data-testid="files-panel">
      <Typography variant="h6" sx={{ mt: 2, mb: 1 }}>
        {translate('app.files.title')}
      </Typography>
      <FileList files={data ?? []} showTask={of === 'cases'} />
      {permissions && ATTACHING.includes(permissions) && (
        <Button component="label" variant="outlined" size="small" sx={{ mt: 1 }} disabled={uploading}>
          {translate(uploading ? 'app.evidence.uploading' : 'app.files.attach')}
          <input
            hidden
            type="file"
            multiple
            data-testid="files-attach"
            onChange={(event) => {
              const chosen = Array.from(event.target.files ?? []);
              event.target.value = '';
              void upload(chosen);
            }}
          />
        </Button>
      )}
    </Box>
  );
};

/**
 * A form's photos and PDFs (`evidence`: ids from POST /api/attachments), taken with the phone's camera or
 * chosen from the device; the API checks each and binds them to the case with the completion.
 */
export const EvidenceInput = ({ source = 'evidence' }: { source?: string }) => {
  const translate = useTranslate();
  const { field } = useInput<string[]>({ source, defaultValue: [] });
  const [known, setKnown] = useState<EvidenceFile[]>([]);
  return (
    <Box data-testid="form-evidence">
      <Typography variant="body2" sx={{ mb: 0.5 }}>
        {translate('app.files.form_evidence')}
      </Typography>
      <EvidenceUpload
        value={(field.value as string[] | undefined) ?? []}
        onChange={(ids) => field.onChange(ids)}
        files={known}
        onUploaded={(f) => setKnown((k) => [...k, f])}
        max={MAX_FILES}
        testId="form-evidence-upload"
      />
      <Typography variant="caption" color="text.secondary">
        {translate('app.files.form_evidence_helper')}
      </Typography>
    </Box>
  );
};

/** The evidence field of a form's values, for its body: sent only when there is any. */
export const evidenceOf = (values: { evidence?: string[] }) => (values.evidence?.length ? { evidence: values.evidence } : {});
