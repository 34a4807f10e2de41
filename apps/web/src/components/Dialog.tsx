import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

interface Props {
  title: string;
  open: boolean;
  onClose: () => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  busy?: boolean;
  submitLabel?: string;
  children: ReactNode;
}

/**
 * A modal form on the native <dialog> with showModal(): the browser keeps focus inside and makes the page
 * behind it inert; Escape closes it; focus returns to the button that opened it.
 */
export function FormDialog({ title, open, onClose, onSubmit, busy, submitLabel = 'Bevestigen', children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const closed = () => {
      onClose();
      // The button that opened it may be gone (the action is no longer allowed): then the page's main content.
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
      else document.getElementById('inhoud')?.focus();
    };
    dialog.addEventListener('close', closed);
    return () => dialog.removeEventListener('close', closed);
  }, [onClose]);

  return (
    <dialog ref={ref} className="qd-dialog" aria-labelledby={titleId}>
      {open ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit(event);
          }}
          aria-busy={busy || undefined}
        >
          <h2 id={titleId} className="utrecht-heading-2">
            {title}
          </h2>
          {children}
          <div className="qd-actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
              {submitLabel}
            </button>
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => ref.current?.close()}>
              Annuleren
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
