import { withQuery } from '../api/client';

type Query = Record<string, string | undefined>;

/**
 * "Download als CSV" / "Download als Excel" of a list the API can export (`?format=csv|xlsx`), as
 * plain links that keep the filters: the browser downloads the whole list, not the page shown.
 * `what` names the download for a screen reader when a screen has more than one ("statistiek per maand").
 */
export function ExportLinks({ path, query = {}, note, what }: { path: string; query?: Query; note?: string; what?: string }) {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const kept = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as Record<string, string>;
  const href = (format: 'csv' | 'xlsx') => withQuery(path, { ...kept, format });
  const hidden = what ? <span className="qd-visually-hidden"> ({what})</span> : null;
  return (
    <p className="utrecht-paragraph qd-actions">
      <a className="utrecht-link" href={href('csv')} download>
        Download als CSV{hidden}
      </a>
      <a className="utrecht-link" href={href('xlsx')} download>
        Download als Excel{hidden}
      </a>
      {note ? <span className="qd-muted">{note}</span> : null}
    </p>
  );
}
