import { useDocumentTitle } from '../components/Page';

export default function Import() {
  useDocumentTitle('Import');
  return <h1 className="utrecht-heading-1">Import</h1>;
}
