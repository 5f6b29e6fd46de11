import { useState } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, Chip, CircularProgress, FormHelperText, Stack, Typography } from '@mui/material';
import { useInput, useNotify, useTranslate, ValidationError } from 'react-admin';
import { useAttachmentUpload } from '../common/upload';
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

/**
 * Files attached to an application (licences, test reports, materials): each chosen file is
 * uploaded at once (POST /api/attachments, base64) and the form keeps the attachment ids. The
 * API's problem with the field (e.g. 缺少必填项：检测报告) shows under the button.
 */
export const AttachmentInput = ({ source, label, helperText, testId }: { source: string; label: string; helperText?: string; testId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { field, fieldState } = useInput({ source, defaultValue: [] });
  const ids: string[] = Array.isArray(field.value) ? field.value : [];
  const [known, setKnown] = useState<Record<string, Attachment>>({});
  const { uploading, upload } = useAttachmentUpload<Attachment>({
    ids,
    onChange: field.onChange,
    onUploaded: (attachment) => setKnown((k) => ({ ...k, [attachment.id]: attachment })),
    prepare: (file) => {
      if (file.size > MAX_ATTACHMENT_BYTES) {
        notify('app.attachment.too_large', { type: 'error', messageArgs: { name: file.name } });
        return null;
      }
      return { blob: file, filename: file.name, contentType: typeOf(file) || 'application/octet-stream' };
    },
  });

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
              label={a ? `${a.filename} · ${formatBytes(a.size)}` : id}
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
        <FormHelperText error>
          <ValidationError error={error} />
        </FormHelperText>
      ) : helperText ? (
        <FormHelperText>{translate(helperText)}</FormHelperText>
      ) : null}
    </Box>
  );
};
