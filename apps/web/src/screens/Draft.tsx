import { useDocumentTitle } from '../components/Page';

export default function Draft() {
  useDocumentTitle('Draft');
  return <h1 className="utrecht-heading-1">Draft</h1>;
}
