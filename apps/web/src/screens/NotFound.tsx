import { Link } from 'react-router';
import { useDocumentTitle } from '../components/Page';

export default function NotFound() {
  useDocumentTitle('Pagina niet gevonden');
  return (
    <>
      <h1 className="utrecht-heading-1">Pagina niet gevonden</h1>
      <p className="utrecht-paragraph">
        Deze pagina bestaat niet. Ga naar de <Link to="/">werkvoorraad</Link>.
      </p>
    </>
  );
}
