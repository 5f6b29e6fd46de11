import { useRef, useState } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, Chip, CircularProgress, FormHelperText, Stack, Typography } from '@mui/material';
import { useDataProvider, useInput, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { errorMessage } from '../httpClient';
import type { Attachment } from '../types';

/** The API takes files up to 10 MB (decoded). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The file types the API takes, by extension (the browser leaves some types blank). */
const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp4: 'video/mp4',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
};
const ACCEPT = Object.keys(TYPES)
  .map((ext) => `.${ext}`)
  .join(',');
const typeOf = (file: File) => TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? file.type;

export const formatBytes = (n: number): string =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A file's bytes as base64 (without the data: URL prefix). */
const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * Files attached to an application (licences, test reports, materials): each chosen file is
 * uploaded at once (POST /api/attachments, base64) and the form keeps the attachment ids. The
 * API's problem with the field (e.g. 缺少必填项：检测报告) shows under the button.
 */
export const AttachmentInput = ({ source, label, helperText, testId }: { source: string; label: string; helperText?: string; testId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { field, fieldState } = useInput({ source, defaultValue: [] });
  const ids: string[] = Array.isArray(field.value) ? field.value : [];
  const [known, setKnown] = useState<Record<string, Attachment>>({});
  const [uploading, setUploading] = useState(false);
  const idsRef = useRef(ids);
  idsRef.current = ids;

  const upload = async (files: File[]) => {
    if (!files.length) return;
    setUploading(true);
    const added: string[] = [];
    try {
      for (const file of files) {
        if (file.size > MAX_ATTACHMENT_BYTES) {
          notify('app.attachment.too_large', { type: 'error', messageArgs: { name: file.name } });
          continue;
        }
        const attachment = await dataProvider.uploadAttachment({
          filename: file.name,
          contentType: typeOf(file) || 'application/octet-stream',
          dataBase64: await toBase64(file),
        });
        setKnown((k) => ({ ...k, [attachment.id]: attachment }));
        added.push(attachment.id);
      }
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setUploading(false);
      if (added.length) field.onChange([...idsRef.current, ...added]);
    }
  };

  const error = fieldState.error?.message;
  return (
    <Box data-testid={testId} sx={{ mb: 1 }}>
      <Typography variant="body2" color={error ? 'error' : 'text.secondary'} sx={{ mb: 0.5 }}>
        {translate(label)}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {ids.map((id) => {
          const a = known[id];
          return (
            <Chip
              key={id}
              data-testid="attachment-chip"
              label={a ? `${a.filename} · ${formatBytes(a.size)} · SHA-256 ${a.sha256.slice(0, 12)}…` : id}
              title={a?.sha256}
              onDelete={() => field.onChange(ids.filter((other) => other !== id))}
            />
          );
        })}
        <Button
          component="label"
          size="small"
          variant="outlined"
          startIcon={uploading ? <CircularProgress size={16} /> : <UploadFileIcon />}
          disabled={uploading}
        >
          {translate(uploading ? 'app.attachment.uploading' : 'app.attachment.upload')}
          <input
            hidden
            type="file"
            multiple
            accept={ACCEPT}
            name={field.name}
            data-testid={`${testId}-file`}
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              event.target.value = '';
              void upload(files);
            }}
          />
        </Button>
      </Stack>
      {error ? (
        <FormHelperText error>{translate(error, { _: error })}</FormHelperText>
      ) : helperText ? (
        <FormHelperText>{translate(helperText)}</FormHelperText>
      ) : null}
    </Box>
  );
};
