// Messages of the comment thread and the files of a task or case (common/Comments.tsx, common/FilesPanel.tsx)
// and of what a task shows of the step before it (tasks/PreviousSteps.tsx). Both languages side by side;
// zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    comments: {
      title: 'Comments',
      none: 'No comments yet.',
      add: 'Add a comment',
      send: 'Comment',
      too_long: 'At most 2000 characters',
      on_task: 'on “%{title}”',
      operator_sees: 'The operator of this case reads this thread and may write in it.',
      by: '%{name}, %{date}',
    },
    files: {
      title: 'Files',
      none: 'No files yet.',
      attach: 'Attach files',
      attached: 'Files attached',
      uploaded_by: '%{name}, %{date}',
      with_task: 'with “%{title}”',
      view_pdf: 'View',
      hide_pdf: 'Hide',
      download: 'Download',
      form_evidence: 'Photos and files (optional)',
      form_evidence_helper: 'Photos (JPEG, PNG, WebP) or PDF, at most 10 MB each; they are kept with the case.',
    },
    previous: {
      title: 'The previous step',
      completed: 'Completed %{date} by %{name}',
    },
  },
};

export const zh: typeof en = {
  app: {
    comments: {
      title: '留言',
      none: '暂无留言。',
      add: '填写留言',
      send: '留言',
      too_long: '最多 2000 字',
      on_task: '于「%{title}」',
      operator_sees: '本案件的经营主体可以查看并回复此处留言。',
      by: '%{name}，%{date}',
    },
    files: {
      title: '附件',
      none: '暂无附件。',
      attach: '添加附件',
      attached: '附件已添加',
      uploaded_by: '%{name}，%{date}',
      with_task: '随「%{title}」提交',
      view_pdf: '查看',
      hide_pdf: '收起',
      download: '下载',
      form_evidence: '照片和文件（可选）',
      form_evidence_helper: '照片（JPEG、PNG、WebP）或 PDF，每个不超过 10 MB，随案件保存。',
    },
    previous: {
      title: '上一环节',
      completed: '%{name} 于 %{date} 办结',
    },
  },
};
