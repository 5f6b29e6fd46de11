import { useRef, useState } from 'react';
import { useNotify } from 'react-admin';
import { API_URL, errorMessage, httpClient } from '../httpClient';

/** A file's bytes as base64, without the data: URL prefix (how the API takes a file in JSON). */
export const toBase64 = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });

/** One file as it is to be sent: its bytes (perhaps re-encoded), name and declared type. */
export interface Upload {
  blob: Blob;
  filename: string;
  contentType: string;
}

/**
 * Uploads chosen files one after the other (POST /api/attachments, base64; the API checks the bytes are
 * of the declared type) and then adds the new attachments' ids to `ids` at once, so a file chosen while
 * another is on its way is not lost. `prepare` checks one file (with how many the field holds so far):
 * what to send, null to pass it over (having said why) or 'stop' to send no more. A refusal is notified.
 */
export function useAttachmentUpload<A extends { id: string }>({
  ids,
  onChange,
  onUploaded,
  prepare,
}: {
  ids: string[];
  onChange: (ids: string[]) => void;
  onUploaded: (attachment: A) => void;
  prepare: (file: File, count: number) => Promise<Upload | null | 'stop'> | Upload | null | 'stop';
}) {
  const notify = useNotify();
  const [uploading, setUploading] = useState(false);
  const current = useRef(ids);
  current.current = ids;

  const upload = async (chosen: File[]) => {
    if (!chosen.length) return;
    setUploading(true);
    const added: string[] = [];
    try {
      for (const file of chosen) {
        const p = await prepare(file, current.current.length + added.length);
        if (p === 'stop') break;
        if (!p) continue;
        const body = { filename: p.filename, contentType: p.contentType, dataBase64: await toBase64(p.blob) };
        const { json } = await httpClient(`${API_URL}/attachments`, { method: 'POST', body: JSON.stringify(body) });
        const attachment = json as A;
        onUploaded(attachment);
        added.push(attachment.id);
      }
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setUploading(false);
      if (added.length) onChange([...current.current, ...added]);
    }
  };
  return { uploading, upload };
}
