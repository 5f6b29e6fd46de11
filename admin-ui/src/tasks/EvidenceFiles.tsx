// Evidence files (DOMAIN.md "Evidence: a file on a task or case"): an operator's photos and PDFs of its
// self-check areas and rectification proofs, as the station officer and the operator see them. The API
// serves a file only with the bearer token (GET /api/attachments/:id), so an image is fetched and shown
// from a blob: URL (the Content-Security-Policy allows blob: images), anything else is a download link.
import { useEffect, useState } from 'react';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Box, Chip, Link, Stack, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { API_URL, downloadFile, errorMessage } from '../httpClient';
import { getToken } from '../session';

/** A file on a case (GET /api/tasks/:id evidenceFiles, GET /api/portal/cases/:id/evidence). */
export interface EvidenceFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256?: string;
}

/** A proof of rectification handed in for one round (GET /api/tasks/:id proofs of a verification). */
export interface RectificationProof {
  id: string;
  round: number;
  note: string;
  files: EvidenceFile[];
  submittedAt: string;
  submittedBy: string;
  onBehalfOf: boolean;
}

/** What GET /api/tasks/:id adds to an operator's or a Changxing task (api/portal/changxing.ts taskExtras). */
export interface TaskEvidenceExtras {
  actingFor?: { operatorId: string; operatorName: string; hasAccount: boolean };
  evidenceFiles?: EvidenceFile[];
  proofs?: RectificationProof[];
}

const isImage = (f?: Pick<EvidenceFile, 'contentType'>) => !!f && f.contentType.startsWith('image/');

/** The file's bytes as a blob: URL while the component shows it. */
const useBlobUrl = (id: string, enabled: boolean) => {
  const [url, setUrl] = useState<string>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!enabled) return undefined;
    let made: string | undefined;
    let cancelled = false;
    const token = getToken();
    fetch(`${API_URL}/attachments/${encodeURIComponent(id)}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
      .then(async (r) => {
        if (!r.ok) throw new Error(String(r.status));
        const blob = await r.blob();
        if (cancelled) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [id, enabled]);
  return { url, failed };
};

/** One file: a thumbnail for an image (opens full size), a link that downloads it otherwise. */
export const EvidenceItem = ({ id, file, size = 72 }: { id: string; file?: EvidenceFile; size?: number }) => {
  const notify = useNotify();
  const translate = useTranslate();
  const image = isImage(file);
  const { url, failed } = useBlobUrl(id, image);
  const name = file?.filename ?? id;
  if (image && !failed)
    return (
      <Box
        component="a"
        href={url}
        target="_blank"
        rel="noopener"
        data-testid="evidence-thumb"
        title={name}
        sx={{
          display: 'inline-block',
          width: size,
          height: size,
          borderRadius: 1,
          overflow: 'hidden',
          border: 1,
          borderColor: 'divider',
          bgcolor: 'action.hover',
        }}
      >
        {url && <img src={url} alt={name} style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} />}
      </Box>
    );
  return (
    <Chip
      icon={file?.contentType === 'application/pdf' ? <PictureAsPdfIcon /> : undefined}
      data-testid="evidence-link"
      label={
        <Link
          component="button"
          type="button"
          underline="hover"
          onClick={async () => {
            try {
              await downloadFile(`/attachments/${encodeURIComponent(id)}`, name);
            } catch (error) {
              notify(errorMessage(error), { type: 'error' });
            }
          }}
        >
          {file ? name : translate('app.evidence.file')}
        </Link>
      }
    />
  );
};

/** The files of an area or a proof, side by side (none: nothing). */
export const EvidenceList = ({ ids, files, testId = 'evidence-files' }: { ids?: string[]; files?: EvidenceFile[]; testId?: string }) => {
  if (!ids?.length) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap data-testid={testId} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      {ids.map((id) => (
        <EvidenceItem key={id} id={id} file={files?.find((f) => f.id === id)} />
      ))}
    </Stack>
  );
};

/** The proofs handed in for a rectification order: note, files, when, and whether staff filed it for the operator. */
export const RectificationProofs = ({ proofs, formatDate }: { proofs?: RectificationProof[]; formatDate: (iso: string) => string }) => {
  const translate = useTranslate();
  if (!proofs?.length)
    return (
      <Typography variant="body2" color="text.secondary" data-testid="rectification-proofs-none">
        {translate('app.evidence.no_proof')}
      </Typography>
    );
  return (
    <Stack spacing={1.5} data-testid="rectification-proofs">
      {proofs.map((p) => (
        <Box key={p.id} data-testid="rectification-proof" sx={{ borderLeft: 3, borderColor: 'primary.light', pl: 1.5 }}>
          <Typography variant="body2" color="text.secondary">
            {translate('app.evidence.proof_filed', { date: formatDate(p.submittedAt), name: p.submittedBy })}
            {p.onBehalfOf && <Chip size="small" sx={{ ml: 1 }} label={translate('app.evidence.on_behalf')} />}
          </Typography>
          <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', my: 0.5 }}>
            {p.note}
          </Typography>
          <EvidenceList ids={p.files.map((f) => f.id)} files={p.files} />
        </Box>
      ))}
    </Stack>
  );
};
