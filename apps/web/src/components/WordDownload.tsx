import { useState } from 'react';
import { ApiError, request } from '../api/client';

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** "Download als Word": the answer document as a .docx (the API gives it on the Accept header, which a plain link cannot send). */
export function WordDownload({ questionSetId, fileName }: { questionSetId: string; fileName: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'error'>('idle');
  const [message, setMessage] = useState('');
  const download = async () => {
    setState('busy');
    try {
      const blob = await request<Blob>('GET', `/api/question-sets/${questionSetId}/answer-document`, { headers: { Accept: WORD }, as: 'blob' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setState('idle');
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : 'Het Word-document kon niet worden gemaakt.');
      setState('error');
    }
  };
  return (
    <>
      <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => void download()} disabled={state === 'busy'} aria-busy={state === 'busy' || undefined}>
        {state === 'busy' ? 'Word-document wordt gemaakt…' : 'Download als Word'}
      </button>
      {state === 'error' ? (
        <span role="alert" className="qd-muted">
          {' '}
          {message}
        </span>
      ) : null}
    </>
  );
}
