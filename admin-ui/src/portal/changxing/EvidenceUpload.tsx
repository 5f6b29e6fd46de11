import CameraIcon from '@mui/icons-material/PhotoCameraOutlined';
import CloseIcon from '@mui/icons-material/Close';
import AttachIcon from '@mui/icons-material/AttachFileOutlined';
import { Box, Button, CircularProgress, IconButton, Stack } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { useAttachmentUpload, type Upload } from '../../common/upload';
import { EvidenceItem, type EvidenceFile } from '../../tasks/EvidenceFiles';

/** The API takes files up to 10 MB (decoded); evidence is a photo or a PDF (domain/evidence.ts). */
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
/** A phone's photo is re-encoded to at most this many pixels on its long side before it is sent. */
const MAX_SIDE = 2048;

/**
 * A camera's photo is often several MB (or HEIC): re-encoded as a JPEG of at most MAX_SIDE pixels it
 * uploads quickly over a phone's connection and opens anywhere. Small JPEG/PNG/WebP files and PDFs go as they are.
 */
async function prepared(file: File): Promise<Upload> {
  const type = file.type || (file.name.toLowerCase().endsWith('.pdf') ? 'application/pdf' : '');
  const asIs = { blob: file, filename: file.name, contentType: type };
  const small = file.size <= 1.5 * 1024 * 1024 && TYPES.includes(type);
  if (!type.startsWith('image/') || small || typeof createImageBitmap !== 'function') return asIs;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob) return asIs;
    return { blob, filename: file.name.replace(/\.[^.]*$/, '') + '.jpg', contentType: 'image/jpeg' };
  } catch {
    return asIs;
  }
}

/**
 * Evidence of one area or one proof: 拍照 opens the phone's camera (capture="environment"), the other
 * button takes a photo or a PDF from the device; each file is uploaded at once (POST /api/attachments) and
 * shown as a thumbnail (or a link) that can be removed again before the form is sent.
 */
export const EvidenceUpload = ({
  value,
  onChange,
  files,
  onUploaded,
  max,
  testId,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  /** What is known of each file (name, type), for thumbnails. */
  files: EvidenceFile[];
  onUploaded: (file: EvidenceFile) => void;
  max: number;
  testId: string;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { uploading, upload } = useAttachmentUpload<EvidenceFile>({
    ids: value,
    onChange,
    onUploaded,
    prepare: async (file, count) => {
      if (count >= max) {
        notify('app.evidence.limit', { type: 'warning', messageArgs: { max } });
        return 'stop';
      }
      const p = await prepared(file);
      if (!TYPES.includes(p.contentType)) {
        notify('app.evidence.wrong_type', { type: 'error', messageArgs: { name: file.name } });
        return null;
      }
      if (p.blob.size > MAX_BYTES) {
        notify('app.evidence.too_large', { type: 'error', messageArgs: { name: file.name } });
        return null;
      }
      return p;
    },
  });

  const picker = (capture: boolean) => (
    <input
      hidden
      type="file"
      accept={capture ? 'image/*' : 'image/*,application/pdf'}
      {...(capture ? { capture: 'environment' } : { multiple: true })}
      data-testid={`${testId}-${capture ? 'camera' : 'file'}`}
      onChange={(event) => {
        const chosen = Array.from(event.target.files ?? []);
        event.target.value = '';
        void upload(chosen);
      }}
    />
  );

  return (
    <Box data-testid={testId}>
      {value.length > 0 && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
          {value.map((id) => (
            <Box key={id} sx={{ position: 'relative' }} data-testid="evidence-upload-item">
              <EvidenceItem id={id} file={files.find((f) => f.id === id)} size={80} />
              <IconButton
                size="small"
                aria-label={translate('app.evidence.remove')}
                onClick={() => onChange(value.filter((x) => x !== id))}
                sx={{ position: 'absolute', top: -10, right: -10, bgcolor: 'background.paper', boxShadow: 1, '&:hover': { bgcolor: 'background.paper' } }}
              >
                <CloseIcon fontSize="small" />
              </IconButton>
            </Box>
          ))}
        </Stack>
      )}
      <Stack direction="row" spacing={1}>
        <Button
          component="label"
          variant="outlined"
          startIcon={uploading ? <CircularProgress size={18} /> : <CameraIcon />}
          disabled={uploading || value.length >= max}
          sx={{ minHeight: 48, flex: 1 }}
        >
          {translate(uploading ? 'app.evidence.uploading' : 'app.evidence.take_photo')}
          {picker(true)}
        </Button>
        <Button component="label" variant="outlined" startIcon={<AttachIcon />} disabled={uploading || value.length >= max} sx={{ minHeight: 48, flex: 1 }}>
          {translate('app.evidence.choose_file')}
          {picker(false)}
        </Button>
      </Stack>
    </Box>
  );
};
