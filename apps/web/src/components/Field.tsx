import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldProps {
  label: string;
  description?: ReactNode;
}

function FieldShell({ id, label, description, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className="utrecht-form-field qd-field">
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description ? (
        <div className="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

export function TextField({ label, description, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} description={description}>
      <input id={id} className="utrecht-textbox utrecht-textbox--html-input" aria-describedby={description ? `${id}-description` : undefined} {...input} />
    </FieldShell>
  );
}

export function SelectField({ label, description, children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} description={description}>
      <select id={id} className="utrecht-select utrecht-select--html-select" aria-describedby={description ? `${id}-description` : undefined} {...select}>
        {children}
      </select>
    </FieldShell>
  );
}

export function TextareaField({ label, description, ...textarea }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} description={description}>
      <textarea id={id} className="utrecht-textarea utrecht-textarea--html-textarea" aria-describedby={description ? `${id}-description` : undefined} {...textarea} />
    </FieldShell>
  );
}

export function CheckboxField({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox qd-check">
      <input id={id} type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" {...input} />
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
