// The comment thread of a task or case (GET/POST /api/tasks/:id/comments, /api/cases/:id/comments; README
// "Comments and files"): oldest first, each with its author's name and when; 1..2000 characters.
import { useState } from 'react';
import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { API_URL, httpClient, problemOf } from '../httpClient';
import { useFormatDate } from './fields';

export interface CommentView {
  id: string;
  body: string;
  author: string;
  authorRole: string;
  createdAt: string;
  taskId: string | null;
  taskTitle: string | null;
}

const MAX = 2000;

/** Comments shown (no form): also used for the previous step's thread. */
export const CommentList = ({ comments, showTask = false }: { comments: CommentView[]; showTask?: boolean }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  if (!comments.length)
    return (
      <Typography variant="body2" color="text.secondary" data-testid="comments-none">
        {translate('app.comments.none')}
      </Typography>
    );
  return (
    <Stack spacing={1} data-testid="comment-list">
      {comments.map((c) => (
        <Box key={c.id} data-testid="comment" sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}>
          <Typography variant="caption" color="text.secondary">
            {translate('app.comments.by', { name: c.author, date: formatDate(c.createdAt) })}
            {showTask && c.taskTitle ? ` · ${translate('app.comments.on_task', { title: c.taskTitle })}` : ''}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {c.body}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
};

/** The thread with a box to add to it. `of`: the task's or the case's. */
export const Comments = ({ of, id, note }: { of: 'tasks' | 'cases'; id: string; note?: string }) => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const key = ['comments', of, id];
  const path = `${API_URL}/${of}/${encodeURIComponent(id)}/comments`;
  const { data } = useQuery({ queryKey: key, queryFn: async () => (await httpClient(path)).json as CommentView[] });
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const tooLong = text.trim().length > MAX;

  const send = async () => {
    setSending(true);
    setError(undefined);
    try {
      await httpClient(path, { method: 'POST', body: JSON.stringify({ body: text.trim() }) });
      // The new comment shows in the thread at once: no toast over the box.
      setText('');
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (e) {
      // Shown under the box once (the API's reasons), not as a toast over it.
      const p = problemOf(e);
      setError(p.fields[0]?.message ?? p.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <Box sx={{ px: 2, pb: 2 }} data-testid="comments">
      <Typography variant="h6" sx={{ mt: 2, mb: 1 }}>
        {translate('app.comments.title')}
      </Typography>
      {note && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate(note)}
        </Typography>
      )}
      <CommentList comments={data ?? []} showTask={of === 'cases'} />
      <Stack spacing={1} sx={{ mt: 1.5, maxWidth: '48rem' }}>
        <TextField
          label={translate('app.comments.add')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          multiline
          minRows={2}
          size="small"
          error={tooLong || !!error}
          helperText={tooLong ? translate('app.comments.too_long') : (error ?? `${text.trim().length} / ${MAX}`)}
          inputProps={{ 'data-testid': 'comment-input' }}
        />
        <Box>
          <Button variant="outlined" onClick={send} disabled={sending || !text.trim() || tooLong} data-testid="comment-send">
            {translate('app.comments.send')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
};
