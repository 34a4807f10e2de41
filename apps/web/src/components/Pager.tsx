import { Link, useLocation, useSearchParams } from 'react-router';

/** The page number of a list kept in the URL (`page`, 1-based). */
function usePage(): number {
  const [params] = useSearchParams();
  return Math.max(1, Number(params.get('page') ?? '1') || 1);
}

/** The form's filled-in fields as the URL's query; empty fields are left out. */
export function queryFromForm(form: HTMLFormElement): URLSearchParams {
  const next = new URLSearchParams();
  for (const [name, value] of new FormData(form).entries()) {
    const text = typeof value === 'string' ? value.trim() : '';
    if (text) next.set(name, text);
  }
  return next;
}

/**
 * "Vorige · Pagina n van m · Volgende" for a list whose filters and page live in the URL; when the
 * total is an estimate (`exact` false: more than 10,000 sets) only "Pagina n", and "Volgende" while
 * the estimate says there is more.
 */
export function Pager({ total, pageSize, exact = true }: { total: number; pageSize: number; exact?: boolean }) {
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const page = usePage();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const goTo = (to: number) => {
    const next = new URLSearchParams(params);
    if (to <= 1) next.delete('page');
    else next.set('page', String(to));
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  return (
    <nav aria-label="Paginering" className="qd-pager">
      {page > 1 ? <Link to={goTo(page - 1)}>Vorige</Link> : null}
      <span>{exact ? `Pagina ${page} van ${pages}` : `Pagina ${page}`}</span>
      {page < pages ? <Link to={goTo(page + 1)}>Volgende</Link> : null}
    </nav>
  );
}
